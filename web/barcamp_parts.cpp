#include "web/barcamp_parts.hpp"

#include <map>

#include "calendar/zoned.hpp"
#include "web/dates.hpp"

namespace tp::web {

std::string_view kind_label(calendar::session_kind k, lang l) {
    const bool de = l == lang::de;
    switch (k) {
        case calendar::session_kind::talk: return de ? "Vortrag" : "Talk";
        case calendar::session_kind::workshop: return "Workshop";
        case calendar::session_kind::discussion: return de ? "Diskussion" : "Discussion";
        case calendar::session_kind::hands_on: return de ? "Zum Mitmachen" : "Hands-on";
        case calendar::session_kind::other: break;
    }
    return de ? "Sonstiges" : "Other";
}

namespace barcamp {
namespace {

constexpr std::string_view en_dash = "\xE2\x80\x93";

std::string value_in(const form_again& again, std::string_view form, std::string_view name,
                     const std::string& fallback) {
    if (again.form != form) return fallback;
    const auto it = again.fields.find(std::string(name));
    return it == again.fields.end() ? std::string{} : it->second;
}

const std::string* problem_in(const form_again& again, std::string_view form, std::string_view name) {
    if (again.form != form) return nullptr;
    const auto it = again.problems.find(std::string(name));
    return it == again.problems.end() ? nullptr : &it->second;
}

std::string id_of(const field_def& d) { return std::string(d.form) + "-" + std::string(d.name); }

// The label, the control and its problem, wrapped as one field.
html labelled(const field_def& d, const html& control, const std::string* problem) {
    html body = tag("label", {{"for", id_of(d)}}, text(d.label)) + control;
    if (problem) body += tag("p", {{"class", "error"}, {"id", id_of(d) + "-error"}}, text(*problem));
    return tag("div", {{"class", problem ? "field invalid" : "field"}}, body);
}

std::string votes_text(int votes, lang l) {
    if (l == lang::de) return std::to_string(votes) + (votes == 1 ? " Stimme" : " Stimmen");
    return std::to_string(votes) + (votes == 1 ? " vote" : " votes");
}

// Normally one session; two when organisers left a conflict, and the plan shows both rather than hide one.
html grid_cell(const calendar::programme& p, const calendar::grid_room& room, const calendar::grid_slot& slot, lang l) {
    html body;
    for (const auto& s : p.sessions)
        if (s.room == room.id && s.slot == slot.id)
            body += tag("div", {{"class", "session"}, {"id", "session-" + std::to_string(s.id)}},
                        tag("span", {{"class", "room-name"}}, text(room.name)) + session_summary(s, l, true));
    return body.str().empty() ? tag("td", {{"class", "empty"}}, html{}) : tag("td", body);
}

html day_table(const calendar::programme& p, const std::vector<const calendar::grid_slot*>& slots,
               const date::time_zone& zone, lang l, const std::string& caption) {
    html head = tag("th", {{"scope", "col"}}, text(say(l, "Zeit", "Time")));
    for (const auto& r : p.rooms)
        head += tag("th", {{"scope", "col"}},
                    text(r.name) + tag("span", {{"class", "meta"}}, text(" (" + std::to_string(r.capacity) + ")")));
    html rows;
    for (const auto* slot : slots) {
        html cells = tag("th", {{"scope", "row"}}, text(slot_label(*slot, zone, l, false)));
        for (const auto& r : p.rooms) cells += grid_cell(p, r, *slot, l);
        rows += tag("tr", cells);
    }
    return tag("table", {{"class", "plan"}},
               tag("caption", text(caption)) + tag("thead", tag("tr", head)) + tag("tbody", rows));
}

}  // namespace

const date::time_zone& zone_of(const calendar::event& e) {
    const auto* zone = calendar::find_zone(e.time_zone);
    return zone ? *zone : *date::locate_zone("Etc/UTC");
}

std::string slot_label(const calendar::grid_slot& s, const date::time_zone& zone, lang l, bool with_day) {
    const auto from = calendar::to_local(s.start, zone), to = calendar::to_local(s.end, zone);
    std::string out = format_time(from) + std::string(en_dash) + format_time(to);
    if (l == lang::de) out += " Uhr";
    if (!with_day) return out;
    return format_day(date::floor<date::days>(from), l) + ", " + out;
}

std::vector<std::pair<date::local_days, std::vector<const calendar::grid_slot*>>> slots_by_day(
    const calendar::programme& p, const date::time_zone& zone) {
    std::map<date::local_days, std::vector<const calendar::grid_slot*>> days;
    for (const auto& s : p.slots) days[calendar::local_day_of(s.start, zone)].push_back(&s);
    return {days.begin(), days.end()};
}

html csrf_input(const std::string& csrf) { return hidden("csrf", csrf); }

html hidden(std::string_view name, std::string_view value) {
    return void_tag("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

html input_field(const field_def& d, const form_again& again, const std::string& fallback) {
    const auto value = value_in(again, d.form, d.name, fallback);
    const auto* problem = problem_in(again, d.form, d.name);
    const auto id = id_of(d);
    const auto error_id = id + "-error";
    html control;
    if (d.type == "textarea") {
        control = problem ? tag("textarea",
                                {{"id", id},
                                 {"name", d.name},
                                 {"rows", "4"},
                                 {"aria-invalid", "true"},
                                 {"aria-describedby", error_id}},
                                text(value))
                          : tag("textarea", {{"id", id}, {"name", d.name}, {"rows", "4"}}, text(value));
    } else {
        control = problem ? void_tag("input", {{"id", id},
                                               {"name", d.name},
                                               {"type", d.type},
                                               {"value", value},
                                               {"aria-invalid", "true"},
                                               {"aria-describedby", error_id}})
                          : void_tag("input", {{"id", id}, {"name", d.name}, {"type", d.type}, {"value", value}});
    }
    return labelled(d, control, problem);
}

html options_of(const std::vector<choice>& choices, const std::string& selected) {
    html options;
    for (const auto& [v, label] : choices)
        options += v == selected ? tag("option", {{"value", v}, {"selected", "selected"}}, text(label))
                                 : tag("option", {{"value", v}}, text(label));
    return options;
}

html select_field(const field_def& d, const std::vector<choice>& choices, const std::string& selected,
                  const form_again& again) {
    const auto options = options_of(choices, value_in(again, d.form, d.name, selected));
    const auto* problem = problem_in(again, d.form, d.name);
    const auto id = id_of(d);
    const auto control =
        problem ? tag("select",
                      {{"id", id}, {"name", d.name}, {"aria-invalid", "true"}, {"aria-describedby", id + "-error"}},
                      options)
                : tag("select", {{"id", id}, {"name", d.name}}, options);
    return labelled(d, control, problem);
}

html form_problem(const form_again& again, std::string_view form, lang l) {
    if (again.form != form || again.problems.empty()) return {};
    const auto whole = again.problems.find("");
    return tag("p", {{"class", "error"}, {"role", "alert"}},
               text(whole != again.problems.end()
                        ? whole->second
                        : say(l, "Bitte prüfen Sie die markierten Angaben.", "Please check the marked fields.")));
}

std::vector<choice> kind_choices(lang l) {
    std::vector<choice> out;
    for (const auto k : calendar::all_session_kinds)
        out.emplace_back(std::string(calendar::to_string(k)), std::string(kind_label(k, l)));
    return out;
}

html session_summary(const calendar::barcamp_session& s, lang l, bool details) {
    html out = tag("strong", {{"class", "session-title"}}, text(s.title));
    out += tag("span", {{"class", "meta"}},
               text(std::string(kind_label(s.kind, l)) + " · " + s.host + " · " + votes_text(s.votes, l)));
    if (details && !s.description.empty()) out += tag("p", {{"class", "session-text"}}, text(s.description));
    return out;
}

html plan_grid(const page_context& ctx, const calendar::event& e, const calendar::programme& p) {
    const auto l = ctx.language;
    if (p.rooms.empty() || p.slots.empty())
        return tag("p", {{"class", "notice"}},
                   text(say(l, "Räume und Zeiten stehen noch nicht fest.", "Rooms and times are not set yet.")));
    const auto& zone = zone_of(e);
    html out;
    for (const auto& [day, slots] : slots_by_day(p, zone))
        out += tag("h2", text(format_day(day, l))) + day_table(p, slots, zone, l, format_day(day, l));
    return out;
}

}  // namespace barcamp
}  // namespace tp::web
