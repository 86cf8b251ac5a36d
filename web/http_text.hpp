#pragma once
// Pieces of HTTP header values (RFC 9110 5.6): the optional whitespace around list elements and parameters.
#include <string_view>

namespace tp::web {

// `s` without spaces and tabs at either end.
[[nodiscard]] inline std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace tp::web
