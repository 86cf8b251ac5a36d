#pragma once
// German and English strings of the emails. Named fields in braces ({name}, {title}, {until}, {position},
// {relative}, {subject}, {network}, {n}) are filled in by mail_texts, which escapes them for HTML.
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

struct mail_kind_strings {
    std::string_view subject, intro, action;  // action: the label of the main link; empty: none
};

struct mail_strings {
    std::string_view greeting, when, where, online, join, page, manage, cannot_come, footer, signature;
    mail_kind_strings confirm_request, resend, waitlisted, promoted, confirmed, cancelled, rejected, reminder,
        event_changed, event_cancelled, organiser_message;
    std::string_view reminder_tomorrow, reminder_in_days, reminder_in_hours, reminder_soon, invitation_note,
        rejection_reason, change_time, change_place, door_title, door_text, door_text_plain, door_alt;
};

[[nodiscard]] const mail_strings& mail_strings_for(lang l);

}  // namespace tp::web
