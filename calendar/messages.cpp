#include "calendar/messages.hpp"

#include "calendar/enum_names.hpp"

namespace tp::calendar {

namespace {

using mk = message_kind;
constexpr name_table<mk, 13> kind_names{{
    {mk::confirm_request, "confirm_request"},
    {mk::resend, "resend"},
    {mk::waitlisted, "waitlisted"},
    {mk::promoted, "promoted"},
    {mk::confirmed, "confirmed"},
    {mk::cancelled, "cancelled"},
    {mk::rejected, "rejected"},
    {mk::reminder, "reminder"},
    {mk::event_changed, "event_changed"},
    {mk::event_cancelled, "event_cancelled"},
    {mk::organiser_message, "organiser_message"},
    {mk::organiser_invite, "organiser_invite"},
    {mk::organiser_reset, "organiser_reset"},
}};

using ds = delivery_status;
constexpr name_table<ds, 5> status_names{{
    {ds::queued, "queued"},
    {ds::sending, "sending"},
    {ds::sent, "sent"},
    {ds::failed, "failed"},
    {ds::skipped, "skipped"},
}};

}  // namespace

std::string_view to_string(message_kind k) { return name_in(kind_names, k); }
std::optional<message_kind> parse_message_kind(std::string_view s) { return value_in(kind_names, s); }
std::string_view to_string(delivery_status s) { return name_in(status_names, s); }
std::optional<delivery_status> parse_delivery_status(std::string_view s) { return value_in(status_names, s); }
bool to_organiser(message_kind k) { return k == mk::organiser_invite || k == mk::organiser_reset; }

}  // namespace tp::calendar
