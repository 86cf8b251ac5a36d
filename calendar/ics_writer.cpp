#include "calendar/ics_writer.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <variant>

#include "calendar/alarm.hpp"
#include "calendar/ics_parts.hpp"
#include "calendar/ics_text.hpp"
#include "calendar/itip.hpp"
#include "calendar/rule_subset.hpp"
#include "calendar/rrule.hpp"
#include "calendar/rrule_expand.hpp"
#include "calendar/vtimezone.hpp"
#include "calendar/zoned.hpp"

namespace tp::calendar {
namespace {

constexpr std::string_view prodid = "-//Treffpunkt//Treffpunkt 0.1//DE";

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

std::string place(event_format format, const std::string& venue, const std::string& address) {
    std::string where = venue;
    if (!address.empty()) where += (where.empty() ? "" : ", ") + address;
    if (format == event_format::online) return where.empty() ? "Online" : where;
    return where;
}

std::string location_of(const event& e) { return place(e.format, e.venue, e.address); }

// What a VEVENT shows, whichever of an event, a series or an override it comes from.
struct shown {
    const std::string& title;
    const std::string& description;
    std::string where;
    std::string url;  // its page
    event_kind kind;
    const std::optional<std::string>& join_url;
    const std::optional<std::string>& info_url;
    bool cancelled = false;
};

// SUMMARY, DESCRIPTION (with the join link for registered people, more information and the page), LOCATION, URL,
// CATEGORIES and CONFERENCE: most clients ignore CONFERENCE, so the join link goes into the text too.
void append_shown(std::string& out, const shown& item, const feed_info& feed) {
    const bool private_link = feed.include_private_join_urls && item.join_url;
    std::string text = item.description;
    const auto add = [&text](const std::string& line) { text += (text.empty() ? "" : "\n\n") + line; };
    if (private_link) add("Online: " + *item.join_url);
    if (item.info_url) add(*item.info_url);
    add(item.url);
    append_line(out, "SUMMARY", escape_text(item.cancelled ? feed.cancelled_prefix + item.title : item.title));
    append_line(out, "DESCRIPTION", escape_text(text));
    if (!item.where.empty()) append_line(out, "LOCATION", escape_text(item.where));
    append_line(out, "URL;VALUE=URI", item.url);
    append_line(out, "CATEGORIES", escape_text(category_of(item.kind)));
    if (private_link)
        append_line(out, "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=" + param_value("Online"), *item.join_url);
}

// The chosen alarm of a person's own feed: a display alarm naming the event, none for a cancelled one.
void append_alarm(std::string& out, const feed_info& feed, const std::string& title, event_status status) {
    if (!feed.alarm || status == event_status::cancelled) return;
    append_line(out, "BEGIN", "VALARM");
    append_line(out, "ACTION", "DISPLAY");
    append_line(out, "TRIGGER", alarm_trigger(*feed.alarm));
    append_line(out, "DESCRIPTION", escape_text(title));
    append_line(out, "END", "VALARM");
}

void append_status(std::string& out, event_status status) {
    const bool cancelled = status == event_status::cancelled;
    append_line(out, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
    append_line(out, "TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
    append_line(out, "CLASS", "PUBLIC");
}

void append_event_body(std::string& out, const event& e, const feed_info& feed) {
    append_time(out, "DTSTART", e, e.start);
    append_time(out, "DTEND", e, e.end);
    append_shown(out,
                 {e.title, e.description, location_of(e), event_url(feed.base_url, e), e.kind, e.join_url, e.info_url,
                  e.status == event_status::cancelled},
                 feed);
}

// A wall time in a zone's form: local time with TZID, or UTC for UTC zones.
void append_wall_time(std::string& out, std::string_view name, const std::string& zone, date::local_seconds local) {
    if (is_utc(zone)) return append_line(out, name, format_utc(sys_seconds{local.time_since_epoch()}));
    append_line(out, std::string(name) + ";TZID=" + param_value(zone), format_local(local));
}

// A date of a series written as its rule is that series' UID with the date's original start as RECURRENCE-ID,
// in feeds, downloads, invitations and personal feeds alike (docs/ARCHITECTURE.md, "One identity per date").
bool known_by_series(const event& e) { return e.series_uid && e.series_written_as_rule && e.original_start_local; }

const std::string& uid_of(const event& e) { return known_by_series(e) ? *e.series_uid : e.uid; }

void append_recurrence_id(std::string& out, const event& e) {
    if (known_by_series(e))
        append_wall_time(out, "RECURRENCE-ID", e.time_zone, date::local_seconds{*e.original_start_local});
}

void append_event(std::string& out, const event& e, const feed_info& feed) {
    append_line(out, "BEGIN", "VEVENT");
    append_stamps(out, uid_of(e), e.created_at, e.updated_at, e.sequence);
    append_recurrence_id(out, e);
    append_event_body(out, e, feed);
    append_status(out, e.status);
    append_alarm(out, feed, e.title, e.status);
    append_line(out, "END", "VEVENT");
}

// A series' wall time in the form of its DTSTART.
void append_series_time(std::string& out, std::string_view name, const series& s, date::local_seconds local) {
    append_wall_time(out, name, s.time_zone, local);
}

void append_series_instant(std::string& out, std::string_view name, const series& s, sys_seconds t) {
    append_series_time(out, name, s, find_zone(s.time_zone)->to_local(t));
}

void append_exdates(std::string& out, const series& s) {
    if (s.exdates.empty()) return;
    std::string values;
    for (const auto t : s.exdates)
        values += (values.empty() ? "" : ",") +
                  (is_utc(s.time_zone) ? format_utc(sys_seconds{t.time_since_epoch()}) : format_local(t));
    append_line(out, is_utc(s.time_zone) ? "EXDATE" : "EXDATE;TZID=" + param_value(s.time_zone), values);
}

// One changed occurrence: same UID, RECURRENCE-ID at the original wall time, its own SEQUENCE (RFC 5545 3.8.4.4).
void append_override(std::string& out, const series& s, const series_override& o, const feed_info& feed) {
    const auto original = recurrence_instant(o.original_start, *find_zone(s.time_zone));
    const auto start = o.start.value_or(original);
    append_line(out, "BEGIN", "VEVENT");
    append_stamps(out, s.uid, std::nullopt, std::max(s.updated_at, o.updated_at), o.sequence);
    append_series_time(out, "RECURRENCE-ID", s, o.original_start);
    append_series_instant(out, "DTSTART", s, start);
    append_series_instant(out, "DTEND", s, o.end.value_or(start + s.duration));
    append_shown(out,
                 {o.title ? *o.title : s.title, o.description ? *o.description : s.description,
                  place(s.format, o.venue.value_or(s.venue), o.address.value_or(s.address)),
                  feed.base_url + "/events/" + occurrence_slug(s, o.original_start), s.kind, s.join_url, s.info_url,
                  o.status.value_or(s.status) == event_status::cancelled},
                 feed);
    append_status(out, o.status.value_or(s.status));
    append_alarm(out, feed, o.title ? *o.title : s.title, o.status.value_or(s.status));
    append_line(out, "END", "VEVENT");
}

// The rule as written: a UTC UNTIL becomes the last second of the last occurrence's local day, which every
// reader includes (rrule.js drops an UNTIL exactly on the last start). Rules repeat at most daily, so the rest
// of that day holds no further occurrence.
std::string written_rule(const series& s) {
    const auto* zone = find_zone(s.time_zone);
    auto r = parse_rrule(s.rule);
    if (!zone || !std::holds_alternative<sys_seconds>(r.until)) return s.rule;
    const auto from = recurrence_instant(s.first_start, *zone);
    const auto all = expand(r, s.first_start, *zone, from, std::get<sys_seconds>(r.until) + std::chrono::seconds{1});
    if (all.empty() || all.size() >= max_occurrences) return s.rule;
    const auto day_end = date::floor<date::days>(all.back().local) + date::days{1} - std::chrono::seconds{1};
    r.until = recurrence_instant(day_end, *zone);
    return to_string(r);
}

// A date whose wall time the clocks skip: without an override each client resolves it its own way (03:30, 01:30,
// or not at all). One override per such date within ten years (the tz data ends in 2037), with the start we
// resolved (the gap's length later, as our pages and invitations say), unless the date is skipped or already
// changed by hand.
std::vector<series_override> gap_overrides(const series& s) {
    const auto* zone = find_zone(s.time_zone);
    if (!zone) return {};
    const auto from = recurrence_instant(s.first_start, *zone);
    const auto dates = expand(parse_rrule(s.rule), s.first_start, *zone, from, from + date::years{10});
    std::vector<series_override> out;
    for (const auto& d : dates) {
        if (zone->get_info(d.local).result != date::local_info::nonexistent) continue;
        const auto same = [&](const series_override& o) { return o.original_start == d.local; };
        if (std::find(s.exdates.begin(), s.exdates.end(), d.local) != s.exdates.end() ||
            std::any_of(s.overrides.begin(), s.overrides.end(), same))
            continue;
        series_override o;
        o.original_start = d.local;
        o.sequence = s.sequence;
        o.updated_at = s.updated_at;
        out.push_back(o);
    }
    return out;
}

void append_series(std::string& out, const series& s, const feed_info& feed) {
    append_line(out, "BEGIN", "VEVENT");
    append_stamps(out, s.uid, s.created_at, s.updated_at, s.sequence);
    append_series_time(out, "DTSTART", s, s.first_start);
    append_series_instant(out, "DTEND", s, recurrence_instant(s.first_start, *find_zone(s.time_zone)) + s.duration);
    append_line(out, "RRULE", written_rule(s));
    append_exdates(out, s);
    append_shown(out,
                 {s.title, s.description, place(s.format, s.venue, s.address), series_url(feed.base_url, s), s.kind,
                  s.join_url, s.info_url, s.status == event_status::cancelled},
                 feed);
    append_status(out, s.status);
    append_alarm(out, feed, s.title, s.status);
    append_line(out, "END", "VEVENT");
    for (const auto& o : s.overrides) append_override(out, s, o, feed);
    for (const auto& o : gap_overrides(s)) append_override(out, s, o, feed);
}

struct zone_span {
    sys_seconds from = sys_seconds::max();
    sys_seconds to = sys_seconds::min();
};

// The zones the events and series need a VTIMEZONE for, with the instants each must cover; sorted by name.
// A series' VTIMEZONE covers two years from its start; its rules for the years after stay in force (open-ended).
std::map<std::string, zone_span> zones_used(std::span<const event> events, std::span<const series> all_series) {
    std::map<std::string, zone_span> zones;
    const auto cover = [&zones](const std::string& zone, sys_seconds from, sys_seconds to) {
        if (is_utc(zone) || !find_zone(zone)) return;
        auto& span = zones[zone];
        span.from = std::min(span.from, from);
        span.to = std::max(span.to, to);
    };
    for (const auto& e : events) {
        if (e.status == event_status::draft || e.all_day) continue;
        cover(e.time_zone, e.start, e.end);
        if (known_by_series(e) && find_zone(e.time_zone)) {  // its RECURRENCE-ID, when the date was moved
            const auto original =
                recurrence_instant(date::local_seconds{*e.original_start_local}, *find_zone(e.time_zone));
            cover(e.time_zone, original, original);
        }
    }
    for (const auto& s : all_series) {
        if (s.status == event_status::draft || !find_zone(s.time_zone)) continue;
        const auto first = recurrence_instant(s.first_start, *find_zone(s.time_zone));
        cover(s.time_zone, first, first + std::chrono::days{730});
        for (const auto& o : s.overrides)
            if (o.start && o.end) cover(s.time_zone, *o.start, *o.end);
    }
    return zones;
}

std::string mailto(const itip_party& p) { return "mailto:" + valid_utf8(p.email); }

bool same_address(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// ORGANIZER and ATTENDEE as calendar user addresses (RFC 5545 3.3.3) with their names (RFC 5546 3.2.2).
void append_parties(std::string& out, const itip_message& m) {
    append_line(out, "ORGANIZER;CN=" + param_value(m.organizer.name), mailto(m.organizer));
    std::string attendee = "ATTENDEE;CN=" + param_value(m.attendee.name) + ";ROLE=REQ-PARTICIPANT";
    if (m.method == itip_method::request) attendee += ";PARTSTAT=ACCEPTED;RSVP=FALSE";
    append_line(out, attendee, mailto(m.attendee));
}

}  // namespace

int personal_sequence(int event_sequence, int withdrawals, bool withdrawal) {
    return event_sequence + 2 * withdrawals - (withdrawal ? 1 : 0);
}

itip_party organizer_for(const itip_party& preferred, const itip_party& fallback, std::string_view attendee_email) {
    return same_address(preferred.email, attendee_email) ? fallback : preferred;
}

bool is_utc(std::string_view zone) { return zone == "UTC" || zone == "Etc/UTC" || zone == "Etc/GMT"; }

void append_stamps(std::string& out, const std::string& uid, std::optional<sys_seconds> created, sys_seconds updated,
                   int sequence) {
    append_line(out, "UID", escape_text(uid));
    append_line(out, "DTSTAMP", format_utc(updated));
    if (created) append_line(out, "CREATED", format_utc(*created));
    append_line(out, "LAST-MODIFIED", format_utc(updated));
    append_line(out, "SEQUENCE", std::to_string(sequence));
}

void append_calendar_start(std::string& out) {
    append_line(out, "BEGIN", "VCALENDAR");
    append_line(out, "VERSION", "2.0");
    append_line(out, "PRODID", prodid);
    append_line(out, "CALSCALE", "GREGORIAN");
}

void append_header(std::string& out, const feed_info& feed, std::string_view hint_zone) {
    append_calendar_start(out);
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

std::string_view to_string(itip_method m) { return m == itip_method::request ? "REQUEST" : "CANCEL"; }

std::string write_itip(const event& e, const itip_message& m) {
    std::string out;
    out.reserve(4096);
    append_calendar_start(out);
    append_line(out, "METHOD", to_string(m.method));
    if (!e.all_day && !is_utc(e.time_zone))
        if (const auto* zone = find_zone(e.time_zone)) {
            const auto zones = zones_used(std::span<const event>(&e, 1), {});
            const auto span = zones.count(e.time_zone) ? zones.at(e.time_zone) : zone_span{e.start, e.end};
            append_vtimezone(out, *zone, span.from, span.to);
        }
    append_line(out, "BEGIN", "VEVENT");
    append_line(out, "UID", escape_text(uid_of(e)));
    append_line(out, "DTSTAMP", format_utc(m.stamp));
    append_line(out, "LAST-MODIFIED", format_utc(e.updated_at));
    append_line(out, "SEQUENCE", std::to_string(std::max(e.sequence, m.sequence)));
    append_recurrence_id(out, e);
    const feed_info feed{.base_url = m.base_url, .include_private_join_urls = m.method == itip_method::request};
    append_event_body(out, e, feed);
    append_parties(out, m);
    append_status(out, m.method == itip_method::cancel ? event_status::cancelled : e.status);
    append_line(out, "END", "VEVENT");
    append_line(out, "END", "VCALENDAR");
    return out;
}

std::string series_url(std::string_view base_url, const series& s) {
    return std::string(base_url) + "/series/" + s.slug;
}

std::string occurrence_slug(const series& s, date::local_seconds original_start) {
    return s.slug + "-" + format_iso_date(date::floor<date::days>(original_start));
}

std::string event_url(std::string_view base_url, const event& e) { return std::string(base_url) + "/events/" + e.slug; }

std::string write_ics(const feed_info& feed, std::span<const event> events, std::span<const series> all_series) {
    std::string out;
    out.reserve(1024 + events.size() * 900 + all_series.size() * 1500);
    const auto zones = zones_used(events, all_series);
    append_header(out, feed, zones.size() == 1 ? zones.begin()->first : std::string{});
    for (const auto& [name, span] : zones)
        if (const auto* zone = find_zone(name)) append_vtimezone(out, *zone, span.from, span.to);
    // A series written as its rule brings its dates; one outside the subset is written as its dates alone.
    std::set<std::string> as_rule;
    for (const auto& s : all_series)
        if (s.status != event_status::draft && find_zone(s.time_zone) && written_as_rule(s)) as_rule.insert(s.uid);
    for (const auto& e : events)
        if (e.status != event_status::draft && !(e.series_uid && as_rule.count(*e.series_uid)))
            append_event(out, e, feed);
    for (const auto& s : all_series)
        if (as_rule.count(s.uid)) append_series(out, s, feed);
    append_line(out, "END", "VCALENDAR");
    return out;
}

}  // namespace tp::calendar
