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

std::optional<std::vector<std::string>> match_route(std::string_view pattern,
                                                    const std::vector<std::string>& segments) {
    const auto want = pieces(pattern);
    if (want.size() != segments.size()) return std::nullopt;
    std::vector<std::string> args;
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!match_piece(want[i], segments[i], args)) return std::nullopt;
    return args;
}

route_index::route_index(std::span<const route> table) {
    for (const auto& r : table) {
        compiled c{&r, {}};
        for (const auto text : pieces(r.pattern)) {
            const auto open = text.find('{');
            if (open == std::string_view::npos) {
                c.pieces.push_back({text, {}, false, 2});
                continue;
            }
            const auto close = text.find('}', open);
            const auto prefix = text.substr(0, open), suffix = text.substr(close + 1);
            c.pieces.push_back({prefix, suffix, true, prefix.empty() && suffix.empty() ? 0 : 1});
        }
        routes_.push_back(std::move(c));
    }
}

bool route_index::matches(const compiled& c, const std::vector<std::string>& segments) {
    if (c.pieces.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& p = c.pieces[i];
        const std::string_view s = segments[i];
        if (!p.parameter) {
            if (s != p.prefix) return false;
            continue;
        }
        if (s.size() <= p.prefix.size() + p.suffix.size() || !s.starts_with(p.prefix) || !s.ends_with(p.suffix))
            return false;
        if (s.substr(p.prefix.size(), s.size() - p.prefix.size() - p.suffix.size()).find('.') != std::string_view::npos)
            return false;
    }
    return true;
}

std::optional<route_index::found> route_index::find(const std::vector<std::string>& segments) const {
    const compiled* best = nullptr;
    for (const auto& c : routes_) {
        if (!matches(c, segments)) continue;
        const auto more_specific = [&] {
            for (std::size_t i = 0; i < c.pieces.size(); ++i)
                if (c.pieces[i].rank != best->pieces[i].rank) return c.pieces[i].rank > best->pieces[i].rank;
            return false;
        };
        if (!best || more_specific()) best = &c;
    }
    if (!best) return std::nullopt;
    std::vector<std::string> args;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& p = best->pieces[i];
        if (p.parameter)
            args.push_back(segments[i].substr(p.prefix.size(), segments[i].size() - p.prefix.size() - p.suffix.size()));
    }
    return found{best->entry, std::move(args)};
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
