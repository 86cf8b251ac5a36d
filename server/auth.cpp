#include "server/auth.hpp"

namespace tp::server {

std::string_view cookie_value(const request& req, std::string_view name) {
    const std::string_view header = req[http::field::cookie];
    for (std::size_t pos = 0; pos < header.size();) {
        const auto end = std::min(header.find(';', pos), header.size());
        auto item = header.substr(pos, end - pos);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        const auto eq = item.find('=');
        if (eq != std::string_view::npos && item.substr(0, eq) == name) return item.substr(eq + 1);
        pos = end + 1;
    }
    return {};
}

std::optional<calendar::organiser> session_user(const request& req, store::store& s) {
    const auto token = cookie_value(req, session_cookie);
    if (token.size() != 64) return std::nullopt;
    return s.session_organiser(std::string(token));
}

std::string_view bearer_token(const request& req) {
    const std::string_view header = req[http::field::authorization];
    constexpr std::string_view scheme = "Bearer ";
    return header.starts_with(scheme) ? header.substr(scheme.size()) : std::string_view{};
}

std::optional<calendar::organiser> bearer_user(const request& req, store::store& s) {
    const auto token = bearer_token(req);
    if (token.empty()) return std::nullopt;
    return s.api_token_organiser(std::string(token));
}

void set_session_cookie(response& res, const std::string& token, bool secure) {
    const auto age =
        token.empty() ? 0 : std::chrono::duration_cast<std::chrono::seconds>(store::session_lifetime).count();
    res.insert(http::field::set_cookie, std::string(session_cookie) + "=" + token +
                                            "; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(age) +
                                            (secure ? "; Secure" : ""));
}

}  // namespace tp::server
