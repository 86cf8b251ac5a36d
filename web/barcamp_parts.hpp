#pragma once
// Pieces the barcamp pages share: labelled form fields with their problems, slot times, a session's card and
// the plan grid.
#include <string>
#include <utility>
#include <vector>

#include <date/tz.h>

#include "calendar/barcamp.hpp"
#include "web/barcamp_pages.hpp"

namespace tp::web::barcamp {

[[nodiscard]] inline std::string say(lang l, const char* de, const char* en) { return l == lang::de ? de : en; }

[[nodiscard]] const date::time_zone& zone_of(const calendar::event& e);
// "10:00–10:45"; with the day in front when `with_day`: "Montag, 20. September 2027, 10:00–10:45".
[[nodiscard]] std::string slot_label(const calendar::grid_slot& s, const date::time_zone& zone, lang l, bool with_day);
// The local days the slots fall on, in order, each with its slots.
[[nodiscard]] std::vector<std::pair<date::local_days, std::vector<const calendar::grid_slot*>>> slots_by_day(
    const calendar::programme& p, const date::time_zone& zone);

[[nodiscard]] html csrf_input(const std::string& csrf);
[[nodiscard]] html hidden(std::string_view name, std::string_view value);
// A labelled control with its problem below it (aria-invalid, aria-describedby); `type` is an input type or
// "textarea". `form` prefixes the element ids so several forms on a page keep them unique.
struct field_def {
    std::string_view form, name, label, type;
};
[[nodiscard]] html input_field(const field_def& d, const form_again& again, const std::string& fallback = "");
using choice = std::pair<std::string, std::string>;  // value, label
// The <option>s of a select, `selected` marked.
[[nodiscard]] html options_of(const std::vector<choice>& choices, const std::string& selected);
[[nodiscard]] html select_field(const field_def& d, const std::vector<choice>& choices, const std::string& selected,
                                const form_again& again);
// "Bitte prüfen Sie die markierten Angaben." above a form shown again, or its whole-form problem.
[[nodiscard]] html form_problem(const form_again& again, std::string_view form, lang l);
// The session kinds for a select.
[[nodiscard]] std::vector<choice> kind_choices(lang l);

// Title, kind, host, votes and (when `details`) the description.
[[nodiscard]] html session_summary(const calendar::barcamp_session& s, lang l, bool details);
// Per day a table: slots down, rooms across; on phones each slot becomes a list (the stylesheet's .plan rules).
[[nodiscard]] html plan_grid(const page_context& ctx, const calendar::event& e, const calendar::programme& p);

}  // namespace tp::web::barcamp
