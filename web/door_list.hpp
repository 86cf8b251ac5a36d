#pragma once
// Who the check-in desk expects: everyone confirmed, and the unconfirmed (pending) marked as such, by name.
// A search narrows the list (case, accents and scripts folded, search_fold.hpp); the counts stay the event's.
#include <string_view>
#include <vector>

#include "calendar/registration.hpp"

namespace tp::web {

struct door_list {
    std::vector<calendar::attendee> shown;
    int arrived = 0;   // checked in
    int expected = 0;  // confirmed or pending
};

[[nodiscard]] door_list door_list_of(std::vector<calendar::attendee> all, std::string_view search);

}  // namespace tp::web
