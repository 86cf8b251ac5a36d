#include "web/series_form.hpp"

#include <boost/json.hpp>
#include <date/date.h>

#include "calendar/reminders.hpp"
#include "calendar/zoned.hpp"
#include "web/form_values.hpp"
#include "web/import_document.hpp"
#include "web/question_rows.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

std::string trimmed(std::string s) {
    s.erase(0, s.find_first_not_of(" \t\r"));
    s.erase(s.find_last_not_of(" \t\r") + 1);
    return s;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (auto line = trimmed(text.substr(start, end - start)); !line.empty()) out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

std::string local_text(date::local_seconds t) { return date::format("%Y-%m-%dT%H:%M", t); }

// "A -> B" (or "A → B"): B a new start or "cancelled"/"abgesagt".
json::array overrides_of(const std::string& text, field_messages& problems) {
    json::array out;
    for (const auto& line : lines_of(text)) {
        auto arrow = line.find("->");
        std::size_t width = 2;
        if (arrow == std::string::npos) arrow = line.find("\xE2\x86\x92"), width = 3;  // →
        if (arrow == std::string::npos) {
            problems["overrides"] = "write each line as: original date-time -> new date-time (or -> cancelled)";
            continue;
        }
        const auto original = trimmed(line.substr(0, arrow)), target = trimmed(line.substr(arrow + width));
        if (target == "cancelled" || target == "abgesagt")
            out.push_back(json::object{{"original_start", original}, {"status", "cancelled"}});
        else
            out.push_back(json::object{{"original_start", original}, {"start", target}});
    }
    return out;
}

json::object entry_of(const form_fields& f, field_messages& problems) {
    json::object e;
    for (const auto* key : {"slug", "network", "kind", "title", "description", "time_zone", "format", "venue",
                            "address", "status", "rrule", "start", "end"})
        e[key] = field_value(f, key);
    for (const auto* key : {"join_url", "info_url"})
        if (!field_value(f, key).empty()) e[key] = field_value(f, key);
    put_capacity(f, e, problems);
    json::array exdates;
    for (const auto& line : lines_of(field_value(f, "exdates"))) exdates.emplace_back(line);
    e["exdates"] = std::move(exdates);
    e["overrides"] = overrides_of(field_value(f, "overrides"), problems);
    e["reminders"] = comma_list(field_value(f, "reminders"));
    e["questions"] = questions_of(f);
    return e;
}

}  // namespace

form_fields fields_of(const calendar::series& s) {
    std::string exdates, overrides, reminders;
    for (const auto t : s.exdates) exdates += local_text(t) + "\n";
    const auto* zone = calendar::find_zone(s.time_zone);
    for (const auto& o : s.overrides) {
        if (o.status == calendar::event_status::cancelled)
            overrides += local_text(o.original_start) + " -> cancelled\n";
        else if (o.start && zone)
            overrides += local_text(o.original_start) + " -> " + local_text(zone->to_local(*o.start)) + "\n";
    }
    for (const auto r : s.reminders) reminders += (reminders.empty() ? "" : ", ") + calendar::format_reminder_offset(r);
    form_fields f{{"slug", s.slug},
                  {"network", s.network_slug},
                  {"kind", std::string(calendar::to_string(s.kind))},
                  {"title", s.title},
                  {"description", s.description},
                  {"time_zone", s.time_zone},
                  {"rrule", s.rule},
                  {"start", local_text(s.first_start)},
                  {"end", local_text(s.first_start + s.duration)},
                  {"format", std::string(calendar::to_string(s.format))},
                  {"venue", s.venue},
                  {"address", s.address},
                  {"join_url", s.join_url.value_or("")},
                  {"info_url", s.info_url.value_or("")},
                  {"capacity", s.capacity ? std::to_string(*s.capacity) : ""},
                  {"status", std::string(calendar::to_string(s.status))},
                  {"exdates", exdates},
                  {"overrides", overrides},
                  {"reminders", reminders}};
    add_question_fields(f, s.questions);
    return f;
}

series_form_result read_series_form(const form_fields& f) {
    series_form_result result;
    const auto entry = entry_of(f, result.problems);
    const auto parsed = parse_import(json::serialize(json::object{{"series", json::array{entry}}}));
    problems_of_import(parsed.errors, result.problems);
    if (result.problems.empty() && parsed.document.series.size() == 1) result.series = parsed.document.series.front();
    return result;
}

}  // namespace tp::web
