#pragma once
// German and English strings of the registration form and the pages around it.
#include <string>
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

struct registration_strings {
    std::string_view heading, name, email, organisation, optional, consent_before, consent_link, consent_after, submit,
        seats_left, full_waitlist, not_yet_open, closed, cancelled, past, field_error_intro, csrf_error, inbox_title,
        inbox_text, waitlist_title, waitlist_text, repeated_title, repeated_text, manage_title, status_pending,
        status_confirmed, status_waitlisted, status_cancelled, status_expired, status_rejected, position, confirm_title,
        confirm_text, confirm_button, cancel_title, cancel_text, cancel_button, cancel_link, cancelled_title,
        cancelled_text, unknown_link, privacy_title, privacy_text, honeypot_label, personal_feed_title,
        personal_feed_text, personal_feed_reset, door_title, door_text, door_label, inbox_sent_to, inbox_hold_until,
        inbox_spam, repeated_sent_to, submit_waitlist, my_calendar_title, my_calendar_text, calendar_google,
        calendar_outlook, calendar_office, calendar_other, yes, answers_change, answers_title, answers_text,
        answers_save, answers_saved, answers_back, sessions_link, event_label, alarm_title, alarm_minutes, alarm_hour,
        alarm_day, unsubscribe_title, unsubscribe_text, unsubscribe_button, unsubscribe_done;
};

[[nodiscard]] const registration_strings& registration_strings_for(lang l);
// The 400's words for a personal feed's ?alarm= that is not 15 minutes to 2 days.
[[nodiscard]] std::string alarm_problem(std::string_view asked, lang l);

}  // namespace tp::web
