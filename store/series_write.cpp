// Series upserts and the materialisation of their occurrences as event rows.

#include <algorithm>
#include <map>

#include "calendar/ics_writer.hpp"
#include "calendar/rule_subset.hpp"
#include "calendar/rrule_expand.hpp"
#include "calendar/zoned.hpp"
#include "store/json_columns.hpp"
#include "store/rows.hpp"
#include "store/event_store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

using calendar::series;
using calendar::series_override;

std::int64_t local_to_db(date::local_seconds t) { return t.time_since_epoch().count(); }
date::local_seconds local_from_db(std::int64_t v) { return date::local_seconds{std::chrono::seconds{v}}; }

// RFC 5546 2.1.4: changes to time, place, rule or status raise SEQUENCE.
bool significant_change(const series& a, const series& b) {
    return a.rule != b.rule || a.first_start != b.first_start || a.duration != b.duration ||
           a.time_zone != b.time_zone || a.status != b.status || a.format != b.format || a.venue != b.venue ||
           a.address != b.address || a.exdates != b.exdates;
}

bool same_content(const series& a, const series& b) {
    auto strip = [](const std::vector<series_override>& v) {
        std::vector<series_override> out = v;
        for (auto& o : out) o.sequence = 0, o.updated_at = {};
        return out;
    };
    return !significant_change(a, b) && a.network_slug == b.network_slug && a.kind == b.kind && a.title == b.title &&
           a.description == b.description && a.join_url == b.join_url && a.info_url == b.info_url &&
           a.capacity == b.capacity && strip(a.overrides) == strip(b.overrides) && a.questions == b.questions &&
           a.reminders == b.reminders;
}

bool significant_change(const series_override& a, const series_override& b) {
    return a.start != b.start || a.end != b.end || a.status != b.status || a.venue != b.venue || a.address != b.address;
}

void write_series_row(connection& c, const series& s, int sequence, calendar::sys_seconds now) {
    auto write = c.prepare(
        "INSERT INTO series (uid, slug, network_id, kind, title, description, rrule, first_start_local, "
        "duration_seconds, time_zone, format, venue, address, join_url, info_url, capacity, status, sequence, "
        "created_at, updated_at, questions, reminders) VALUES (lower(hex(randomblob(16))) || '@treffpunkt', ?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19, ?20) ON CONFLICT (slug) DO "
        "UPDATE SET network_id = ?2, kind = ?3, title = ?4, description = ?5, rrule = ?6, first_start_local = ?7, "
        "duration_seconds = ?8, time_zone = ?9, format = ?10, venue = ?11, address = ?12, join_url = ?13, "
        "info_url = ?14, capacity = ?15, status = ?16, sequence = ?17, updated_at = MAX(updated_at, ?18), "
        "questions = ?19, reminders = ?20");
    write->bind(1, s.slug);
    write->bind(2, network_id(c, s.network_slug, "series '" + s.slug + "'"));
    write->bind(3, std::string(calendar::to_string(s.kind)));
    write->bind(4, s.title);
    write->bind(5, s.description);
    write->bind(6, s.rule);
    write->bind(7, local_to_db(s.first_start));
    write->bind(8, static_cast<std::int64_t>(s.duration.count()));
    write->bind(9, s.time_zone);
    write->bind(10, std::string(calendar::to_string(s.format)));
    write->bind(11, s.venue);
    write->bind(12, s.address);
    bind_optional(*write, 13, s.join_url);
    bind_optional(*write, 14, s.info_url);
    bind_optional(*write, 15, s.capacity);
    write->bind(16, std::string(calendar::to_string(s.status)));
    write->bind(17, sequence);
    write->bind(18, to_db(now));
    write->bind(19, questions_to_json(s.questions));
    write->bind(20, reminders_to_json(s.reminders));
    write->exec();
}

void write_exdates(connection& c, std::int64_t id, const std::vector<date::local_seconds>& exdates) {
    auto clear = c.prepare("DELETE FROM series_exdates WHERE series_id = ?");
    clear->bind(1, id);
    clear->exec();
    for (const auto t : exdates) {
        auto add = c.prepare("INSERT OR IGNORE INTO series_exdates (series_id, original_start_local) VALUES (?, ?)");
        add->bind(1, id);
        add->bind(2, local_to_db(t));
        add->exec();
    }
}

// Overrides keep their own SEQUENCE: a new one starts above the series', a changed one moves up by one.
void write_overrides(connection& c, std::int64_t id, const series& s, const std::optional<series>& old, int sequence,
                     calendar::sys_seconds now) {
    std::map<date::local_seconds, series_override> before;
    if (old)
        for (const auto& o : old->overrides) before[o.original_start] = o;
    auto clear = c.prepare("DELETE FROM series_overrides WHERE series_id = ?");
    clear->bind(1, id);
    clear->exec();
    for (const auto& o : s.overrides) {
        const auto it = before.find(o.original_start);
        const bool unchanged = it != before.end() && !significant_change(it->second, o) &&
                               it->second.title == o.title && it->second.description == o.description;
        const int seq =
            it == before.end() ? sequence + 1 : it->second.sequence + (significant_change(it->second, o) ? 1 : 0);
        auto add = c.prepare(
            "INSERT INTO series_overrides (series_id, original_start_local, start_utc, end_utc, title, description, "
            "venue, address, status, sequence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        add->bind(1, id);
        add->bind(2, local_to_db(o.original_start));
        bind_optional(*add, 3, o.start);
        bind_optional(*add, 4, o.end);
        bind_optional(*add, 5, o.title);
        bind_optional(*add, 6, o.description);
        bind_optional(*add, 7, o.venue);
        bind_optional(*add, 8, o.address);
        if (o.status)
            add->bind(9, std::string(calendar::to_string(*o.status)));
        else
            add->bind(9);
        add->bind(10, seq);
        add->bind(11, to_db(unchanged ? it->second.updated_at : now));
        add->exec();
    }
}

// The event row of one occurrence: the series' fields, changed by its override if it has one.
calendar::event occurrence_event(const series& s, const calendar::occurrence& o, const series_override* change) {
    calendar::event e;
    e.uid = calendar::format_local(o.local) + "-" + s.uid;
    e.slug = calendar::occurrence_slug(s, o.local);
    e.network_slug = s.network_slug;
    e.kind = s.kind;
    e.title = change && change->title ? *change->title : s.title;
    e.description = change && change->description ? *change->description : s.description;
    e.start = change && change->start ? *change->start : o.start;
    e.end = change && change->end ? *change->end : e.start + s.duration;
    e.time_zone = s.time_zone;
    e.format = s.format;
    e.venue = change && change->venue ? *change->venue : s.venue;
    e.address = change && change->address ? *change->address : s.address;
    e.join_url = s.join_url;
    e.info_url = s.info_url;
    e.capacity = s.capacity;
    e.status = change && change->status ? *change->status : s.status;
    e.sequence = std::max(s.sequence, change ? change->sequence : 0);
    e.questions = s.questions;
    e.reminders = s.reminders;
    return e;
}

}  // namespace

void load_series_details(connection& c, series& s) {
    s.exdates.clear();
    s.overrides.clear();
    auto ex = c.prepare("SELECT original_start_local FROM series_exdates WHERE series_id = ? ORDER BY 1");
    ex->bind(1, s.id);
    while (ex->executeStep()) s.exdates.push_back(local_from_db(ex->getColumn(0).getInt64()));
    auto ov = c.prepare(
        "SELECT original_start_local, start_utc, end_utc, title, description, venue, address, status, sequence, "
        "updated_at FROM series_overrides WHERE series_id = ? ORDER BY 1");
    ov->bind(1, s.id);
    while (ov->executeStep()) {
        series_override o;
        o.original_start = local_from_db(ov->getColumn(0).getInt64());
        if (!ov->getColumn(1).isNull()) o.start = from_db(ov->getColumn(1).getInt64());
        if (!ov->getColumn(2).isNull()) o.end = from_db(ov->getColumn(2).getInt64());
        for (auto [field, i] : {std::pair{&o.title, 3}, {&o.description, 4}, {&o.venue, 5}, {&o.address, 6}})
            if (!ov->getColumn(i).isNull()) *field = ov->getColumn(i).getString();
        if (!ov->getColumn(7).isNull()) o.status = calendar::parse_event_status(ov->getColumn(7).getString());
        o.sequence = ov->getColumn(8).getInt();
        o.updated_at = from_db(ov->getColumn(9).getInt64());
        s.overrides.push_back(std::move(o));
    }
}

std::optional<series> find_series(connection& c, const std::string& slug) {
    std::optional<series> found;
    {
        auto find = c.prepare(std::string("SELECT ") + series_columns +
                              " FROM series s JOIN networks n ON n.id = s.network_id WHERE s.slug = ?");
        find->bind(1, slug);
        if (find->executeStep()) found = series_from_row(*find);
    }
    if (found) load_series_details(c, *found);
    return found;
}

namespace {

// Whether anyone holds a confirmed seat for a date of the series still ahead.
bool holds_a_date(connection& c, std::int64_t series_id, calendar::sys_seconds now) {
    auto q = c.prepare(
        "SELECT EXISTS (SELECT 1 FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.series_id = ? "
        "AND r.status = 'confirmed' AND e.end_utc > ?)");
    q->bind(1, series_id);
    q->bind(2, to_db(now));
    return q->executeStep() && q->getColumn(0).getInt() != 0;
}

}  // namespace

void upsert_series(connection& c, const series& s, calendar::sys_seconds now) {
    const auto old = find_series(c, s.slug);
    if (old && old->network_slug != s.network_slug)
        throw field_refusal(field_refusal::kind::network_fixed, "network", old->network_slug,
                            "series '" + s.slug + "' belongs to network '" + old->network_slug +
                                "' and cannot move to another network");
    if (old && calendar::written_as_rule(*old) != calendar::written_as_rule(s) && holds_a_date(c, old->id, now))
        throw field_refusal(field_refusal::kind::identity_fixed, "rrule", "",
                            "series '" + s.slug +
                                "': the new rule changes how calendars know its dates, and people "
                                "hold seats for some of them");
    if (!old || !same_content(*old, s)) {
        const int sequence = !old ? 0 : old->sequence + (significant_change(*old, s) ? 1 : 0);
        write_series_row(c, s, sequence, now);
        const auto id = find_series(c, s.slug).value().id;
        write_exdates(c, id, s.exdates);
        write_overrides(c, id, s, old, sequence, now);
    }
    const auto current = find_series(c, s.slug);
    if (current) materialize_series(c, *current, now, now + materialization_horizon);
}

void materialize_series(connection& c, const series& s, calendar::sys_seconds now, calendar::sys_seconds horizon,
                        std::vector<std::string>* taken) {
    const auto* zone = calendar::find_zone(s.time_zone);
    if (!zone) throw import_error("series '" + s.slug + "': unknown time zone '" + s.time_zone + "'");
    const auto rule = calendar::parse_rrule(s.rule);
    std::map<date::local_seconds, const series_override*> changes;
    for (const auto& o : s.overrides) changes[o.original_start] = &o;
    std::vector<std::int64_t> kept;
    for (const auto& o : calendar::expand(rule, s.first_start, *zone, calendar::sys_seconds{}, horizon)) {
        if (std::binary_search(s.exdates.begin(), s.exdates.end(), o.local)) continue;
        const auto it = changes.find(o.local);
        const occurrence_link link{s.id, s.slug, local_to_db(o.local)};
        const auto occurrence = occurrence_event(s, o, it == changes.end() ? nullptr : it->second);
        try {
            upsert_event(c, occurrence, now, &link);
        } catch (const field_refusal& refused) {
            if (!taken || refused.why != field_refusal::kind::date_taken) throw;
            taken->push_back(occurrence.slug);
            continue;
        }
        kept.push_back(link.original_start_local);
    }
    // Occurrences the rule or a skipped date no longer produce go. (No registrations exist for them yet; once
    // they can, cancelling and telling people comes first.)
    auto existing = c.prepare("SELECT original_start_local FROM events WHERE series_id = ?");
    existing->bind(1, s.id);
    std::vector<std::int64_t> gone;
    while (existing->executeStep()) {
        const auto v = existing->getColumn(0).getInt64();
        if (std::find(kept.begin(), kept.end(), v) == kept.end()) gone.push_back(v);
    }
    for (const auto v : gone) {
        auto drop = c.prepare("DELETE FROM events WHERE series_id = ? AND original_start_local = ?");
        drop->bind(1, s.id);
        drop->bind(2, v);
        drop->exec();
    }
}

void event_store::split_series(const std::string& slug, date::local_seconds from, const calendar::series& next) {
    db_.write([&](connection& c, sys_seconds now) {
        auto old = find_series(c, slug);
        if (!old) throw not_found_error("series '" + slug + "' does not exist");
        if (next.first_start < from) throw import_error("series '" + next.slug + "' starts before the split");
        const auto* zone = calendar::find_zone(old->time_zone);
        if (!zone) throw import_error("series '" + slug + "': unknown time zone");
        auto rule = calendar::parse_rrule(old->rule);
        rule.count.reset();  // the earlier occurrences stay exactly as they were; UNTIL now ends the series
        rule.until = calendar::recurrence_instant(from, *zone) - std::chrono::seconds{1};
        old->rule = calendar::to_string(rule);
        std::erase_if(old->exdates, [from](auto t) { return t >= from; });
        std::erase_if(old->overrides, [from](const auto& o) { return o.original_start >= from; });
        upsert_series(c, *old, now);
        upsert_series(c, next, now);
    });
}

}  // namespace tp::store
