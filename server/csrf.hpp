#pragma once
// CSRF protection for HTML forms by double submission: a random token in an HttpOnly, SameSite=Lax cookie and the
// same token in a hidden field; a POST must carry both, equal (compared in constant time).
#include <string>
#include <string_view>

#include "server/http_types.hpp"

namespace tp::server {

inline constexpr std::string_view csrf_cookie = "tp_csrf";

// The token of the request's cookie, or "" when it has none.
[[nodiscard]] std::string csrf_token_of(const request& req);
// 128 random bits, hex.
[[nodiscard]] std::string new_csrf_token();
[[nodiscard]] bool csrf_matches(const request& req, std::string_view submitted);
// Sets the cookie on a response (Secure when the site is served over https).
void set_csrf_cookie(response& res, const std::string& token, bool secure);

}  // namespace tp::server
