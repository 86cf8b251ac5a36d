#pragma once
// The registration questions on the organisers' event form: one row per question (label, type, options,
// required), the existing ones plus empty rows for new ones. A row without a label is no question.
#include <boost/json/array.hpp>

#include <string>
#include <vector>

#include "calendar/types.hpp"
#include "web/event_form.hpp"
#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

inline constexpr int new_question_rows = 2;

// Form fields q0.key, q0.label, q0.type, q0.options (one per line, so a choice may hold a comma), q0.required
// ("on") for each question.
void add_question_fields(form_fields& f, const std::vector<calendar::question>& questions);
// The questions the rows describe, in the import's JSON form (its rules check them). A new question's key comes
// from its label ("Essenswunsch" -> "essenswunsch"); an existing one keeps its key, so answers stay attached.
[[nodiscard]] boost::json::array questions_of(const form_fields& f);
// How many rows the form shows: every question there is plus new_question_rows empty ones; a form sent back
// with problems shows as many rows as it had (each failed submit used to add two).
[[nodiscard]] int question_rows(const form_fields& f);
// The rows as HTML fieldsets under their heading; `problem` (the questions' problem, in English) beside them.
[[nodiscard]] html question_rows_html(const page_context& ctx, const form_fields& f, const std::string& problem);
// A key for a label: a-z, 0-9 and '-', German umlauts spelled out; "frage" when nothing is left.
[[nodiscard]] std::string key_of_label(const std::string& label);

}  // namespace tp::web
