#pragma once
// Local wall times at the edges (forms, import, iCalendar) and their exact instants, via the OS tz database.
#include <date/tz.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/types.hpp"

namespace tp::calendar {

// Thrown for a local time or date that cannot be turned into an instant; what() is a sentence for people.
class invalid_time : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The years we can convert correctly: the OS tz files give exact transitions only up to 2037.
inline constexpr int first_supported_year = 1970;
inline constexpr int last_supported_year = 2037;

// The names of the IANA zones of the world's regions (Europe/Berlin, America/New_York, ...) and UTC, sorted:
// what a time zone menu offers. Old aliases (GB, US/Eastern) are left out; find_zone still knows them.
[[nodiscard]] const std::vector<std::string>& zone_names();
// The IANA zone, or nullptr when the name is unknown.
[[nodiscard]] const date::time_zone* find_zone(std::string_view name);

// Strict ISO forms "YYYY-MM-DDTHH:MM" (optionally ":SS") and "YYYY-MM-DD"; throw invalid_time otherwise.
[[nodiscard]] date::local_seconds parse_local_date_time(std::string_view text);
[[nodiscard]] date::local_days parse_local_date(std::string_view text);

// The instant of a wall time; throws invalid_time when it does not exist (DST gap), is ambiguous (DST overlap)
// or lies outside the supported years.
[[nodiscard]] sys_seconds resolve_local(date::local_seconds t, const date::time_zone& zone);
// The first instant of a local day (midnight, or the end of a DST gap that swallows midnight).
[[nodiscard]] sys_seconds start_of_day(date::local_days d, const date::time_zone& zone);

[[nodiscard]] date::local_seconds to_local(sys_seconds t, const date::time_zone& zone);
[[nodiscard]] date::local_days local_day_of(sys_seconds t, const date::time_zone& zone);

// iCalendar value forms: 20270920T080000Z, 20270920T100000, 20270920.
[[nodiscard]] std::string format_utc(sys_seconds t);
[[nodiscard]] std::string format_local(date::local_seconds t);
[[nodiscard]] std::string format_date(date::local_days d);
// ISO form for people and JSON: 2027-09-20T10:00 and 2027-09-20.
[[nodiscard]] std::string format_iso_local(date::local_seconds t);
[[nodiscard]] std::string format_iso_date(date::local_days d);

}  // namespace tp::calendar
