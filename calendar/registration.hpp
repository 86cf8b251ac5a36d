#pragma once
// Registration rules, pure: states and their transitions, when registration is open, and whether a newcomer gets
// a seat or a place on the waiting list. Capacity holds confirmed plus unexpired pending registrations.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "calendar/types.hpp"

namespace tp::calendar {

enum class registration_status { pending, confirmed, waitlisted, cancelled, expired, rejected };

[[nodiscard]] std::string_view to_string(registration_status s);
[[nodiscard]] std::optional<registration_status> parse_registration_status(std::string_view s);

// pending -> confirmed | expired | cancelled | rejected; confirmed -> cancelled | rejected;
// waitlisted -> pending (promoted) | cancelled | rejected; cancelled and expired may register again (-> pending or
// waitlisted). Nothing else.
[[nodiscard]] bool allowed_transition(registration_status from, registration_status to);
// Whether the person holds (or waits for) a place: pending, confirmed, waitlisted.
[[nodiscard]] bool is_active(registration_status s);

// How long a pending registration holds its seat before it expires (double opt-in).
inline constexpr std::chrono::seconds default_hold{48 * 3600};

enum class registration_window { open, not_yet_open, closed, event_cancelled, event_past, not_published };
[[nodiscard]] registration_window registration_window_of(const event& e, sys_seconds now);

struct held_seats {
    int confirmed = 0;
    int pending = 0;  // unexpired only
};
// A seat (pending) when the event has no capacity or one is free, else the waiting list. Registrations that
// already wait keep precedence: with anyone waiting, newcomers wait too.
[[nodiscard]] registration_status admit(std::optional<int> capacity, held_seats held, int waiting);
// Whether a seat is free for the first person on the waiting list.
[[nodiscard]] bool seat_free(std::optional<int> capacity, held_seats held);

struct registration {
    std::int64_t id = 0;
    std::string token;  // 128 random bits, hex: the manage link
    std::string event_slug;
    std::string name;
    std::string email;
    std::string organisation;
    std::string language = "de";
    registration_status status = registration_status::pending;
    std::optional<int> position;            // on the waiting list, from 1
    std::optional<sys_seconds> expires_at;  // pending: when the held seat is freed
    answers answers_given;
    sys_seconds created_at{};
    sys_seconds updated_at{};
};

// Whether the person may change their answers now: the event asks questions, the registration is active
// (pending, confirmed, waiting) and registration is open.
[[nodiscard]] bool answers_changeable(const event& e, const registration& r, sys_seconds now);

// One line of an event's attendee list: the registration (with its waiting-list position), when it was
// confirmed and checked in, and how its latest email fared.
struct attendee {
    calendar::registration registration;
    std::optional<sys_seconds> confirmed_at;
    std::optional<sys_seconds> checked_in_at;
    std::string delivery;  // the latest message's outbox status (queued, sending, sent, failed, skipped) or ""
    std::string delivery_error;
};

}  // namespace tp::calendar
