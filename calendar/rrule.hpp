#pragma once
// The RFC 5545 RRULE subset organisers need (3.3.10): FREQ DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL,
// BYDAY (with ordinals such as 2TU or -1TU), BYMONTHDAY (also negative), BYMONTH, BYSETPOS, WKST.
// Anything else is rejected with a message naming it, never ignored.
#include <date/date.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "calendar/types.hpp"

namespace tp::calendar {

class invalid_rrule : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

enum class frequency { daily, weekly, monthly, yearly };

struct weekday_rule {
    int ordinal = 0;       // 0: every such weekday; 1..53 or -1..-53: the nth (from the end) in the month or year
    unsigned weekday = 0;  // 0 = Sunday ... 6 = Saturday (date::weekday's C encoding)
    friend bool operator==(const weekday_rule&, const weekday_rule&) = default;
};

struct rrule {
    frequency freq = frequency::weekly;
    int interval = 1;
    std::optional<int> count;
    // UNTIL: an instant (UTC form) for timed series, a date for all-day series.
    std::variant<std::monostate, sys_seconds, date::local_days> until;
    std::vector<weekday_rule> by_day;
    std::vector<int> by_month_day;   // 1..31 or -31..-1
    std::vector<unsigned> by_month;  // 1..12
    std::vector<int> by_set_pos;     // 1..366 or -366..-1
    unsigned week_start = 1;         // WKST, default Monday
    friend bool operator==(const rrule&, const rrule&) = default;
};

inline constexpr int max_interval = 1000;
inline constexpr int max_count = 1000;

// Throws invalid_rrule with a sentence naming the part and the problem.
[[nodiscard]] rrule parse_rrule(std::string_view text);
// Canonical form: FREQ first, then INTERVAL (when not 1), COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS,
// WKST (when not MO). parse_rrule(to_string(r)) == r.
[[nodiscard]] std::string to_string(const rrule& r);

}  // namespace tp::calendar
