#pragma once
// Dates and times as people read them, in the event's zone: "Freitag, 20. September 2027, 10:00–17:00 Uhr".
#include <date/date.h>
#include <date/tz.h>

#include <string>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

[[nodiscard]] std::string format_day(date::local_days d, lang l);     // Freitag, 20. September 2027
[[nodiscard]] std::string format_month(date::year_month ym, lang l);  // September 2027
[[nodiscard]] std::string format_time(date::local_seconds t);         // 10:00
// The month an event starts in, in its own zone (lists group by it).
[[nodiscard]] date::year_month month_of(const calendar::event& e);
// When an event happens, in its own zone; the zone is named when it is not Europe/Berlin.
[[nodiscard]] std::string format_when(const calendar::event& e, lang l);
// An instant in a zone, RFC 3339 with the zone's offset then: 2027-09-20T11:00:00+02:00.
[[nodiscard]] std::string iso_with_offset(calendar::sys_seconds t, const date::time_zone& zone);
// One instant in a zone: "Dienstag, 1. Juni 2027, 09:00 Uhr".
[[nodiscard]] std::string format_instant(calendar::sys_seconds t, const std::string& zone, lang l);

}  // namespace tp::web
