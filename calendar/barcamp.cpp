#include "calendar/barcamp.hpp"

#include <algorithm>

#include "calendar/enum_names.hpp"

namespace tp::calendar {
namespace {

constexpr std::array<std::pair<session_kind, std::string_view>, 5> kind_names{{
    {session_kind::talk, "talk"},
    {session_kind::workshop, "workshop"},
    {session_kind::discussion, "discussion"},
    {session_kind::hands_on, "hands-on"},
    {session_kind::other, "other"},
}};

// Upper-case umlauts (UTF-8) and their lower-case forms.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> umlauts{
    {{"\xC3\x84", "\xC3\xA4"}, {"\xC3\x96", "\xC3\xB6"}, {"\xC3\x9C", "\xC3\xBC"}}};

}  // namespace

std::string_view to_string(session_kind k) {
    const auto name = name_in(kind_names, k);
    return name.empty() ? "other" : name;
}

std::optional<session_kind> parse_session_kind(std::string_view s) { return value_in(kind_names, s); }

std::string host_key(std::string_view host) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < host.size(); ++i) {
        const char c = host[i];
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        const auto umlaut =
            std::find_if(umlauts.begin(), umlauts.end(), [&](const auto& u) { return host.substr(i, 2) == u.first; });
        if (umlaut != umlauts.end()) {
            out += umlaut->second;
            ++i;
        } else {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return out;
}

std::vector<grid_conflict> conflicts_of(const programme& p) {
    std::vector<placed_session> placed;
    placed.reserve(p.sessions.size());
    for (const auto& s : p.sessions) placed.push_back({s.id, host_key(s.host), s.votes, s.room, s.slot});
    return find_conflicts(p.rooms, p.slots, placed);
}

const grid_room* find_room(const programme& p, std::int64_t id) {
    const auto it = std::find_if(p.rooms.begin(), p.rooms.end(), [id](const grid_room& r) { return r.id == id; });
    return it == p.rooms.end() ? nullptr : &*it;
}

const grid_slot* find_slot(const programme& p, std::int64_t id) {
    const auto it = std::find_if(p.slots.begin(), p.slots.end(), [id](const grid_slot& s) { return s.id == id; });
    return it == p.slots.end() ? nullptr : &*it;
}

bool is_scheduled(const programme& p, const barcamp_session& s) {
    return s.room && s.slot && find_room(p, *s.room) && find_slot(p, *s.slot);
}

}  // namespace tp::calendar
