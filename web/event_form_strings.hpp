#pragma once
// German and English words of the organisers' event and series forms (labels of single fields live beside the
// fields in event_form_page.cpp).
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

struct event_form_strings {
    std::string_view new_event, edit_event, new_series, edit_series, problems_title, questions_title, save, save_draft,
        publish, draft_note, saved, saved_draft, saved_public, saved_cancelled, public_page, attendees, all_zones,
        status_draft, status_published, status_cancelled, question, question_label, answer_kind, choices, choices_hint,
        required, type_text, type_single, type_multiple, type_checkbox, change_mails;
};

[[nodiscard]] const event_form_strings& event_form_strings_for(lang l);

}  // namespace tp::web
