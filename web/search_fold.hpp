#pragma once
// Text for searching names, emails and organisations: any script to Latin, accents dropped, lower case (ICU's
// "Any-Latin; Latin-ASCII; Any-Lower"), so "ülkü" and "yilmaz" find "Ülkü Yılmaz" and "JÖRG" finds "Jörg".
// Thread-safe.
#include <string>
#include <string_view>

namespace tp::web {

[[nodiscard]] std::string fold_for_search(std::string_view utf8);
// Whether `haystack`, folded, contains `folded_needle` (already folded); an empty needle matches everything.
[[nodiscard]] bool search_matches(std::string_view folded_needle, std::string_view haystack);

}  // namespace tp::web
