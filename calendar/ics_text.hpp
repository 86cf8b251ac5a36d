#pragma once
// RFC 5545 text rules: TEXT escaping (3.3.11), parameter quoting (3.2) and 75-octet folding (3.1).
#include <string>
#include <string_view>

namespace tp::calendar {

// Escapes \ ; , and turns CR, LF and CRLF into \n. Other control characters are dropped: they are not
// allowed in iCalendar text; tabs become spaces. Invalid UTF-8 bytes become U+FFFD so every output line is
// valid UTF-8. Spaces at either end are dropped: libical drops them when reading, so they could not round-trip.
[[nodiscard]] std::string escape_text(std::string_view text);

// A parameter value (a CN): ';' and ':' become spaces (quoted they are valid, but node-ical and ts-ics split
// there; the full name stays in the text), runs of spaces one, DQUOTE-quoted when it holds ',' (DQUOTE itself
// cannot appear and becomes ').
[[nodiscard]] std::string param_value(std::string_view value);

// Appends one content line: folded so no physical line exceeds 75 octets, never inside a UTF-8 sequence,
// each physical line ending in CRLF. `head` is the name with its parameters, `value` the already escaped value.
void append_line(std::string& out, std::string_view head, std::string_view value);

// Replaces invalid UTF-8 sequences by U+FFFD.
[[nodiscard]] std::string valid_utf8(std::string_view text);
// Length of the valid UTF-8 sequence starting at s[i], or 0 if none starts there.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace tp::calendar
