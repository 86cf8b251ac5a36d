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

}  // namespace

compiled_pattern::compiled_pattern(std::string_view pattern) {
    for (const auto text : pieces(pattern)) {
        const auto open = text.find('{');
        if (open == std::string_view::npos) {
            pieces_.push_back({text, {}, false, 2});
            continue;
        }
        const auto prefix = text.substr(0, open), suffix = text.substr(text.find('}', open) + 1);
        pieces_.push_back({prefix, suffix, true, prefix.empty() && suffix.empty() ? 0 : 1});
    }
}

bool compiled_pattern::matches(const std::vector<std::string>& segments) const {
    if (pieces_.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& p = pieces_[i];
        const std::string_view s = segments[i];
        if (!p.parameter) {
            if (s != p.prefix) return false;
            continue;
        }
        if (s.size() <= p.prefix.size() + p.suffix.size() || !s.starts_with(p.prefix) || !s.ends_with(p.suffix))
            return false;
        if (s.substr(p.prefix.size(), s.size() - p.prefix.size() - p.suffix.size()).find('.') != std::string_view::npos)
            return false;  // a parameter takes no dot: "/events/{slug}" never matches "x.ics"
    }
    return true;
}

std::optional<std::vector<std::string>> compiled_pattern::match(const std::vector<std::string>& segments) const {
    if (!matches(segments)) return std::nullopt;
    std::vector<std::string> args;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& p = pieces_[i];
        if (p.parameter)
            args.push_back(segments[i].substr(p.prefix.size(), segments[i].size() - p.prefix.size() - p.suffix.size()));
    }
    return args;
}

bool compiled_pattern::more_specific_than(const compiled_pattern& other) const {
    for (std::size_t i = 0; i < pieces_.size() && i < other.pieces_.size(); ++i)
        if (pieces_[i].rank != other.pieces_[i].rank) return pieces_[i].rank > other.pieces_[i].rank;
    return false;
}

std::optional<std::vector<std::string>> match_route(std::string_view pattern,
                                                    const std::vector<std::string>& segments) {
    return compiled_pattern(pattern).match(segments);
}

route_index::route_index(std::span<const route> table) {
    for (const auto& r : table) routes_.emplace_back(&r, compiled_pattern(r.pattern));
}

std::optional<route_index::found> route_index::find(const std::vector<std::string>& segments) const {
    const std::pair<const route*, compiled_pattern>* best = nullptr;
    for (const auto& candidate : routes_)
        if (candidate.second.matches(segments) && (!best || candidate.second.more_specific_than(best->second)))
            best = &candidate;
    if (!best) return std::nullopt;
    return found{best->first, *best->second.match(segments)};
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

std::vector<std::string> secret_paths(std::span<const route> table) {
    std::vector<std::string> out;
    for (const auto& r : table) {
        const auto at = r.pattern.find("{token}");
        if (at == std::string_view::npos) continue;
        std::string upto(r.pattern.substr(0, r.pattern.find('/', at)));
        if (std::find(out.begin(), out.end(), upto) == out.end()) out.push_back(std::move(upto));
    }
    return out;
}

}  // namespace tp::server
