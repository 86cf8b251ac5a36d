#pragma once
// The recurrence rules every calendar client expands the same way: those Outlook can hold as one of its patterns
// (daily, weekly on weekdays, monthly on a day or the first to fourth or last weekday, yearly the same within one
// month), with a first date the rule itself produces. Outlook answers other rules with "not supported calendar
// message" or drops the series (KB2643084); it moves day 29-31 to a month's last day. The import accepts every
// rule of rrule.hpp; the feeds write a series outside this subset as its dates (docs/ARCHITECTURE.md).
#include <date/date.h>

#include <optional>
#include <string>

#include "calendar/rrule.hpp"
#include "calendar/series.hpp"

namespace tp::calendar {

// Why the rule with this first date lies outside the subset (one English sentence), or nothing when inside.
[[nodiscard]] std::optional<std::string> outside_rule_subset(const rrule& r, date::local_days first);

// Whether feeds, downloads and invitations write this series as one object with its RRULE (and its dates as
// RECURRENCE-IDs of the series' UID) rather than as single dates with their own UIDs. False for a rule that
// does not parse.
[[nodiscard]] bool written_as_rule(const series& s);
[[nodiscard]] bool written_as_rule(const std::string& rule, date::local_seconds first_start);

}  // namespace tp::calendar
