#include "web/session_form.hpp"

#include <charconv>
#include <regex>

#include "calendar/zoned.hpp"
#include "web/validate.hpp"

namespace tp::web {
namespace {

void trim(std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    const auto last = s.find_last_not_of(" \t\r\n");
    s = first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
}

std::string& trimmed(form_fields& f, const std::string& key) {
    auto& v = f[key];
    trim(v);
    return v;
}

std::string say(lang l, const char* de, const char* en) { return l == lang::de ? de : en; }

std::string too_long(lang l, std::size_t max) {
    return (l == lang::de ? "Höchstens " : "At most ") + std::to_string(max) +
           (l == lang::de ? " Zeichen." : " characters.");
}

// A one-line field: required, at most `max` characters, no control characters.
void check_line_field(form_fields& f, const std::string& key, std::size_t max, lang l, field_messages& problems) {
    const auto& v = trimmed(f, key);
    if (v.empty())
        problems[key] = say(l, "Bitte ausfüllen.", "Please fill this in.");
    else if (const auto issue = check_line(v, max); !issue.empty())
        problems[key] = issue.find("longer") != std::string::npos
                            ? too_long(l, max)
                            : say(l, "Nur Text ohne Steuerzeichen.", "Text only, no control characters.");
}

std::optional<int> whole_number(const std::string& s) {
    int n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return n;
}

std::optional<date::local_seconds> local_time(const std::string& day, const std::string& hh_mm) {
    static const std::regex time("([01][0-9]|2[0-3]):[0-5][0-9]");
    if (!std::regex_match(hh_mm, time)) return std::nullopt;
    try {
        return calendar::parse_local_date_time(day + "T" + hh_mm);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

form_fields fields_of_body(std::string_view body) {
    form_fields out;
    for (auto& [k, v] : parse_query_string(body).value_or(query_params{})) out[k] = std::move(v);
    return out;
}

checked<calendar::session_proposal> check_proposal(form_fields& f, lang l) {
    checked<calendar::session_proposal> out;
    check_line_field(f, "title", max_session_title, l, out.problems);
    check_line_field(f, "host", max_session_host, l, out.problems);
    auto& description = trimmed(f, "description");
    if (const auto issue = check_text(description, max_session_description); !issue.empty())
        out.problems["description"] = issue.find("longer") != std::string::npos
                                          ? too_long(l, max_session_description)
                                          : say(l, "Nur Text ohne Steuerzeichen.", "Text only, no control characters.");
    const auto kind = calendar::parse_session_kind(trimmed(f, "kind"));
    if (!kind) out.problems["kind"] = say(l, "Bitte eine Art wählen.", "Please choose a kind.");
    if (out.problems.empty()) out.value = calendar::session_proposal{f["title"], description, f["host"], *kind};
    return out;
}

checked<room_input> check_room(form_fields& f, lang l) {
    checked<room_input> out;
    check_line_field(f, "name", max_room_name, l, out.problems);
    const auto capacity = whole_number(trimmed(f, "capacity"));
    if (!capacity || *capacity < 1 || *capacity > max_room_capacity)
        out.problems["capacity"] = (l == lang::de ? "Eine ganze Zahl von 1 bis " : "A whole number from 1 to ") +
                                   std::to_string(max_room_capacity) + ".";
    if (out.problems.empty()) out.value = room_input{f["name"], *capacity};
    return out;
}

checked<slot_input> check_slot(form_fields& f, const std::string& time_zone, lang l) {
    checked<slot_input> out;
    const auto& day = trimmed(f, "date");
    static const std::regex iso_day("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    const auto from = std::regex_match(day, iso_day) ? local_time(day, trimmed(f, "from")) : std::nullopt;
    const auto to = std::regex_match(day, iso_day) ? local_time(day, trimmed(f, "to")) : std::nullopt;
    if (!std::regex_match(day, iso_day) || !local_time(day, "00:00"))
        out.problems["date"] = say(l, "Ein Datum wie 2027-09-20.", "A date such as 2027-09-20.");
    else if (!from)
        out.problems["from"] = say(l, "Eine Uhrzeit wie 10:30.", "A time such as 10:30.");
    else if (!to)
        out.problems["to"] = say(l, "Eine Uhrzeit wie 11:15.", "A time such as 11:15.");
    else if (*to <= *from)
        out.problems["to"] = say(l, "Das Ende liegt vor dem Beginn.", "The end is before the start.");
    const auto* zone = calendar::find_zone(time_zone);
    if (out.problems.empty() && zone)
        out.value = slot_input{calendar::resolve_local(*from, *zone), calendar::resolve_local(*to, *zone)};
    return out;
}

}  // namespace tp::web
