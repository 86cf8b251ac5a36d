#pragma once
// The organisers' form to create or change an event. Its fields are checked by the import's own rules (one
// validation for files, forms and the API); problems come back by field, with what was typed kept.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/series.hpp"
#include "calendar/types.hpp"
#include "web/html.hpp"
#include "web/links.hpp"
#include "web/network_choice.hpp"

namespace tp::web {

using form_fields = std::map<std::string, std::string>;  // field name -> text as typed
using field_messages = std::map<std::string, std::string>;

// An event as the form shows it: local times in its zone ("YYYY-MM-DDTHH:MM"), reminders as "7d, 1d".
[[nodiscard]] form_fields fields_of(const calendar::event& e);

struct event_form_result {
    std::optional<calendar::event> event;  // when every field is right
    field_messages problems;               // by field; "" for problems of the whole entry
};
// Registration questions come from their rows (question_rows.hpp).
[[nodiscard]] event_form_result read_event_form(const form_fields& f);

// The import's messages ("events[0] (slug): start: must be ...") by field ({"start": "must be ..."}); messages
// about the whole entry go under "".
void problems_of_import(const std::vector<std::string>& errors, field_messages& problems);

// The API's form of the same: one event as a JSON object in the import format (questions included).
[[nodiscard]] event_form_result read_event_json(std::string_view body);

struct series_form_result {
    std::optional<calendar::series> series;
    field_messages problems;
};
// One series as a JSON object in the import format (rule, skipped and moved dates, questions, reminders).
[[nodiscard]] series_form_result read_series_json(std::string_view body);

struct event_form_page_input {
    const form_fields& fields;
    const field_messages& problems;
    const std::vector<network_choice>& networks;  // the organiser's choices
    std::string csrf;
    bool creating = true;
    bool saved = false;  // just saved (after the redirect): a note says so, with the public page's link
    int registered = 0;  // people holding or waiting for a place: a change of time or place mails each of them
};
[[nodiscard]] html event_form_page(const page_context& ctx, const event_form_page_input& in);

}  // namespace tp::web
