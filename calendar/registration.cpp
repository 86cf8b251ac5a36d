#include "calendar/registration.hpp"

#include "calendar/enum_names.hpp"

namespace tp::calendar {
namespace {

using rs = registration_status;

constexpr std::array<std::pair<rs, std::string_view>, 6> names{{
    {rs::pending, "pending"},
    {rs::confirmed, "confirmed"},
    {rs::waitlisted, "waitlisted"},
    {rs::cancelled, "cancelled"},
    {rs::expired, "expired"},
    {rs::rejected, "rejected"},
}};

}  // namespace

std::string_view to_string(registration_status s) { return name_in(names, s); }

std::optional<registration_status> parse_registration_status(std::string_view s) { return value_in(names, s); }

bool allowed_transition(registration_status from, registration_status to) {
    switch (from) {
        case rs::pending: return to == rs::confirmed || to == rs::expired || to == rs::cancelled || to == rs::rejected;
        case rs::confirmed: return to == rs::cancelled || to == rs::rejected;
        case rs::waitlisted: return to == rs::pending || to == rs::cancelled || to == rs::rejected;
        case rs::cancelled:
        case rs::expired: return to == rs::pending || to == rs::waitlisted;
        case rs::rejected: return false;
    }
    return false;
}

bool is_active(registration_status s) { return s == rs::pending || s == rs::confirmed || s == rs::waitlisted; }

registration_window registration_window_of(const event& e, sys_seconds now) {
    if (e.status == event_status::cancelled) return registration_window::event_cancelled;
    if (e.status != event_status::published) return registration_window::not_published;
    if (now >= e.start) return registration_window::event_past;
    if (e.registration_opens && now < *e.registration_opens) return registration_window::not_yet_open;
    if (e.registration_closes && now >= *e.registration_closes) return registration_window::closed;
    return registration_window::open;
}

bool answers_changeable(const event& e, const registration& r, sys_seconds now) {
    return !e.questions.empty() && is_active(r.status) && registration_window_of(e, now) == registration_window::open;
}

bool seat_free(std::optional<int> capacity, held_seats held) {
    return !capacity || held.confirmed + held.pending < *capacity;
}

registration_status admit(std::optional<int> capacity, held_seats held, int waiting) {
    if (!capacity) return rs::pending;
    return waiting == 0 && seat_free(capacity, held) ? rs::pending : rs::waitlisted;
}

}  // namespace tp::calendar
