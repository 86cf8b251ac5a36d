#pragma once
// The registration form on event pages and the pages a registrant sees: check your inbox, manage, confirm,
// cancel, privacy notice. No JavaScript; errors stand next to their fields and the input is kept.
#include <optional>
#include <string>

#include "calendar/registration.hpp"
#include "web/html.hpp"
#include "web/links.hpp"
#include "web/registration_fields.hpp"
#include "web/registration_input.hpp"
#include "web/seat_info.hpp"

namespace tp::web {

// The "Anmeldung" section: the form while registration is open, otherwise why not.
[[nodiscard]] html registration_section(const page_context& ctx, const calendar::event& e,
                                        calendar::registration_window window, const seat_info& seats,
                                        const form_state& form);

enum class registration_reply { pending, waitlisted, repeated };
// What the page after registering (reached by a redirect) knows: what happened, the address mailed and, for a
// held seat, until when. Opened without a note (a bookmark, another browser) it speaks in general terms.
struct inbox_note {
    registration_reply reply = registration_reply::pending;
    std::string email{};
    std::optional<calendar::sys_seconds> held_until{};
};
[[nodiscard]] html check_inbox_page(const page_context& ctx, const calendar::event& e, const inbox_note& note);
// What the person's page shows beside the registration: `personal_feed` is the path of the person's feed (shown
// once confirmed); `door_url` is what the check-in QR code carries (confirmed registrations of events that have
// not ended); `answers_saved` after the answers were changed.
struct manage_extras {
    std::string personal_feed{};
    std::string door_url{};
    bool answers_saved = false;
};
[[nodiscard]] html manage_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                               const manage_extras& extras = {});
// The person changes their answers to the event's questions (while registration is open): the fields filled in
// with `f.answers`, problems next to them and summarised at the top.
[[nodiscard]] html answers_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                                const form_state& f);
// Stopping the mails to everyone of the event (List-Unsubscribe): what stops and what still comes, one button;
// `done` once stopped.
[[nodiscard]] html unsubscribe_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                                    const std::string& csrf, bool done);
// A page with one button that POSTs: confirm or cancel. GET never changes anything (mail scanners follow links).
[[nodiscard]] html confirm_step_page(const page_context& ctx, const calendar::registration& r, const calendar::event& e,
                                     const std::string& csrf, bool cancel);
// The organisation's own notice (text; blank lines separate paragraphs) or, without one, our short default.
[[nodiscard]] html privacy_page(const page_context& ctx, std::string_view notice = {});

}  // namespace tp::web
