#pragma once
// The sessions feed of a barcamp: each scheduled session as a VEVENT in the barcamp's zone, its room as LOCATION,
// RELATED-TO the barcamp's UID, SEQUENCE raised whenever it moved.
#include <string>

#include "calendar/barcamp.hpp"
#include "calendar/ics_writer.hpp"

namespace tp::calendar {

// The page of a barcamp's plan: base_url + "/events/" + slug + "/sessions".
[[nodiscard]] std::string plan_url(std::string_view base_url, const event& barcamp);

// A whole VCALENDAR. Unplaced sessions are left out; when the barcamp is cancelled so are its sessions.
// Deterministic; thread-safe.
[[nodiscard]] std::string write_sessions_ics(const feed_info& feed, const event& barcamp, const programme& p);

}  // namespace tp::calendar
