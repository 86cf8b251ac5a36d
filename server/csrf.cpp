#include "server/csrf.hpp"

#include <sodium.h>

#include <algorithm>

#include "server/auth.hpp"
#include "store/tokens.hpp"

namespace tp::server {
namespace {

bool lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

std::string_view csrf_token_of(const request& req) {
    const auto value = cookie_value(req, csrf_cookie);
    return value.size() == 32 && std::all_of(value.begin(), value.end(), lower_hex) ? value : std::string_view{};
}

std::string new_csrf_token() { return store::random_token(); }

bool csrf_matches(const request& req, std::string_view submitted) {
    const auto cookie = csrf_token_of(req);
    return !cookie.empty() && submitted.size() == cookie.size() &&
           sodium_memcmp(cookie.data(), submitted.data(), cookie.size()) == 0;
}

std::string csrf_cookie_field(std::string_view token, bool secure) {
    return std::string(csrf_cookie) + "=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Lax" +
           (secure ? "; Secure" : "");
}

void set_csrf_cookie(response& res, std::string_view token, bool secure) {
    res.insert(http::field::set_cookie, csrf_cookie_field(token, secure));
}

}  // namespace tp::server
