#include "server/csrf.hpp"

#include <sodium.h>

#include "server/auth.hpp"
#include "store/tokens.hpp"

namespace tp::server {

std::string csrf_token_of(const request& req) {
    auto value = cookie_value(req, csrf_cookie);
    return value.size() == 32 ? value : std::string{};
}

std::string new_csrf_token() { return store::random_token(); }

bool csrf_matches(const request& req, std::string_view submitted) {
    const auto cookie = csrf_token_of(req);
    return !cookie.empty() && submitted.size() == cookie.size() &&
           sodium_memcmp(cookie.data(), submitted.data(), cookie.size()) == 0;
}

void set_csrf_cookie(response& res, const std::string& token, bool secure) {
    res.insert(http::field::set_cookie, std::string(csrf_cookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" +
                                            (secure ? "; Secure" : ""));
}

}  // namespace tp::server
