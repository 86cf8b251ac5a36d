#pragma once
// application/x-www-form-urlencoded: query strings and form bodies ("a=1&b=x+y&c=%C3%A4").
// Boost.URL 1.81's parse_query reads past the end of text that is not NUL-terminated (ASan), so this is ours.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tp::web {

using query_params = std::vector<std::pair<std::string, std::string>>;

// Pairs in order; '+' is a space; a key without '=' has an empty value; empty pieces are skipped.
// nullopt for a malformed %-escape or a decoded value that is not valid UTF-8.
[[nodiscard]] std::optional<query_params> parse_query_string(std::string_view text);

}  // namespace tp::web
