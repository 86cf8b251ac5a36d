#pragma once
// Who is asking: an organiser by session cookie (admin pages) or by bearer token (API); cookies read here.
#include <optional>
#include <string>
#include <string_view>

#include "calendar/accounts.hpp"
#include "server/http_types.hpp"
#include "store/store.hpp"

namespace tp::server {

inline constexpr std::string_view session_cookie = "tp_session";

// The value of a cookie of the request (a view into it), or "" when it has none.
[[nodiscard]] std::string_view cookie_value(const request& req, std::string_view name);
[[nodiscard]] std::optional<calendar::organiser> session_user(const request& req, store::store& s);
// The token of "Authorization: Bearer <token>", or "" without one.
[[nodiscard]] std::string_view bearer_token(const request& req);
// "Authorization: Bearer <token>" of a live API token.
[[nodiscard]] std::optional<calendar::organiser> bearer_user(const request& req, store::store& s);
// HttpOnly, SameSite=Lax, Path=/admin, Secure over https; max-age as long as the session lives. An empty token
// clears the cookie.
void set_session_cookie(response& res, const std::string& token, bool secure);

}  // namespace tp::server
