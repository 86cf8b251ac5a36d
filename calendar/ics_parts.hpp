#pragma once
// Pieces of an iCalendar object that every writer of ours shares (ics_writer.cpp, session_ics.cpp).
#include <optional>
#include <string>
#include <string_view>

#include "calendar/ics_writer.hpp"

namespace tp::calendar {

// UTC under any of its names: times are then written in UTC form, without VTIMEZONE.
[[nodiscard]] bool is_utc(std::string_view zone);
// BEGIN:VCALENDAR, VERSION, PRODID, CALSCALE.
void append_calendar_start(std::string& out);
// The start plus the feed's NAME, DESCRIPTION, URL and refresh hints; X-WR-TIMEZONE when one zone is used.
void append_header(std::string& out, const feed_info& feed, std::string_view hint_zone);
// UID, DTSTAMP, CREATED, LAST-MODIFIED and SEQUENCE.
void append_stamps(std::string& out, const std::string& uid, std::optional<sys_seconds> created, sys_seconds updated,
                   int sequence);

}  // namespace tp::calendar
