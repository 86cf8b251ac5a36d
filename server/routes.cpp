#include "server/routes.hpp"

#include <algorithm>

namespace tp::server {
namespace {

std::vector<std::string_view> pieces(std::string_view pattern) {
    std::vector<std::string_view> out;
    if (pattern.starts_with('/')) pattern.remove_prefix(1);
    while (!pattern.empty()) {
        const auto slash = pattern.find('/');
        out.push_back(pattern.substr(0, slash));
        pattern = slash == std::string_view::npos ? std::string_view{} : pattern.substr(slash + 1);
    }
    return out;
}

// One segment against one piece of a pattern; a parameter's value goes to `args`.
bool match_piece(std::string_view piece, std::string_view segment, std::vector<std::string>& args) {
    const auto open = piece.find('{');
    if (open == std::string_view::npos) return piece == segment;
    const auto close = piece.find('}', open);
    const auto prefix = piece.substr(0, open), suffix = piece.substr(close + 1);
    if (segment.size() <= prefix.size() + suffix.size() || !segment.starts_with(prefix) || !segment.ends_with(suffix))
        return false;
    const auto value = segment.substr(prefix.size(), segment.size() - prefix.size() - suffix.size());
    if (value.find('.') != std::string_view::npos) return false;
    args.emplace_back(value);
    return true;
}

}  // namespace

std::optional<std::vector<std::string>> match_route(std::string_view pattern, const std::vector<std::string>& segments) {
    const auto want = pieces(pattern);
    if (want.size() != segments.size()) return std::nullopt;
    std::vector<std::string> args;
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!match_piece(want[i], segments[i], args)) return std::nullopt;
    return args;
}

std::string allow_header(unsigned methods) {
    std::string out;
    const auto add = [&out](const char* name) { out += (out.empty() ? "" : ", ") + std::string(name); };
    if (methods & GET) add("GET"), add("HEAD");
    if (methods & POST) add("POST");
    if (methods & PUT) add("PUT");
    return out;
}

bool allows(unsigned methods, http::verb verb) {
    switch (verb) {
        case http::verb::get:
        case http::verb::head: return (methods & GET) != 0;
        case http::verb::post: return (methods & POST) != 0;
        case http::verb::put: return (methods & PUT) != 0;
        default: return false;
    }
}

std::vector<std::string> secret_prefixes(std::span<const route> table) {
    std::vector<std::string> out;
    for (const auto& r : table) {
        const auto at = r.pattern.find("{token}");
        if (at == std::string_view::npos) continue;
        std::string prefix(r.pattern.substr(0, at));
        if (std::find(out.begin(), out.end(), prefix) == out.end()) out.push_back(std::move(prefix));
    }
    return out;
}

}  // namespace tp::server
