#include "server/log_redaction.hpp"

#include "server/routes.hpp"

namespace tp::server {
namespace {

constexpr std::string_view hidden = "[hidden]";

// The literal path before every {token} of the route table ("/r/", "/feeds/", "/api/v1/registrations/"): the
// segment after it works as a password (a registration's link, a personal feed).
const std::vector<std::string>& secret_path_prefixes() {
    static const auto prefixes = secret_prefixes(route_table());
    return prefixes;
}

std::string loggable_path(std::string_view path) {
    for (const std::string_view prefix : secret_path_prefixes()) {
        if (!path.starts_with(prefix)) continue;
        const auto rest = path.substr(prefix.size());
        const auto end = rest.find('/');
        const auto secret = rest.substr(0, end);
        const bool ics = secret.ends_with(".ics");  // /feeds/{token}.ics keeps its ending
        std::string out(prefix);
        out.append(hidden).append(ics ? ".ics" : "");
        if (end != std::string_view::npos) out.append(rest.substr(end));
        return out;
    }
    return std::string(path);
}

// Query keys whose values are secrets: password and invitation links (?token=), keys, passwords.
bool secret_key(std::string_view key) {
    std::string lower;
    for (const char c : key) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return lower.find("token") != std::string::npos || lower == "key" || lower == "password";
}

// Each key=value pair whose key names a secret gets its value replaced.
std::string loggable_query(std::string_view query) {
    std::string out;
    while (true) {
        const auto amp = query.find('&');
        const auto piece = query.substr(0, amp);
        const auto eq = piece.find('=');
        if (eq != std::string_view::npos && secret_key(piece.substr(0, eq)))
            out.append(piece.substr(0, eq + 1)).append(hidden);
        else
            out.append(piece);
        if (amp == std::string_view::npos) return out;
        out += '&';
        query = query.substr(amp + 1);
    }
}

}  // namespace

std::string loggable_target(std::string_view target) {
    const auto q = target.find('?');
    std::string out = loggable_path(target.substr(0, q));
    if (q != std::string_view::npos) out.append("?").append(loggable_query(target.substr(q + 1)));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '"') c = '?';
    return out;
}

}  // namespace tp::server
