#pragma once
// The fields a person fills in: the registration form and the page that changes one's answers share them. Each
// field carries its error next to it (aria-describedby); choices are fieldsets whose legend is the question.
#include <string>
#include <string_view>
#include <vector>

#include "calendar/types.hpp"
#include "web/error_summary.hpp"
#include "web/html.hpp"
#include "web/links.hpp"
#include "web/registration_input.hpp"

namespace tp::web {

struct form_state {
    registration_input values;  // what was typed, shown again
    bool consent = false;
    calendar::answers answers;  // to the event's questions, shown again
    field_errors errors;        // field -> problem; "csrf" for a stale form
    std::string csrf;           // the token for the hidden field
};

// A labelled text input with its error, if any, next to it.
struct text_input {
    std::string_view type, autocomplete;
    std::size_t max_length;  // as the server checks it
    bool required;
};
[[nodiscard]] html text_field(const form_state& f, const std::string& name, std::string_view label,
                              const std::string& value, const text_input& in);
// The input (or fieldset) for one of the event's questions, filled with f.answers; its field is "q.KEY".
[[nodiscard]] html question_field(const page_context& ctx, const form_state& f, const calendar::question& q);
// The summary links for the questions with a problem, in the questions' order (a choice: its first option).
[[nodiscard]] std::vector<summary_item> question_problems(const form_state& f,
                                                          const std::vector<calendar::question>& questions);
// The element id of a field ("q.diet" -> "f-q-diet").
[[nodiscard]] std::string field_id(const std::string& field);
// The hidden CSRF field of a form.
[[nodiscard]] html csrf_field(const std::string& token);

}  // namespace tp::web
