#pragma once
// Our own checks for what common iCalendar parsers let pass (see shared/ICALENDAR.md): line endings, folding,
// UTF-8 at folds, required properties, DTSTAMP and date-time forms, TZID/VTIMEZONE pairs, and series rules
// outside the subset every client reads (calendar/rule_subset.hpp).
#include <string>
#include <string_view>
#include <vector>

namespace tp::calendar {

// Every problem found, each a sentence naming the line; empty when the text passes.
[[nodiscard]] std::vector<std::string> lint_ics(std::string_view text);

}  // namespace tp::calendar
