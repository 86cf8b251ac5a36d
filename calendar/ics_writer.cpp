#include "calendar/ics_writer.hpp"

#include <algorithm>
#include <map>

#include "calendar/ics_text.hpp"
#include "calendar/vtimezone.hpp"
#include "calendar/zoned.hpp"

namespace tp::calendar {
namespace {

constexpr std::string_view prodid = "-//Treffpunkt//Treffpunkt 0.1//DE";

bool is_utc(std::string_view zone) { return zone == "UTC" || zone == "Etc/UTC" || zone == "Etc/GMT"; }

std::string_view category_of(event_kind k) {
    switch (k) {
        case event_kind::barcamp: return "Barcamp";
        case event_kind::exchange_round: return "Austauschrunde";
        case event_kind::webinar: return "Webinar";
        case event_kind::meeting: return "Tagung";
    }
    return "";
}

// DTSTART/DTEND in the event's own form: a date, UTC, or local time with TZID.
void append_time(std::string& out, std::string_view name, const event& e, sys_seconds t) {
    const auto* zone = find_zone(e.time_zone);
    std::string head{name};
    if (zone == nullptr) zone = date::locate_zone("Etc/UTC");  // the store validates zones; never write floating
    if (e.all_day) {
        append_line(out, head + ";VALUE=DATE", format_date(local_day_of(t, *zone)));
    } else if (is_utc(zone->name())) {
        append_line(out, head, format_utc(t));
    } else {
        append_line(out, head + ";TZID=" + param_value(zone->name()), format_local(to_local(t, *zone)));
    }
}

std::string location_of(const event& e) {
    std::string where = e.venue;
    if (!e.address.empty()) where += (where.empty() ? "" : ", ") + e.address;
    if (e.format == event_format::online) return where.empty() ? "Online" : where;
    return where;
}

std::string description_of(const event& e, const feed_info& feed) {
    std::string text = e.description;
    const auto add = [&text](const std::string& line) { text += (text.empty() ? "" : "\n\n") + line; };
    if (feed.include_private_join_urls && e.join_url) add("Online: " + *e.join_url);
    if (e.info_url) add(*e.info_url);
    add(event_url(feed.base_url, e));
    return text;
}

void append_event(std::string& out, const event& e, const feed_info& feed) {
    const bool cancelled = e.status == event_status::cancelled;
    append_line(out, "BEGIN", "VEVENT");
    append_line(out, "UID", escape_text(e.uid));
    append_line(out, "DTSTAMP", format_utc(e.updated_at));
    append_line(out, "CREATED", format_utc(e.created_at));
    append_line(out, "LAST-MODIFIED", format_utc(e.updated_at));
    append_line(out, "SEQUENCE", std::to_string(e.sequence));
    append_time(out, "DTSTART", e, e.start);
    append_time(out, "DTEND", e, e.end);
    append_line(out, "SUMMARY", escape_text(e.title));
    append_line(out, "DESCRIPTION", escape_text(description_of(e, feed)));
    if (const auto where = location_of(e); !where.empty()) append_line(out, "LOCATION", escape_text(where));
    append_line(out, "URL;VALUE=URI", event_url(feed.base_url, e));
    append_line(out, "CATEGORIES", escape_text(category_of(e.kind)));
    if (feed.include_private_join_urls && e.join_url)
        append_line(out, "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=" + param_value("Online"), *e.join_url);
    append_line(out, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
    append_line(out, "TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
    append_line(out, "CLASS", "PUBLIC");
    append_line(out, "END", "VEVENT");
}

void append_header(std::string& out, const feed_info& feed, std::string_view hint_zone) {
    append_line(out, "BEGIN", "VCALENDAR");
    append_line(out, "VERSION", "2.0");
    append_line(out, "PRODID", prodid);
    append_line(out, "CALSCALE", "GREGORIAN");
    append_line(out, "NAME", escape_text(feed.name));
    append_line(out, "X-WR-CALNAME", escape_text(feed.name));
    if (!feed.description.empty()) {
        append_line(out, "DESCRIPTION", escape_text(feed.description));
        append_line(out, "X-WR-CALDESC", escape_text(feed.description));
    }
    if (!feed.url.empty()) append_line(out, "URL;VALUE=URI", feed.url);
    append_line(out, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
    append_line(out, "X-PUBLISHED-TTL", "PT1H");
    if (!hint_zone.empty()) append_line(out, "X-WR-TIMEZONE", escape_text(hint_zone));
}

struct zone_span {
    sys_seconds from = sys_seconds::max();
    sys_seconds to = sys_seconds::min();
};

// The zones the events need a VTIMEZONE for, with the instants each must cover; sorted by name.
std::map<std::string, zone_span> zones_used(std::span<const event> events) {
    std::map<std::string, zone_span> zones;
    for (const auto& e : events) {
        if (e.status == event_status::draft || e.all_day || is_utc(e.time_zone)) continue;
        auto& span = zones[e.time_zone];
        span.from = std::min(span.from, e.start);
        span.to = std::max(span.to, e.end);
    }
    return zones;
}

}  // namespace

std::string event_url(std::string_view base_url, const event& e) {
    return std::string(base_url) + "/events/" + e.slug;
}

std::string write_ics(const feed_info& feed, std::span<const event> events) {
    std::string out;
    out.reserve(1024 + events.size() * 900);
    const auto zones = zones_used(events);
    append_header(out, feed, zones.size() == 1 ? zones.begin()->first : std::string{});
    for (const auto& [name, span] : zones)
        if (const auto* zone = find_zone(name)) append_vtimezone(out, *zone, span.from, span.to);
    for (const auto& e : events)
        if (e.status != event_status::draft) append_event(out, e, feed);
    append_line(out, "END", "VCALENDAR");
    return out;
}

}  // namespace tp::calendar
