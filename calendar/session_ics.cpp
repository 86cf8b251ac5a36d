#include "calendar/session_ics.hpp"

#include <algorithm>

#include "calendar/ics_parts.hpp"
#include "calendar/ics_text.hpp"
#include "calendar/vtimezone.hpp"
#include "calendar/zoned.hpp"

namespace tp::calendar {
namespace {

struct scheduled {
    const barcamp_session* session;
    const grid_room* room;
    const grid_slot* slot;
};

// Scheduled sessions by start, then in the organisers' room order.
std::vector<scheduled> in_plan_order(const programme& p) {
    std::vector<scheduled> out;
    for (const auto& s : p.sessions)
        if (is_scheduled(p, s)) out.push_back({&s, find_room(p, *s.room), find_slot(p, *s.slot)});
    const auto room_index = [&p](const grid_room* r) { return r - p.rooms.data(); };
    std::sort(out.begin(), out.end(), [&](const scheduled& a, const scheduled& b) {
        if (a.slot->start != b.slot->start) return a.slot->start < b.slot->start;
        return room_index(a.room) < room_index(b.room);
    });
    return out;
}

std::string_view category_of(session_kind k) {
    switch (k) {
        case session_kind::talk: return "Talk";
        case session_kind::workshop: return "Workshop";
        case session_kind::discussion: return "Discussion";
        case session_kind::hands_on: return "Hands-on";
        case session_kind::other: break;
    }
    return "Session";
}

void append_instant(std::string& out, std::string_view name, const date::time_zone* zone, sys_seconds t) {
    if (zone == nullptr) return append_line(out, name, format_utc(t));
    append_line(out, std::string(name) + ";TZID=" + param_value(zone->name()), format_local(to_local(t, *zone)));
}

void append_session(std::string& out, const scheduled& item, const event& barcamp, const date::time_zone* zone,
                    const std::string& page) {
    const auto& s = *item.session;
    append_line(out, "BEGIN", "VEVENT");
    append_stamps(out, s.uid, s.created_at, s.updated_at, s.sequence);
    append_instant(out, "DTSTART", zone, item.slot->start);
    append_instant(out, "DTEND", zone, item.slot->end);
    append_line(out, "SUMMARY", escape_text(s.title));
    std::string text = s.host;
    if (!s.description.empty()) text += (text.empty() ? "" : "\n\n") + s.description;
    text += (text.empty() ? "" : "\n\n") + page;
    append_line(out, "DESCRIPTION", escape_text(text));
    std::string where = item.room->name;
    if (!barcamp.venue.empty()) where += ", " + barcamp.venue;
    append_line(out, "LOCATION", escape_text(where));
    if (!s.host.empty()) append_line(out, "CONTACT", escape_text(s.host));
    append_line(out, "RELATED-TO;RELTYPE=PARENT", escape_text(barcamp.uid));
    append_line(out, "URL;VALUE=URI", page + "#session-" + std::to_string(s.id));
    append_line(out, "CATEGORIES", escape_text(category_of(s.kind)));
    const bool cancelled = barcamp.status == event_status::cancelled;
    append_line(out, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
    append_line(out, "TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
    append_line(out, "CLASS", "PUBLIC");
    append_line(out, "END", "VEVENT");
}

}  // namespace

std::string plan_url(std::string_view base_url, const event& barcamp) {
    return event_url(base_url, barcamp) + "/sessions";
}

std::string write_sessions_ics(const feed_info& feed, const event& barcamp, const programme& p) {
    const auto plan = in_plan_order(p);
    const auto* zone = is_utc(barcamp.time_zone) ? nullptr : find_zone(barcamp.time_zone);
    std::string out;
    out.reserve(1024 + plan.size() * 900);
    append_header(out, feed, zone ? zone->name() : std::string_view{});
    if (zone && !plan.empty()) {  // plan is sorted by start
        auto latest_end = plan.front().slot->end;
        for (const auto& item : plan) latest_end = std::max(latest_end, item.slot->end);
        append_vtimezone(out, *zone, plan.front().slot->start, latest_end);
    }
    const auto page = plan_url(feed.base_url, barcamp);
    for (const auto& item : plan) append_session(out, item, barcamp, zone, page);
    append_line(out, "END", "VCALENDAR");
    return out;
}

}  // namespace tp::calendar
