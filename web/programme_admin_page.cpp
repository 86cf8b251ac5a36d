// The organisers' programme page: conflicts first, the grid editor (a room and a slot chosen per session, one
// Save for all; works without JavaScript), the grid as it stands, then rooms, time slots and a session entered
// by hand.
#include "calendar/zoned.hpp"
#include "web/barcamp_parts.hpp"
#include "web/dates.hpp"
#include "web/layout.hpp"

namespace tp::web {
namespace {

using barcamp::say;

std::string programme_path(const calendar::event& e) { return "/admin/events/" + e.slug + "/sessions"; }

const std::string& title_of(const calendar::programme& p, std::int64_t id) {
    for (const auto& s : p.sessions)
        if (s.id == id) return s.title;
    static const std::string none;
    return none;
}

std::string conflict_text(const calendar::grid_conflict& c, const calendar::programme& p, lang l) {
    const auto quoted = [&](std::size_t i) { return "„" + title_of(p, c.sessions.at(i)) + "“"; };
    switch (c.kind) {
        case calendar::grid_conflict_kind::room_double_booked:
            return quoted(0) + say(l, " und ", " and ") + quoted(1) +
                   say(l, ": ein Raum, gleiche Zeit.", ": one room at the same time.");
        case calendar::grid_conflict_kind::host_in_two_places:
            return quoted(0) + say(l, " und ", " and ") + quoted(1) +
                   say(l, ": dieselbe Person leitet beide zur gleichen Zeit.", ": one host in both at the same time.");
        case calendar::grid_conflict_kind::room_too_small: break;
    }
    return quoted(0) + say(l, ": mehr Stimmen als Plätze im Raum.", ": more votes than the room has seats.");
}

html conflicts_section(const calendar::programme& p, lang l) {
    const auto found = calendar::conflicts_of(p);
    if (found.empty())
        return tag("p", {{"class", "notice"}}, text(say(l, "Keine Konflikte im Plan.", "No conflicts in the plan.")));
    html items;
    for (const auto& c : found) items += tag("li", text(conflict_text(c, p, l)));
    return tag("section", {{"class", "notice error"}, {"role", "alert"}, {"aria-labelledby", "conflicts"}},
               tag("h2", {{"id", "conflicts"}}, text(say(l, "Konflikte", "Conflicts"))) + tag("ul", items));
}

// The time menu: "– keine Zeit –", then the times of each day under the day's name, so every entry shows its time.
html slot_options(const calendar::programme& p, const date::time_zone& zone, lang l, const std::string& selected) {
    html out = barcamp::options_of({{"", say(l, "– keine Zeit –", "– no time –")}}, selected);
    for (const auto& [day, slots] : barcamp::slots_by_day(p, zone)) {
        std::vector<barcamp::choice> times;
        for (const auto* sl : slots)
            times.emplace_back(std::to_string(sl->id), barcamp::slot_label(*sl, zone, l, false));
        out += tag("optgroup", {{"label", format_day(day, l)}}, barcamp::options_of(times, selected));
    }
    return out;
}

html placement_row(const calendar::programme& p, const calendar::barcamp_session& s, const date::time_zone& zone,
                   lang l) {
    const auto id = std::to_string(s.id);
    std::vector<barcamp::choice> rooms{{"", say(l, "– kein Raum –", "– no room –")}};
    for (const auto& r : p.rooms)
        rooms.emplace_back(std::to_string(r.id), r.name + " (" + std::to_string(r.capacity) + ")");
    // Each select has its label, hidden from sight: the row's first cell names the session already.
    const auto select = [](const std::string& name, const std::string& label, const html& options) {
        const auto control_id = "place-" + name;
        return tag("label", {{"for", control_id}, {"class", "sr-only"}}, text(label)) +
               tag("select", {{"id", control_id}, {"name", name}}, options);
    };
    const auto room = s.room ? std::to_string(*s.room) : std::string{};
    const auto slot = s.slot ? std::to_string(*s.slot) : std::string{};
    return tag(
        "tr", {{"id", "place-" + id}},
        tag("td", barcamp::session_summary(s, l, false)) +
            tag("td",
                select("room." + id, say(l, "Raum für ", "Room for ") + s.title, barcamp::options_of(rooms, room))) +
            tag("td",
                select("slot." + id, say(l, "Zeit für ", "Time for ") + s.title, slot_options(p, zone, l, slot))) +
            tag("td", tag("button", {{"type", "submit"}, {"name", "remove"}, {"value", id}, {"class", "secondary"}},
                          text(say(l, "Entfernen", "Remove")))));
}

html grid_editor(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                 const std::string& csrf) {
    const auto l = ctx.language;
    if (p.sessions.empty())
        return tag("p", text(say(l, "Noch keine Sessions vorgeschlagen.", "No sessions proposed yet.")));
    const auto& zone = barcamp::zone_of(e);
    html rows;
    for (const auto& s : p.sessions) rows += placement_row(p, s, zone, l);
    const html head = tag("tr", tag("th", {{"scope", "col"}}, text("Session")) +
                                    tag("th", {{"scope", "col"}}, text(say(l, "Raum", "Room"))) +
                                    tag("th", {{"scope", "col"}}, text(say(l, "Zeit", "Time"))) +
                                    tag("th", {{"scope", "col"}}, text(say(l, "Aktion", "Action"))));
    return tag("form", {{"method", "post"}, {"action", href(ctx, programme_path(e))}},
               barcamp::csrf_input(csrf) + barcamp::hidden("action", "place") +
                   tag("table", {{"class", "attendees placements"}}, tag("thead", head) + tag("tbody", rows)) +
                   tag("button", {{"type", "submit"}}, text(say(l, "Plan speichern", "Save the plan"))));
}

// A list of rooms or slots, each with a button to remove it.
html removable(const page_context& ctx, const calendar::event& e, const std::string& csrf, std::string_view action,
               const std::vector<std::pair<std::int64_t, std::string>>& items, lang l) {
    html out;
    for (const auto& [id, label] : items)
        out += tag("li",
                   text(label + " ") +
                       tag("form", {{"method", "post"}, {"action", href(ctx, programme_path(e))}, {"class", "inline"}},
                           barcamp::csrf_input(csrf) + barcamp::hidden("action", action) +
                               barcamp::hidden("id", std::to_string(id)) +
                               tag("button", {{"type", "submit"}, {"class", "secondary"}},
                                   text(say(l, "Entfernen", "Remove")))));
    return out.str().empty() ? html{} : tag("ul", {{"class", "removable"}}, out);
}

html add_form(const page_context& ctx, const calendar::event& e, const std::string& csrf, std::string_view action,
              const html& fields, const std::string& button, const form_again& again) {
    return barcamp::form_problem(again, action, ctx.language) +
           tag("form", {{"method", "post"}, {"action", href(ctx, programme_path(e))}, {"class", "stacked"}},
               barcamp::csrf_input(csrf) + barcamp::hidden("action", action) + fields +
                   tag("button", {{"type", "submit"}}, text(button)));
}

html rooms_section(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                   const form_again& again, const std::string& csrf) {
    const auto l = ctx.language;
    std::vector<std::pair<std::int64_t, std::string>> items;
    for (const auto& r : p.rooms) items.emplace_back(r.id, r.name + " (" + std::to_string(r.capacity) + ")");
    const html fields = barcamp::input_field({"room", "name", say(l, "Raum", "Room"), "text"}, again) +
                        barcamp::input_field({"room", "capacity", say(l, "Plätze", "Seats"), "number"}, again);
    return tag("h2", text(say(l, "Räume", "Rooms"))) + removable(ctx, e, csrf, "remove_room", items, l) +
           add_form(ctx, e, csrf, "room", fields, say(l, "Raum hinzufügen", "Add room"), again);
}

html slots_section(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                   const form_again& again, const std::string& csrf) {
    const auto l = ctx.language;
    const auto& zone = barcamp::zone_of(e);
    std::vector<std::pair<std::int64_t, std::string>> items;
    for (const auto& s : p.slots) items.emplace_back(s.id, barcamp::slot_label(s, zone, l, true));
    const auto first_day = calendar::format_iso_date(calendar::local_day_of(e.start, zone));
    const html fields = barcamp::input_field({"slot", "date", say(l, "Tag", "Day"), "date"}, again, first_day) +
                        barcamp::input_field({"slot", "from", say(l, "Von", "From"), "time"}, again) +
                        barcamp::input_field({"slot", "to", say(l, "Bis", "To"), "time"}, again);
    return tag("h2", text(say(l, "Zeiten", "Time slots"))) + removable(ctx, e, csrf, "remove_slot", items, l) +
           add_form(ctx, e, csrf, "slot", fields, say(l, "Zeit hinzufügen", "Add time slot"), again);
}

html session_section(const page_context& ctx, const calendar::event& e, const form_again& again,
                     const std::string& csrf) {
    const auto l = ctx.language;
    const html fields =
        barcamp::input_field({"session", "title", say(l, "Titel", "Title"), "text"}, again) +
        barcamp::input_field({"session", "host", say(l, "Leitung", "Host"), "text"}, again) +
        barcamp::select_field({"session", "kind", say(l, "Art", "Kind"), ""}, barcamp::kind_choices(l), "talk", again) +
        barcamp::input_field(
            {"session", "description", say(l, "Beschreibung (optional)", "Description (optional)"), "textarea"}, again);
    return tag("h2",
               text(say(l, "Session eintragen (z. B. von der Sessionwand)", "Enter a session (e.g. from the board)"))) +
           add_form(ctx, e, csrf, "session", fields, say(l, "Session eintragen", "Enter session"), again);
}

}  // namespace

html programme_admin_page(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                          const form_again& again, const std::string& csrf) {
    const auto l = ctx.language;
    const auto title = say(l, "Programm: ", "Programme: ") + e.title;
    const std::string base = "/admin/events/" + e.slug;
    html body = tag("h1", text(title));
    body += tag("ul", {{"class", "actions"}},
                tag("li", link(href(ctx, base), text(say(l, "Teilnehmende", "Attendees")))) +
                    tag("li", link(href(ctx, "/events/" + e.slug + "/sessions"),
                                   text(say(l, "Öffentlicher Plan", "Public plan")))) +
                    tag("li", link(base + "/sessions.csv", text("CSV"))) +
                    tag("li", link(base + "/sessions.xlsx", text("Excel (XLSX)"))));
    if (again.form == "place") body += barcamp::form_problem(again, "place", l);
    body += conflicts_section(p, l);
    body += tag("h2", text(say(l, "Sessions einplanen", "Place sessions"))) + grid_editor(ctx, e, p, csrf);
    body += tag("h2", text(say(l, "Der Plan", "The plan"))) + barcamp::plan_grid(ctx, e, p);
    body += rooms_section(ctx, e, p, again, csrf) + slots_section(ctx, e, p, again, csrf) +
            session_section(ctx, e, again, csrf);
    return admin_layout(ctx, {title, "", ""}, body);
}

}  // namespace tp::web
