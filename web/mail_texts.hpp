#pragma once
// What each email says, in German or English: subject, plain text and HTML from one structure, plus whether it
// carries a calendar invitation and whether it is still worth sending.
#include <chrono>
#include <optional>
#include <string>

#include "calendar/itip.hpp"
#include "calendar/messages.hpp"
#include "calendar/registration.hpp"
#include "calendar/types.hpp"

namespace tp::web {

struct mail_input {
    calendar::message_kind kind = calendar::message_kind::confirm_request;
    const calendar::registration& registration;
    const calendar::event& event;
    const calendar::network& network;
    std::string base_url;
    bool was_confirmed = false;                           // the person once held a confirmed seat (has our invitation)
    std::optional<std::chrono::seconds> reminder_offset;  // for reminders
    std::string organiser_subject;                        // for organiser messages
    std::string organiser_body;
    std::string reason;                       // why an organiser rejected the registration; may be empty
    std::optional<calendar::event> before{};  // a change: the event as it was (time, zone, format, place)
    std::string door_url{};                   // a confirmation: what the check-in QR code carries (empty: no code)
};

struct mail_text {
    std::string subject;
    std::string text;
    std::string html;
    std::optional<calendar::itip_method> invitation;  // REQUEST or CANCEL to attach, if any
    bool door_code = false;  // the HTML shows the check-in code as the picture door_code_cid: attach it
};

// The Content-ID of the check-in code's PNG in a confirmation mail.
inline constexpr std::string_view door_code_cid = "door-code@treffpunkt.invalid";

// nullopt for a kind that is no registration's (the message is then failed, not retried).
[[nodiscard]] std::optional<mail_text> render_mail(const mail_input& in);

// An organiser's invitation ("organiser_invite") or password reset ("organiser_reset") with its one-time link.
[[nodiscard]] mail_text render_organiser_mail(calendar::message_kind kind, const std::string& name,
                                              const std::string& link);

// Why a queued message should no longer go out (a reminder for a cancelled registration or an event that has
// started, a confirmation request that was already answered, ...), or nullopt to send it.
[[nodiscard]] std::optional<std::string> stale_reason(calendar::message_kind kind, const calendar::registration& r,
                                                      const calendar::event& e, calendar::sys_seconds now);

}  // namespace tp::web
