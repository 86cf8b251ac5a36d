#pragma once
// CSRF protection for HTML forms by double submission: a random token in an HttpOnly, SameSite=Lax cookie and the
// same token in a hidden field; a POST must carry both, equal (compared in constant time).
#include <string>
#include <string_view>

#include "server/http_types.hpp"

namespace tp::server {

inline constexpr std::string_view csrf_cookie = "tp_csrf";

// The token of the request's cookie (a view into the request), or "" when it has none or not one we make: 32
// lower-case hex digits, so that it can go into a page as it is.
[[nodiscard]] std::string_view csrf_token_of(const request& req);
// 128 random bits, hex.
[[nodiscard]] std::string new_csrf_token();
[[nodiscard]] bool csrf_matches(const request& req, std::string_view submitted);
// The Set-Cookie value for `token` (Secure when the site is served over https).
[[nodiscard]] std::string csrf_cookie_field(std::string_view token, bool secure);
// Sets the cookie on a response.
void set_csrf_cookie(response& res, std::string_view token, bool secure);

}  // namespace tp::server
