#pragma once
// German and English words of the confirmation steps before destructive actions (web/confirm_page.hpp).
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

struct confirm_strings {
    std::string_view cancel, nobody_mailed, no_undo;
    std::string_view reject_title, reject_mail, reject_invitation, reject_seat, reject_reason, reject_button;
    std::string_view message_title, message_count, message_nobody, message_subject, message_button;
    std::string_view forget_title, forget_count, forget_active, forget_none, forget_button;
    std::string_view remove_session_title, remove_session_effect, remove_room_title, remove_slot_title,
        remove_part_effect, remove_button;
    std::string_view feed_title, feed_effect, feed_then, feed_button;
};

[[nodiscard]] const confirm_strings& confirm_strings_for(lang l);

}  // namespace tp::web
