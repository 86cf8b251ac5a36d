#pragma once
// What each email says, in German or English: subject, plain text and HTML from one structure, plus whether it
// carries a calendar invitation and whether it is still worth sending.
#include <chrono>
#include <optional>
#include <string>

#include "calendar/itip.hpp"
#include "calendar/registration.hpp"
#include "calendar/types.hpp"

namespace tp::web {

struct mail_input {
    std::string kind;  // an outbox kind (see store::outbox_message)
    const calendar::registration& registration;
    const calendar::event& event;
    const calendar::network& network;
    std::string base_url;
    bool was_confirmed = false;                           // the person once held a confirmed seat (has our invitation)
    std::optional<std::chrono::seconds> reminder_offset;  // for reminders
    std::string organiser_subject;                        // for organiser messages
    std::string organiser_body;
};

struct mail_text {
    std::string subject;
    std::string text;
    std::string html;
    std::optional<calendar::itip_method> invitation;  // REQUEST or CANCEL to attach, if any
};

// nullopt for a kind we do not know (the message is then failed, not retried).
[[nodiscard]] std::optional<mail_text> render_mail(const mail_input& in);

// An organiser's invitation ("organiser_invite") or password reset ("organiser_reset") with its one-time link.
[[nodiscard]] mail_text render_organiser_mail(std::string_view kind, const std::string& name, const std::string& link);

// Why a queued message should no longer go out (a reminder for a cancelled registration or an event that has
// started, a confirmation request that was already answered, ...), or nullopt to send it.
[[nodiscard]] std::optional<std::string> stale_reason(const std::string& kind, const calendar::registration& r,
                                                      const calendar::event& e, calendar::sys_seconds now);

}  // namespace tp::web
