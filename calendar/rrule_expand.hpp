#pragma once
// Expanding a recurrence rule in local wall time (RFC 5545 3.3.10, 3.8.5.3) with the tz database:
// 17:00 stays 17:00 across DST. Bounded by a window, COUNT/UNTIL and hard caps, so no rule can loop or grow.
#include <date/tz.h>

#include <vector>

#include "calendar/rrule.hpp"

namespace tp::calendar {

struct occurrence {
    date::local_seconds local;  // the rule's wall time: the occurrence's identity (RECURRENCE-ID)
    sys_seconds start;          // its instant
    friend bool operator==(const occurrence&, const occurrence&) = default;
};

inline constexpr std::size_t max_occurrences = 5000;
inline constexpr std::size_t max_periods = 200000;  // e.g. daily for 500 years with nothing matching

// The instant of a recurrence's wall time: a time in a DST gap is shifted forward by the gap's length, a time in
// an overlap takes its first instance (RFC 5545 3.3.10). Never throws.
[[nodiscard]] sys_seconds recurrence_instant(date::local_seconds t, const date::time_zone& zone);

// The occurrences whose start lies in [from, to), in order. `first` (DTSTART) is always the first occurrence and
// counts towards COUNT. At most `limit` (and never more than max_occurrences) are returned. Pure, thread-safe.
[[nodiscard]] std::vector<occurrence> expand(const rrule& rule, date::local_seconds first, const date::time_zone& zone,
                                             sys_seconds from, sys_seconds to, std::size_t limit = max_occurrences);

// Whether `first` is itself a date the rule produces (RFC 5545 wants DTSTART "synchronized" with the rule;
// clients disagree about unsynchronized ones, so we refuse them).
[[nodiscard]] bool starts_on_rule(const rrule& rule, date::local_seconds first);

}  // namespace tp::calendar
