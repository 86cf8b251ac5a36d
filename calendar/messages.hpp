#pragma once
// The messages the outbox sends and what becomes of them. The names are stored in the database (outbox.kind,
// outbox.status) and read back through parse_*; an unknown name there is a bug, not input.
#include <optional>
#include <string_view>

namespace tp::calendar {

enum class message_kind {
    confirm_request,    // the double opt-in link
    resend,             // the same address registered again: its link once more
    waitlisted,         // on the waiting list
    promoted,           // a seat came free: confirm within the hold
    confirmed,          // with the invitation (iMIP REQUEST)
    cancelled,          // by the person (iMIP CANCEL when they held a seat)
    rejected,           // by an organiser
    reminder,           // before the event
    event_changed,      // time or place changed
    event_cancelled,    // the event is cancelled
    organiser_message,  // an organiser's text to every attendee
    organiser_invite,   // to an organiser: set a password (no registration)
    organiser_reset,    // to an organiser: a password reset link
};

// queued (due_at says when; a failed attempt is queued again), sending (claimed for a lease), and the ends.
enum class delivery_status { queued, sending, sent, failed, skipped };

[[nodiscard]] std::string_view to_string(message_kind k);
[[nodiscard]] std::optional<message_kind> parse_message_kind(std::string_view s);
[[nodiscard]] std::string_view to_string(delivery_status s);
[[nodiscard]] std::optional<delivery_status> parse_delivery_status(std::string_view s);
// Messages for organisers carry their link in the payload and belong to no registration.
[[nodiscard]] bool to_organiser(message_kind k);

}  // namespace tp::calendar
