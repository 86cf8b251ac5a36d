#include <catch2/catch.hpp>

#include "calendar/messages.hpp"

using namespace tp::calendar;

TEST_CASE("every message kind and delivery status has one stored name, read back to itself") {
    const auto kind =
        GENERATE(message_kind::confirm_request, message_kind::resend, message_kind::waitlisted, message_kind::promoted,
                 message_kind::confirmed, message_kind::cancelled, message_kind::rejected, message_kind::reminder,
                 message_kind::event_changed, message_kind::event_cancelled, message_kind::organiser_message,
                 message_kind::organiser_invite, message_kind::organiser_reset);
    CHECK_FALSE(to_string(kind).empty());
    CHECK(parse_message_kind(to_string(kind)) == kind);
    const auto status = GENERATE(delivery_status::queued, delivery_status::sending, delivery_status::sent,
                                 delivery_status::failed, delivery_status::skipped);
    CHECK(parse_delivery_status(to_string(status)) == status);
}

TEST_CASE("unknown names are no kind or status, and only invitations and resets go to organisers") {
    for (const auto* name : {"", "Reminder", "reminder ", "organiser", "queued"}) CHECK_FALSE(parse_message_kind(name));
    for (const auto* name : {"", "Sent", "retrying", "reminder"}) CHECK_FALSE(parse_delivery_status(name));
    CHECK(to_organiser(message_kind::organiser_invite));
    CHECK(to_organiser(message_kind::organiser_reset));
    CHECK_FALSE(to_organiser(message_kind::organiser_message));  // to attendees, from organisers
    CHECK_FALSE(to_organiser(message_kind::confirm_request));
}
