#include "server/csrf.hpp"

#include <sodium.h>

#include "store/tokens.hpp"

namespace tp::server {

std::string csrf_token_of(const request& req) {
    const std::string_view header = req[http::field::cookie];
    for (std::size_t pos = 0; pos < header.size();) {
        const auto end = std::min(header.find(';', pos), header.size());
        auto item = header.substr(pos, end - pos);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        const auto eq = item.find('=');
        if (eq != std::string_view::npos && item.substr(0, eq) == csrf_cookie) {
            const auto value = item.substr(eq + 1);
            if (value.size() == 32) return std::string(value);
        }
        pos = end + 1;
    }
    return {};
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
