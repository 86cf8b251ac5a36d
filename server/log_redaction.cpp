#include "server/log_redaction.hpp"

#include <algorithm>
#include <optional>

#include "server/routes.hpp"

namespace tp::server {
namespace {

constexpr std::string_view hidden = "[hidden]";

// Every route's path up to its {token} ("/r/{token}", "/admin/events/{slug}/door/{id}/{token}"): that segment
// works as a password (a registration's link, a personal feed, a check-in code).
const std::vector<std::string>& secret_path_patterns() {
    static const auto patterns = secret_paths(route_table());
    return patterns;
}

// The next segment of `s` (after its leading '/'), and `s` moves past it; nullopt when `s` is used up.
std::optional<std::string_view> next_segment(std::string_view& s) {
    if (!s.starts_with('/')) return std::nullopt;
    s.remove_prefix(1);
    const auto end = std::min(s.find('/'), s.size());
    const auto segment = s.substr(0, end);
    s.remove_prefix(end);
    return segment;
}

// `path` with its {token} segment hidden when it lies under `pattern`; nullopt when it does not.
std::optional<std::string> hide_token(std::string_view path, std::string_view pattern) {
    std::string out;
    while (const auto piece = next_segment(pattern)) {
        const auto segment = next_segment(path);
        if (!segment) return std::nullopt;
        out += '/';
        if (piece->starts_with("{token}")) {
            const bool ics = piece->ends_with(".ics") && segment->ends_with(".ics");  // {token}.ics keeps its ending
            return out.append(hidden).append(ics ? ".ics" : "").append(path);
        }
        const bool parameter = piece->starts_with('{');
        if (parameter ? segment->empty() : *segment != *piece) return std::nullopt;
        out.append(*segment);
    }
    return std::nullopt;
}

std::string loggable_path(std::string_view path) {
    for (const std::string_view pattern : secret_path_patterns())
        if (auto hidden_path = hide_token(path, pattern)) return std::move(*hidden_path);
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
