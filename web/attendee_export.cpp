#include "web/attendee_export.hpp"

#include <boost/json.hpp>
#include <date/date.h>

#include "calendar/zoned.hpp"
#include "web/admin_strings.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

std::string local_time(std::optional<calendar::sys_seconds> t, const std::string& zone) {
    if (!t) return {};
    const auto* z = calendar::find_zone(zone);
    return date::format("%Y-%m-%d %H:%M", z ? z->to_local(*t) : date::local_seconds{t->time_since_epoch()});
}

std::string answer_of(const calendar::answers& given, const std::string& key) {
    for (const auto& [k, values] : given) {
        if (k != key) continue;
        std::string out;
        for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
        return out;
    }
    return {};
}

std::vector<std::string> header_of(const std::vector<calendar::question>& questions, lang l, bool with_event) {
    const bool de = l == lang::de;
    std::vector<std::string> h;
    if (with_event) h = {de ? "Veranstaltung" : "Event", de ? "Beginn" : "Start"};
    for (const char* c : {de ? "Name" : "Name", de ? "E-Mail" : "Email", "Organisation", "Status",
                          de ? "Wartelistenplatz" : "Waiting list", de ? "Angemeldet" : "Registered",
                          de ? "Bestätigt" : "Confirmed", de ? "Eingecheckt" : "Checked in"})
        h.emplace_back(c);
    for (const auto& q : questions) h.push_back(q.label);
    return h;
}

std::vector<std::string> row_of(const calendar::event& e, const calendar::attendee& a,
                                const std::vector<calendar::question>& questions, lang l, bool with_event) {
    const auto& r = a.registration;
    std::vector<std::string> row;
    if (with_event) row = {e.title, local_time(e.start, e.time_zone)};
    for (auto cell : {r.name, r.email, r.organisation, std::string(status_label(r.status, l)),
                      r.position ? std::to_string(*r.position) : std::string{}, local_time(r.created_at, e.time_zone),
                      local_time(a.confirmed_at, e.time_zone), local_time(a.checked_in_at, e.time_zone)})
        row.push_back(std::move(cell));
    for (const auto& q : questions) row.push_back(answer_of(r.answers_given, q.key));
    return row;
}

std::string csv_field(const std::string& raw, char separator) {
    const auto cell = neutralise_formula(raw);
    if (cell.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

json::value utc(std::optional<calendar::sys_seconds> t) {
    if (!t) return nullptr;
    return json::value(date::format("%Y-%m-%dT%H:%M:%SZ", *t));
}

json::object attendee_json(const calendar::attendee& a) {
    const auto& r = a.registration;
    json::object answers;
    for (const auto& [key, values] : r.answers_given) {
        json::array list;
        for (const auto& v : values) list.emplace_back(v);
        answers[key] = std::move(list);
    }
    return {{"name", r.name},
            {"email", r.email},
            {"organisation", r.organisation},
            {"status", calendar::to_string(r.status)},
            {"position", r.position ? json::value(*r.position) : json::value(nullptr)},
            {"registered_at", utc(r.created_at)},
            {"confirmed_at", utc(a.confirmed_at)},
            {"checked_in_at", utc(a.checked_in_at)},
            {"delivery", a.delivery},
            {"answers", std::move(answers)}};
}

}  // namespace

export_table attendee_table(const std::vector<event_attendees>& events, lang l, bool with_event) {
    // Events of a network ask different questions: their answers go into the single-event exports only.
    const std::vector<calendar::question> none;
    const auto& questions = with_event || events.empty() ? none : events.front().event.questions;
    export_table t{header_of(questions, l, with_event), {}, {}};
    using k = cell_kind;
    if (with_event) t.kinds = {k::text, k::date_time};
    for (const auto kind : {k::text, k::text, k::text, k::text, k::number, k::date_time, k::date_time, k::date_time})
        t.kinds.push_back(kind);
    for (const auto& [e, list] : events)
        for (const auto& a : list) t.rows.push_back(row_of(e, a, questions, l, with_event));
    return t;
}

std::string neutralise_formula(std::string cell) {
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
        cell.insert(0, 1, '\'');
    return cell;
}

std::string to_csv(const export_table& t, char separator) {
    std::string out = "\xEF\xBB\xBF";
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) out += separator;
            out += csv_field(cells[i], separator);
        }
        out += "\r\n";
    };
    line(t.header);
    for (const auto& row : t.rows) line(row);
    return out;
}

std::string attendees_json(const calendar::event& e, const std::vector<calendar::attendee>& attendees) {
    json::array list;
    for (const auto& a : attendees) list.push_back(attendee_json(a));
    json::array questions;
    for (const auto& q : e.questions) questions.push_back(json::object{{"key", q.key}, {"label", q.label}});
    return json::serialize(
        json::object{{"event", json::object{{"slug", e.slug},
                                            {"title", e.title},
                                            {"start", utc(e.start)},
                                            {"time_zone", e.time_zone},
                                            {"capacity", e.capacity ? json::value(*e.capacity) : json::value(nullptr)},
                                            {"questions", std::move(questions)}}},
                     {"attendees", std::move(list)}});
}

}  // namespace tp::web
