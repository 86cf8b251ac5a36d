#include "store/rows.hpp"

#include "calendar/rule_subset.hpp"
#include "store/json_columns.hpp"

namespace tp::store {
namespace {

std::optional<std::string> optional_text(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

std::optional<calendar::sys_seconds> optional_time(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return from_db(c.getInt64());
}

}  // namespace

const char* const network_columns =
    "n.id, n.slug, n.name, n.region, n.website, n.contact_name, n.contact_email, n.description, n.updated_at";

const char* const event_columns =
    "e.id, e.uid, e.slug, n.slug, n.name, e.kind, e.title, e.description, e.start_utc, e.end_utc, e.time_zone, "
    "e.all_day, e.format, e.venue, e.address, e.join_url, e.info_url, e.capacity, e.registration_opens, "
    "e.registration_closes, e.status, e.sequence, e.created_at, e.updated_at, s.slug, s.title, e.original_start_local, "
    "e.questions, e.reminders, s.uid, s.rrule, s.first_start_local";

const char* const event_from =
    " FROM events e JOIN networks n ON n.id = e.network_id LEFT JOIN series s ON s.id = e.series_id";

const char* const series_columns =
    "s.id, s.uid, s.slug, n.slug, n.name, s.kind, s.title, s.description, s.rrule, s.first_start_local, "
    "s.duration_seconds, s.time_zone, s.format, s.venue, s.address, s.join_url, s.info_url, s.capacity, s.status, "
    "s.sequence, s.created_at, s.updated_at, s.questions, s.reminders";

std::int64_t to_db(calendar::sys_seconds t) { return t.time_since_epoch().count(); }
calendar::sys_seconds from_db(std::int64_t seconds) { return calendar::sys_seconds{std::chrono::seconds{seconds}}; }

calendar::network network_from_row(SQLite::Statement& row) {
    calendar::network n;
    n.id = row.getColumn(0).getInt64();
    n.slug = row.getColumn(1).getString();
    n.name = row.getColumn(2).getString();
    n.region = row.getColumn(3).getString();
    n.website = row.getColumn(4).getString();
    n.contact_name = row.getColumn(5).getString();
    n.contact_email = row.getColumn(6).getString();
    n.description = row.getColumn(7).getString();
    n.updated_at = from_db(row.getColumn(8).getInt64());
    return n;
}

calendar::event event_from_row(SQLite::Statement& row) {
    calendar::event e;
    e.id = row.getColumn(0).getInt64();
    e.uid = row.getColumn(1).getString();
    e.slug = row.getColumn(2).getString();
    e.network_slug = row.getColumn(3).getString();
    e.network_name = row.getColumn(4).getString();
    // The schema's CHECK constraints keep these names valid.
    e.kind = calendar::parse_event_kind(row.getColumn(5).getString()).value_or(calendar::event_kind::meeting);
    e.title = row.getColumn(6).getString();
    e.description = row.getColumn(7).getString();
    e.start = from_db(row.getColumn(8).getInt64());
    e.end = from_db(row.getColumn(9).getInt64());
    e.time_zone = row.getColumn(10).getString();
    e.all_day = row.getColumn(11).getInt() != 0;
    e.format = calendar::parse_event_format(row.getColumn(12).getString()).value_or(calendar::event_format::in_person);
    e.venue = row.getColumn(13).getString();
    e.address = row.getColumn(14).getString();
    e.join_url = optional_text(row.getColumn(15));
    e.info_url = optional_text(row.getColumn(16));
    if (!row.getColumn(17).isNull()) e.capacity = row.getColumn(17).getInt();
    e.registration_opens = optional_time(row.getColumn(18));
    e.registration_closes = optional_time(row.getColumn(19));
    e.status = calendar::parse_event_status(row.getColumn(20).getString()).value_or(calendar::event_status::draft);
    e.sequence = row.getColumn(21).getInt();
    e.created_at = from_db(row.getColumn(22).getInt64());
    e.updated_at = from_db(row.getColumn(23).getInt64());
    e.series_slug = optional_text(row.getColumn(24));
    e.series_title = optional_text(row.getColumn(25));
    if (!row.getColumn(26).isNull()) e.original_start_local = std::chrono::seconds{row.getColumn(26).getInt64()};
    e.questions = questions_from_json(row.getColumn(27).getString());
    e.reminders = reminders_from_json(row.getColumn(28).getString());
    e.series_uid = optional_text(row.getColumn(29));
    if (e.series_uid)
        e.series_written_as_rule = calendar::written_as_rule(
            row.getColumn(30).getString(), date::local_seconds{std::chrono::seconds{row.getColumn(31).getInt64()}});
    return e;
}

calendar::series series_from_row(SQLite::Statement& row) {
    calendar::series s;
    s.id = row.getColumn(0).getInt64();
    s.uid = row.getColumn(1).getString();
    s.slug = row.getColumn(2).getString();
    s.network_slug = row.getColumn(3).getString();
    s.network_name = row.getColumn(4).getString();
    s.kind = calendar::parse_event_kind(row.getColumn(5).getString()).value_or(calendar::event_kind::meeting);
    s.title = row.getColumn(6).getString();
    s.description = row.getColumn(7).getString();
    s.rule = row.getColumn(8).getString();
    s.first_start = date::local_seconds{std::chrono::seconds{row.getColumn(9).getInt64()}};
    s.duration = std::chrono::seconds{row.getColumn(10).getInt64()};
    s.time_zone = row.getColumn(11).getString();
    s.format = calendar::parse_event_format(row.getColumn(12).getString()).value_or(calendar::event_format::online);
    s.venue = row.getColumn(13).getString();
    s.address = row.getColumn(14).getString();
    s.join_url = optional_text(row.getColumn(15));
    s.info_url = optional_text(row.getColumn(16));
    if (!row.getColumn(17).isNull()) s.capacity = row.getColumn(17).getInt();
    s.status = calendar::parse_event_status(row.getColumn(18).getString()).value_or(calendar::event_status::draft);
    s.sequence = row.getColumn(19).getInt();
    s.created_at = from_db(row.getColumn(20).getInt64());
    s.updated_at = from_db(row.getColumn(21).getInt64());
    s.questions = questions_from_json(row.getColumn(22).getString());
    s.reminders = reminders_from_json(row.getColumn(23).getString());
    return s;
}

}  // namespace tp::store
