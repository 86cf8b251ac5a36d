#pragma once
// German and English strings of the organisers' pages.
#include <string_view>

#include "calendar/accounts.hpp"
#include "calendar/registration.hpp"
#include "web/i18n.hpp"

namespace tp::web {

struct admin_strings {
    std::string_view login_title, email, password, login, logout, wrong_login, wait_login, your_events, no_events,
        attendees, confirmed, pending, waiting, status, all, search, filter, name, organisation, position, delivery,
        checked_in, actions, confirm, reject, promote, check_in, undo, export_label, checkin_title, checkin_search,
        checkin_list, print_hint, arrived, nobody_found, network_export, signed_in_as, new_event, edit_event, audit,
        when, who, what, details, message_title, message_subject, message_body, message_send, forget_title,
        forget_button, forgotten, forgot_password, series_title, new_series, busy_login, invalid_link, passwords_differ,
        password_too_short, invalid_choice, subject_empty, text_empty, text_invalid, unknown_network, checkin_of,
        checkin_here, door_unknown_title, door_unknown_text, upcoming, past_events, seats_taken, seats_unlimited,
        unconfirmed_n, waiting_n, public_page, exports_title, event_column, no_upcoming, person, answers, yes,
        waiting_place;
};

[[nodiscard]] const admin_strings& admin_strings_for(lang l);
[[nodiscard]] std::string_view status_label(calendar::registration_status s, lang l);
// draft, published, cancelled in words ("Entwurf", "veröffentlicht", "abgesagt").
[[nodiscard]] std::string_view event_status_label(calendar::event_status s, lang l);
// An outbox state (queued, sending, sent, failed, skipped) in words; "" stays "".
[[nodiscard]] std::string_view delivery_label(std::string_view state, lang l);
// Why an account was not created (an invitation, a new password).
[[nodiscard]] std::string_view account_problem_text(calendar::account_problem p, lang l);

}  // namespace tp::web
