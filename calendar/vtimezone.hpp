#pragma once
// VTIMEZONE components (RFC 5545 3.6.5) derived at run time from the tz database the OS ships.
#include <date/tz.h>

#include <string>

#include "calendar/types.hpp"

namespace tp::calendar {

// Appends a VTIMEZONE for `zone` that is exact for every instant in [from, to] (with a year of margin).
// Yearly rules become STANDARD/DAYLIGHT blocks with RRULE (BYMONTH + BYDAY such as -1SU); a rule still in force
// at the end has no UNTIL. Irregular transitions get a block each. Pure; safe to call from any thread.
void append_vtimezone(std::string& out, const date::time_zone& zone, sys_seconds from, sys_seconds to);

}  // namespace tp::calendar
