#pragma once
// Scheduling messages for one person (RFC 5546 iTIP, sent by email per RFC 6047 iMIP): the invitation of a
// registered person (REQUEST, also after a change) and its withdrawal (CANCEL).
#include <string>

#include "calendar/types.hpp"

namespace tp::calendar {

enum class itip_method { request, cancel };
[[nodiscard]] std::string_view to_string(itip_method m);  // "REQUEST", "CANCEL"

struct itip_party {
    std::string name;
    std::string email;
};

struct itip_message {
    itip_method method = itip_method::request;
    itip_party organizer;
    itip_party attendee;
    std::string base_url;  // for the event's page
    int sequence = 0;      // at least the event's; a personal cancellation goes one above it
    sys_seconds stamp{};   // DTSTAMP: when the message was made
};

// The SEQUENCE of a message to one person: what one person receives for one UID only ever rises (RFC 5546
// 3.2.2), also when they cancel and register again. The event's SEQUENCE plus two for every withdrawal
// (cancelled or rejected) so far, `withdrawals` counting this one when the message is a withdrawal's CANCEL, which
// then sits one below: between the REQUEST before it and the one after.
[[nodiscard]] int personal_sequence(int event_sequence, int withdrawals, bool withdrawal);

// The ORGANIZER of a message to `attendee_email`: `preferred` (the network's contact) unless that is the
// attendee's own address (case-insensitive), which makes Outlook delete the invitation; then `fallback` (the
// sender).
[[nodiscard]] itip_party organizer_for(const itip_party& preferred, const itip_party& fallback,
                                       std::string_view attendee_email);

// A VCALENDAR with METHOD, the VTIMEZONE the event needs and one VEVENT with the event's UID, ORGANIZER and one
// ATTENDEE (PARTSTAT=ACCEPTED for a request). A request includes the private join link: it goes to a person
// holding a seat. Deterministic for the same input.
[[nodiscard]] std::string write_itip(const event& e, const itip_message& m);

}  // namespace tp::calendar
