#include "web/event_form.hpp"

#include <boost/json.hpp>
#include <date/date.h>

#include "calendar/reminders.hpp"
#include "calendar/zoned.hpp"
#include "web/import_document.hpp"
#include "web/form_values.hpp"
#include "web/layout.hpp"
#include "web/question_rows.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

std::string local_text(calendar::sys_seconds t, const std::string& zone, bool all_day) {
    const auto* z = calendar::find_zone(zone);
    const auto local = z ? z->to_local(t) : date::local_seconds{t.time_since_epoch()};
    return all_day ? date::format("%Y-%m-%d", date::floor<date::days>(local)) : date::format("%Y-%m-%dT%H:%M", local);
}

json::object entry_of(const form_fields& f, field_messages& problems) {
    json::object e;
    for (const auto* key :
         {"slug", "network", "kind", "title", "description", "time_zone", "format", "venue", "address", "status"})
        e[key] = field_value(f, key);
    const bool all_day = field_value(f, "all_day") == "on";
    e["all_day"] = all_day;
    for (const auto* key : {"start", "end"}) e[key] = all_day ? field_value(f, key).substr(0, 10) : field_value(f, key);
    for (const auto* key : {"join_url", "info_url", "registration_opens", "registration_closes"})
        if (!field_value(f, key).empty()) e[key] = field_value(f, key);
    put_capacity(f, e, problems);
    e["reminders"] = comma_list(field_value(f, "reminders"));
    e["questions"] = questions_of(f);
    return e;
}

}  // namespace

form_fields fields_of(const calendar::event& e) {
    std::string reminders;
    for (const auto r : e.reminders) reminders += (reminders.empty() ? "" : ", ") + calendar::format_reminder_offset(r);
    form_fields f{{"slug", e.slug},
                  {"network", e.network_slug},
                  {"kind", std::string(calendar::to_string(e.kind))},
                  {"title", e.title},
                  {"description", e.description},
                  {"time_zone", e.time_zone},
                  {"start", local_text(e.start, e.time_zone, e.all_day)},
                  {"end", local_text(e.all_day ? e.end - std::chrono::days{1} : e.end, e.time_zone, e.all_day)},
                  {"format", std::string(calendar::to_string(e.format))},
                  {"venue", e.venue},
                  {"address", e.address},
                  {"join_url", e.join_url.value_or("")},
                  {"info_url", e.info_url.value_or("")},
                  {"capacity", e.capacity ? std::to_string(*e.capacity) : ""},
                  {"status", std::string(calendar::to_string(e.status))},
                  {"reminders", reminders}};
    if (e.all_day) f["all_day"] = "on";
    add_question_fields(f, e.questions);
    if (e.registration_opens) f["registration_opens"] = local_text(*e.registration_opens, e.time_zone, false);
    if (e.registration_closes) f["registration_closes"] = local_text(*e.registration_closes, e.time_zone, false);
    return f;
}

namespace {

// One entry of the import format (`list` is "events" or "series") checked by the import's rules.
template <class Result, class Take>
Result read_one(std::string_view body, const char* list, std::string_view what, Take take) {
    Result result;
    boost::system::error_code ec;
    auto value = json::parse(body, ec);
    if (ec || !value.is_object()) {
        result.problems[""] = "the body must be one " + std::string(what) + " as a JSON object";
        return result;
    }
    const auto parsed = parse_import(json::serialize(json::object{{list, json::array{std::move(value)}}}));
    problems_of_import(parsed.errors, result.problems);
    if (result.problems.empty()) take(parsed.document, result);
    return result;
}

}  // namespace

event_form_result read_event_json(std::string_view body) {
    return read_one<event_form_result>(body, "events", "event", [](const import_document& d, event_form_result& r) {
        if (d.events.size() == 1) r.event = d.events.front();
    });
}

series_form_result read_series_json(std::string_view body) {
    return read_one<series_form_result>(body, "series", "series", [](const import_document& d, series_form_result& r) {
        if (d.series.size() == 1) r.series = d.series.front();
    });
}

event_form_result read_event_form(const form_fields& f) {
    event_form_result result;
    const auto entry = entry_of(f, result.problems);
    const auto parsed = parse_import(json::serialize(json::object{{"events", json::array{entry}}}));
    problems_of_import(parsed.errors, result.problems);
    if (result.problems.empty() && parsed.document.events.size() == 1) result.event = parsed.document.events.front();
    return result;
}

void problems_of_import(const std::vector<std::string>& errors, field_messages& problems) {
    for (const auto& error : errors) {  // "events[0] (slug): start: must be ..." -> {"start": "must be ..."}
        const auto entry_end = error.find("): ");
        const auto rest = entry_end == std::string::npos ? error : error.substr(entry_end + 3);
        const auto colon = rest.find(": ");
        const auto field = colon == std::string::npos ? std::string{} : rest.substr(0, rest.find_first_of(":["));
        auto& slot = problems[field.find(' ') == std::string::npos ? field : std::string{}];
        slot += (slot.empty() ? "" : "; ") + (colon == std::string::npos ? rest : rest.substr(colon + 2));
    }
}

}  // namespace tp::web
