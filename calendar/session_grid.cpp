#include "calendar/session_grid.hpp"

#include <algorithm>
#include <tuple>

namespace tp::calendar {
namespace {

const grid_slot* slot_of(const std::vector<grid_slot>& slots, std::optional<std::int64_t> id) {
    if (!id) return nullptr;
    const auto it = std::find_if(slots.begin(), slots.end(), [&](const grid_slot& s) { return s.id == *id; });
    return it == slots.end() ? nullptr : &*it;
}

const grid_room* room_of(const std::vector<grid_room>& rooms, std::optional<std::int64_t> id) {
    if (!id) return nullptr;
    const auto it = std::find_if(rooms.begin(), rooms.end(), [&](const grid_room& r) { return r.id == *id; });
    return it == rooms.end() ? nullptr : &*it;
}

bool overlap(const grid_slot& a, const grid_slot& b) { return a.start < b.end && b.start < a.end; }

grid_conflict pair(grid_conflict_kind kind, std::int64_t a, std::int64_t b) {
    return {kind, {std::min(a, b), std::max(a, b)}};
}

}  // namespace

std::vector<grid_conflict> find_conflicts(const std::vector<grid_room>& rooms, const std::vector<grid_slot>& slots,
                                          const std::vector<placed_session>& sessions) {
    std::vector<grid_conflict> out;
    std::vector<const placed_session*> placed;
    for (const auto& s : sessions)
        if (room_of(rooms, s.room) && slot_of(slots, s.slot)) placed.push_back(&s);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const auto& a = *placed[i];
        if (a.votes > room_of(rooms, a.room)->capacity) out.push_back({grid_conflict_kind::room_too_small, {a.id}});
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            const auto& b = *placed[j];
            if (!overlap(*slot_of(slots, a.slot), *slot_of(slots, b.slot))) continue;
            if (a.room == b.room) out.push_back(pair(grid_conflict_kind::room_double_booked, a.id, b.id));
            if (!a.host.empty() && a.host == b.host)
                out.push_back(pair(grid_conflict_kind::host_in_two_places, a.id, b.id));
        }
    }
    std::sort(out.begin(), out.end(), [](const grid_conflict& x, const grid_conflict& y) {
        return std::tie(x.kind, x.sessions) < std::tie(y.kind, y.sessions);
    });
    return out;
}

}  // namespace tp::calendar
