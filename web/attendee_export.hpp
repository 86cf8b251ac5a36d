#pragma once
// Attendee lists as tables for name badges, catering and funders' reports: CSV (for German Excel: UTF-8 with BOM,
// ';' by default, formula injection neutralised) and JSON. XLSX is written by the server from the same table.
#include <string>
#include <vector>

#include "calendar/registration.hpp"
#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

// How a column's cells read in a spreadsheet; CSV writes every cell as the text it is.
enum class cell_kind {
    text,
    number,     // "3": a whole number
    date_time,  // "2027-09-20 10:00": local date and time
    date,       // "2027-09-20"
    time,       // "10:00"
};
struct export_table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each as long as the header
    std::vector<cell_kind> kinds{};              // by column; a column without one is text
};

// The attendees of one or more events. Columns: (event and its start, when several events are exported) name,
// email, organisation, status, waiting-list position, registered, confirmed, checked in (times in the event's
// zone, "YYYY-MM-DD HH:MM"), then, for a single event, one column per custom question, answers joined by ", ".
struct event_attendees {
    const calendar::event& event;
    const std::vector<calendar::attendee>& attendees;
};
[[nodiscard]] export_table attendee_table(const std::vector<event_attendees>& events, lang l, bool with_event);

// A cell that a spreadsheet would run as a formula (= + - @, or a tab or CR first) gets a leading apostrophe.
[[nodiscard]] std::string neutralise_formula(std::string cell);
// RFC 4180 with the separator given (';' or ','), CRLF line ends, a UTF-8 byte order mark first.
[[nodiscard]] std::string to_csv(const export_table& t, char separator);
// {"event": {...}, "attendees": [...]} with machine names (status "waitlisted") and UTC ISO times.
[[nodiscard]] std::string attendees_json(const calendar::event& e, const std::vector<calendar::attendee>& attendees);

}  // namespace tp::web
