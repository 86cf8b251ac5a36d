#pragma once
// Field rules shared by the import format and (later) forms. Each returns an empty string when the value is
// fine, else the problem in a short English sentence fragment.
#include <string>
#include <string_view>

namespace tp::web {

inline constexpr std::size_t max_line_length = 300;    // names, titles, venues (characters)
inline constexpr std::size_t max_text_length = 20000;  // descriptions (characters)
inline constexpr std::size_t max_url_length = 2000;
inline constexpr std::size_t max_email_length = 254;

[[nodiscard]] std::string check_slug(std::string_view s);
[[nodiscard]] std::string check_line(std::string_view s, std::size_t max = max_line_length);  // no control chars
[[nodiscard]] std::string check_text(std::string_view s, std::size_t max = max_text_length);  // newlines allowed
[[nodiscard]] std::string check_email(std::string_view s);
[[nodiscard]] std::string check_web_url(std::string_view s);  // absolute http(s) URL with a host

}  // namespace tp::web
