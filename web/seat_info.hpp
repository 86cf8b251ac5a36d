#pragma once
// How full an event is, as pages show it: seats left (when it has a limit) and whether new registrations wait.
#include <cstdint>
#include <map>
#include <optional>

namespace tp::web {

struct seat_info {
    std::optional<int> left;  // nullopt: no capacity
    bool waitlist = false;    // new registrations go to the waiting list
};
using seat_map = std::map<std::int64_t, seat_info>;  // by event id; an event missing has no limit

// "Few" seats left: at most 5, or at most a tenth of a large event's seats. Lists say "noch N Plätze" then.
[[nodiscard]] inline bool few_left(int left, int capacity) { return left <= 5 || left * 10 <= capacity; }

}  // namespace tp::web
