#pragma once
// Barcamp sessions in a grid of rooms and time slots: the conflicts organisers must see before publishing the
// plan. Pure rules (the grid pages and the store come with the barcamp issue).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/types.hpp"

namespace tp::calendar {

struct grid_room {
    std::int64_t id = 0;
    std::string name;
    int capacity = 0;
};

struct grid_slot {
    std::int64_t id = 0;
    sys_seconds start{};
    sys_seconds end{};  // after start
};

struct placed_session {
    std::int64_t id = 0;
    std::string host;  // the host's email key: one person cannot be in two places
    int votes = 0;
    std::optional<std::int64_t> room;  // unplaced: both empty
    std::optional<std::int64_t> slot;
};

enum class grid_conflict_kind {
    room_double_booked,  // two sessions in one room at overlapping times
    host_in_two_places,  // one host in sessions at overlapping times
    room_too_small,      // more votes than the room has seats
};

struct grid_conflict {
    grid_conflict_kind kind;
    std::vector<std::int64_t> sessions;  // the sessions involved, ascending
};

// Every conflict of the placed sessions, each pair once, in a stable order (by kind, then session ids).
// Sessions with an unknown room or slot are ignored (the caller validates placements first).
[[nodiscard]] std::vector<grid_conflict> find_conflicts(const std::vector<grid_room>& rooms,
                                                        const std::vector<grid_slot>& slots,
                                                        const std::vector<placed_session>& sessions);

}  // namespace tp::calendar
