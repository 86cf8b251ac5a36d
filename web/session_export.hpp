#pragma once
// A barcamp's sessions as an export table (CSV and XLSX like the attendee lists): for the room signs, the
// documentation and the funders' report.
#include "calendar/barcamp.hpp"
#include "web/attendee_export.hpp"

namespace tp::web {

// Every active session, most votes first: title, kind, host, votes, room, day, from, to (in the barcamp's zone,
// empty when not placed), description.
[[nodiscard]] export_table session_table(const calendar::event& barcamp, const calendar::programme& p, lang l);

}  // namespace tp::web
