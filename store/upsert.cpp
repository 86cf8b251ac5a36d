
#include "store/json_columns.hpp"
#include "store/rows.hpp"
#include "store/event_store.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

using calendar::event;
using calendar::network;

bool same_content(const network& a, const network& b) {
    return a.name == b.name && a.region == b.region && a.website == b.website && a.contact_name == b.contact_name &&
           a.contact_email == b.contact_email && a.description == b.description;
}

// RFC 5546 2.1.4: attendees must hear of changes to time, place or status; those raise SEQUENCE.
bool significant_change(const event& a, const event& b) {
    return a.start != b.start || a.end != b.end || a.all_day != b.all_day || a.time_zone != b.time_zone ||
           a.status != b.status || a.format != b.format || a.venue != b.venue || a.address != b.address;
}

bool same_content(const event& a, const event& b) {
    return !significant_change(a, b) && a.network_slug == b.network_slug && a.kind == b.kind && a.title == b.title &&
           a.description == b.description && a.join_url == b.join_url && a.info_url == b.info_url &&
           a.capacity == b.capacity && a.registration_opens == b.registration_opens &&
           a.registration_closes == b.registration_closes && a.questions == b.questions && a.reminders == b.reminders;
}

void upsert_network(connection& c, const network& n, calendar::sys_seconds now) {
    auto find = c.prepare(std::string("SELECT ") + network_columns + " FROM networks n WHERE n.slug = ?");
    find->bind(1, n.slug);
    const bool exists = find->executeStep();
    const auto old = exists ? network_from_row(*find) : network{};
    if (exists && same_content(old, n)) return;
    auto write = c.prepare(
        "INSERT INTO networks (slug, name, region, website, contact_name, contact_email, description, created_at, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT (slug) DO UPDATE SET name = ?2, "
        "region = ?3, website = ?4, contact_name = ?5, contact_email = ?6, description = ?7, "
        "updated_at = MAX(updated_at, ?8)");
    write->bind(1, n.slug);
    write->bind(2, n.name);
    write->bind(3, n.region);
    write->bind(4, n.website);
    write->bind(5, n.contact_name);
    write->bind(6, n.contact_email);
    write->bind(7, n.description);
    write->bind(8, to_db(now));
    write->exec();
}

// An existing event stays in its network, and an occurrence's address is only ever one of its own series' dates
// (the same day keeps its address when the series' time of day moves).
void keep_owner(const event& old, const event& e, const occurrence_link* link) {
    if (link && old.series_slug != link->series_slug)
        throw field_refusal(field_refusal::kind::date_taken, "slug", old.slug,
                            "series '" + link->series_slug + "': a date would take the address of event '" + old.slug +
                                "', which is not one of its dates; choose another short name for the series");
    if (old.network_slug != e.network_slug)
        throw field_refusal(field_refusal::kind::network_fixed, "network", old.network_slug,
                            "event '" + old.slug + "' belongs to network '" + old.network_slug +
                                "' and cannot move to another network");
}

std::optional<event> find_event(connection& c, const std::string& slug) {
    auto find = c.prepare(std::string("SELECT ") + event_columns + event_from + " WHERE e.slug = ?");
    find->bind(1, slug);
    std::optional<event> found;
    if (find->executeStep()) found = event_from_row(*find);
    return found;
}

}  // namespace

std::int64_t network_id(connection& c, const std::string& network_slug, const std::string& what) {
    auto find = c.prepare("SELECT id FROM networks WHERE slug = ?");
    find->bind(1, network_slug);
    if (!find->executeStep())
        throw import_error(what + ": unknown network '" + network_slug + "'", "unknown_network:" + network_slug);
    return find->getColumn(0).getInt64();
}

void upsert_event(connection& c, const event& e, calendar::sys_seconds now, const occurrence_link* link) {
    const auto old = find_event(c, e.slug);
    if (old) keep_owner(*old, e, link);
    if (old && same_content(*old, e) && (!link || old->sequence == e.sequence)) return;
    // Occurrences carry the SEQUENCE their series and override give them.
    const int sequence = link ? e.sequence : !old ? 0 : old->sequence + (significant_change(*old, e) ? 1 : 0);
    auto write = c.prepare(
        "INSERT INTO events (uid, slug, network_id, kind, title, description, start_utc, end_utc, time_zone, all_day, "
        "format, venue, address, join_url, info_url, capacity, registration_opens, registration_closes, status, "
        "sequence, created_at, updated_at, series_id, original_start_local, questions, reminders) VALUES "
        "(COALESCE(?21, lower(hex(randomblob(16))) || '@treffpunkt'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
        "?12, "
        "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20, ?22, ?23, ?24, ?25) ON CONFLICT (slug) DO UPDATE SET "
        "network_id = ?2, kind = ?3, title = ?4, description = ?5, start_utc = ?6, end_utc = ?7, time_zone = ?8, "
        "all_day = ?9, format = ?10, venue = ?11, address = ?12, join_url = ?13, info_url = ?14, capacity = ?15, "
        "registration_opens = ?16, registration_closes = ?17, status = ?18, sequence = ?19, "
        "updated_at = MAX(updated_at, ?20), series_id = ?22, original_start_local = ?23, questions = ?24, reminders = "
        "?25");
    write->bind(1, e.slug);
    write->bind(2, network_id(c, e.network_slug, "event '" + e.slug + "'"));
    write->bind(3, std::string(calendar::to_string(e.kind)));
    write->bind(4, e.title);
    write->bind(5, e.description);
    write->bind(6, to_db(e.start));
    write->bind(7, to_db(e.end));
    write->bind(8, e.time_zone);
    write->bind(9, e.all_day ? 1 : 0);
    write->bind(10, std::string(calendar::to_string(e.format)));
    write->bind(11, e.venue);
    write->bind(12, e.address);
    bind_optional(*write, 13, e.join_url);
    bind_optional(*write, 14, e.info_url);
    bind_optional(*write, 15, e.capacity);
    bind_optional(*write, 16, e.registration_opens);
    bind_optional(*write, 17, e.registration_closes);
    write->bind(18, std::string(calendar::to_string(e.status)));
    write->bind(19, sequence);
    write->bind(20, to_db(now));
    if (link)
        write->bind(21, e.uid);  // occurrences derive theirs from the series; other events get a random one
    else
        write->bind(21);
    if (link) {
        write->bind(22, link->series_id);
        write->bind(23, link->original_start_local);
    } else {
        write->bind(22);
        write->bind(23);
    }
    write->bind(24, questions_to_json(e.questions));
    write->bind(25, reminders_to_json(e.reminders));
    write->exec();
    // RFC 5546: people holding or waiting for a place hear of changes to time, place or status.
    if (old && significant_change(*old, e) && e.status != calendar::event_status::draft) {
        const bool cancelled = e.status == calendar::event_status::cancelled;
        if (!cancelled || old->status != calendar::event_status::cancelled)
            notify_registrants(
                c, old->id, cancelled ? calendar::message_kind::event_cancelled : calendar::message_kind::event_changed,
                now, cancelled ? std::string("{}") : before_payload(*old));
    }
    // More seats (or no limit any more): the waiting list moves up at once.
    const bool more_seats = old && old->capacity && (!e.capacity || *e.capacity > *old->capacity);
    if (more_seats) promote_waiting(c, old->id, e.capacity, now);
}

namespace {

// A bad entry names itself; a storage failure stays what it is (storage_unavailable, not bad data).
[[noreturn]] void refuse_entry(const std::string& entry, const SQLite::Exception& ex) {
    if (*storage_failure_hint(ex) != '\0') throw;
    throw import_error(entry + ": " + ex.what());
}

}  // namespace

void event_store::upsert(std::span<const network> networks, std::span<const event> events,
                         std::span<const calendar::series> series) {
    db_.write([&](connection& c, sys_seconds now) {
        for (const auto& n : networks) {
            try {
                upsert_network(c, n, now);
            } catch (const SQLite::Exception& ex) {
                refuse_entry("network '" + n.slug + "'", ex);
            }
        }
        for (const auto& e : events) {
            try {
                upsert_event(c, e, now, nullptr);
            } catch (const SQLite::Exception& ex) {
                refuse_entry("event '" + e.slug + "'", ex);
            }
        }
        for (const auto& one : series) {
            try {
                upsert_series(c, one, now);
            } catch (const SQLite::Exception& ex) {
                refuse_entry("series '" + one.slug + "'", ex);
            }
        }
    });
}

}  // namespace tp::store
