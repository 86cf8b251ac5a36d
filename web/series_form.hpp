#pragma once
// The organisers' form for a series: the event fields for its first date, the rule, skipped dates (one per line)
// and moved or cancelled dates ("2027-05-25T17:00 -> 2027-05-27T17:00" or "... -> cancelled"). Checked by the
// import's rules like the event form.
#include "calendar/series.hpp"
#include "web/event_form.hpp"

namespace tp::web {

[[nodiscard]] form_fields fields_of(const calendar::series& s);
[[nodiscard]] series_form_result read_series_form(const form_fields& f);
[[nodiscard]] html series_form_page(const page_context& ctx, const event_form_page_input& in);

}  // namespace tp::web
