#pragma once
// The organisers' pages: login, their events, an event's attendee list with actions and exports, the check-in
// page for the door (phone-sized) and a printable check-in list. German or English like every page.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "calendar/accounts.hpp"
#include "calendar/registration.hpp"
#include "web/door_list.hpp"
#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

struct login_form {
    std::string email;
    std::string error;  // shown above the form; empty: none
    std::string csrf;
};
[[nodiscard]] html login_page(const page_context& ctx, const login_form& form);

struct attendee_filter {
    std::optional<calendar::registration_status> status;  // only these
    std::string search;                                   // in name, email, organisation (any letter case)
};
// The attendees that pass the filter (the search folded once, search_fold.hpp), in their order.
[[nodiscard]] std::vector<calendar::attendee> only_matching(std::vector<calendar::attendee> all,
                                                            const attendee_filter& f);

[[nodiscard]] html attendee_page(const page_context& ctx, const calendar::event& e,
                                 const std::vector<calendar::attendee>& shown, const attendee_filter& f,
                                 const std::string& csrf);
// The check-in desk: "x von y da", a search, and everyone expected (door_list.hpp) with one button each.
[[nodiscard]] html checkin_page(const page_context& ctx, const calendar::event& e, const door_list& list,
                                const std::string& search, const std::string& csrf);
struct audit_line {
    calendar::sys_seconds at{};
    std::string actor, action, detail;
};
// Who changed what and when, oldest first.
// After an admin removed a person's data: how many registrations it was.
[[nodiscard]] html forgotten_page(const page_context& ctx, int registrations);
// Who changed what and when, in words (web/audit_words); `names` are the event's registrations by id.
[[nodiscard]] html audit_page(const page_context& ctx, const calendar::event& e, const std::vector<audit_line>& lines,
                              const std::map<std::int64_t, std::string>& names);

// Confirmed attendees sorted by name with a box to tick each.
// What a scanned check-in code shows: the person and one button, or (nullptr) that the code is not one of this
// event's.
[[nodiscard]] html door_page(const page_context& ctx, const calendar::event& e, const calendar::attendee* a,
                             const std::string& csrf);
// The same list on paper: everyone expected by name, a box to tick.
[[nodiscard]] html checkin_list_page(const page_context& ctx, const calendar::event& e, const door_list& list);

}  // namespace tp::web
