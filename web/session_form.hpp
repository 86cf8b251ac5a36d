#pragma once
// The barcamp forms: a session proposal (participants and organisers), a room and a time slot (organisers).
// Each reads the typed fields, trims them, and gives either the value or a problem per field in the reader's
// language; what was typed stays in the fields so the form can show it again.
#include <optional>
#include <string>

#include "calendar/barcamp.hpp"
#include "web/event_form.hpp"
#include "web/i18n.hpp"
#include "web/query_string.hpp"

namespace tp::web {

inline constexpr std::size_t max_session_title = 150;
inline constexpr std::size_t max_session_description = 2000;
inline constexpr std::size_t max_session_host = 150;
inline constexpr std::size_t max_room_name = 100;
inline constexpr int max_room_capacity = 10000;

// The fields of a urlencoded body (the last of a repeated name wins); empty for a malformed body.
[[nodiscard]] form_fields fields_of_body(std::string_view body);

template <class T>
struct checked {
    std::optional<T> value;   // set when there are no problems
    field_messages problems;  // by field name
};

// title, description, host, kind.
[[nodiscard]] checked<calendar::session_proposal> check_proposal(form_fields& f, lang l);

struct room_input {
    std::string name;
    int capacity = 0;
};
// name, capacity (a whole number from 1).
[[nodiscard]] checked<room_input> check_room(form_fields& f, lang l);

struct slot_input {
    calendar::sys_seconds start{}, end{};
};
// date (YYYY-MM-DD), from and to (HH:MM) in the barcamp's zone; "to" after "from" on the same day.
[[nodiscard]] checked<slot_input> check_slot(form_fields& f, const std::string& time_zone, lang l);

}  // namespace tp::web
