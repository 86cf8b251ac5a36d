// The registration steps shared by the store's files (see registration_steps.hpp).
#include "store/registration_steps.hpp"

#include "store/json_columns.hpp"
#include "store/rows.hpp"
#include "store/registration_store.hpp"
#include "store/writes.hpp"

namespace tp::store {

std::string email_key(std::string email) {
    for (auto& c : email)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return email;
}

const std::string registration_columns =
    "r.id, r.token, e.slug, r.name, r.email, r.organisation, r.language, r.status, r.expires_at, r.created_at, "
    "r.updated_at, CASE WHEN r.status = 'waitlisted' THEN (SELECT COUNT(*) FROM registrations w WHERE "
    "w.event_id = r.event_id AND w.status = 'waitlisted' AND (w.waitlisted_at < r.waitlisted_at OR "
    "(w.waitlisted_at = r.waitlisted_at AND w.id <= r.id))) END, r.answers "
    "FROM registrations r JOIN events e ON e.id = r.event_id";
const std::string unranked_fields =
    "r.id, r.token, e.slug, r.name, r.email, r.organisation, r.language, r.status, r.expires_at, r.created_at, "
    "r.updated_at, NULL, r.answers";
const std::string registration_from = " FROM registrations r JOIN events e ON e.id = r.event_id";
const std::string unranked_columns = unranked_fields + registration_from;

registration registration_from_row(SQLite::Statement& row) {
    registration r;
    r.id = row.getColumn(0).getInt64();
    r.token = row.getColumn(1).getString();
    r.event_slug = row.getColumn(2).getString();
    r.name = row.getColumn(3).getString();
    r.email = row.getColumn(4).getString();
    r.organisation = row.getColumn(5).getString();
    r.language = row.getColumn(6).getString();
    r.status =
        calendar::parse_registration_status(row.getColumn(7).getString()).value_or(registration_status::rejected);
    if (!row.getColumn(8).isNull()) r.expires_at = from_db(row.getColumn(8).getInt64());
    r.created_at = from_db(row.getColumn(9).getInt64());
    r.updated_at = from_db(row.getColumn(10).getInt64());
    if (!row.getColumn(11).isNull()) r.position = row.getColumn(11).getInt();
    r.answers_given = answers_from_json(row.getColumn(12).getString());
    return r;
}

int waiting_count(connection& c, std::int64_t event_id) {
    auto count = c.prepare("SELECT waiting FROM waiting_counts WHERE event_id = ?");
    count->bind(1, event_id);
    return count->executeStep() ? count->getColumn(0).getInt() : 0;
}

registration written(connection& c, std::int64_t id, std::int64_t event_id) {
    auto r = find_unranked(c, "r.id = ?", id).value();
    if (r.status == registration_status::waitlisted) r.position = waiting_count(c, event_id);
    return r;
}

// The position goes with the message: it is the place the person had when it was written.
void queue(connection& c, calendar::message_kind kind, const registration& r, calendar::sys_seconds now) {
    queue_message(c,
                  {.kind = kind,
                   .registration_id = r.id,
                   .recipient = r.email,
                   .language = r.language,
                   .payload = r.position ? "{\"position\":" + std::to_string(*r.position) + "}" : "{}"},
                  now);
}

void move(connection& c, const registration& r, registration_status to, calendar::sys_seconds now,
          std::optional<calendar::sys_seconds> expires) {
    if (!calendar::allowed_transition(r.status, to))
        throw registration_conflict("a " + std::string(calendar::to_string(r.status)) + " registration cannot become " +
                                        std::string(calendar::to_string(to)),
                                    r.status);
    auto update = c.prepare(
        "UPDATE registrations SET status = ?, expires_at = ?, updated_at = ?, "
        "waitlisted_at = CASE WHEN ? = 'waitlisted' THEN ? ELSE waitlisted_at END WHERE id = ?");
    update->bind(1, std::string(calendar::to_string(to)));
    bind_optional(*update, 2, expires);
    update->bind(3, to_db(now));
    update->bind(4, std::string(calendar::to_string(to)));
    update->bind(5, to_db(now));
    update->bind(6, r.id);
    update->exec();
    auto log = c.prepare(
        "INSERT INTO registration_transitions (registration_id, from_status, to_status, at) "
        "VALUES (?, ?, ?, ?)");
    log->bind(1, r.id);
    log->bind(2, std::string(calendar::to_string(r.status)));
    log->bind(3, std::string(calendar::to_string(to)));
    log->bind(4, to_db(now));
    log->exec();
}

// Held seats are at most the capacity, so counting them by status stays cheap however long the waiting list is;
// of the waiting list only "anyone?" matters (waiting is 0 or 1).
seat_state seats_of(connection& c, std::int64_t event_id, calendar::sys_seconds now) {
    auto count = c.prepare(
        "SELECT (SELECT COUNT(*) FROM registrations WHERE event_id = ?1 AND status = 'confirmed'), "
        "(SELECT COUNT(*) FROM registrations WHERE event_id = ?1 AND status = 'pending' AND expires_at > ?2), "
        "EXISTS (SELECT 1 FROM registrations WHERE event_id = ?1 AND status = 'waitlisted')");
    count->bind(1, event_id);
    count->bind(2, to_db(now));
    count->executeStep();
    return {{count->getColumn(0).getInt(), count->getColumn(1).getInt()}, count->getColumn(2).getInt()};
}

void promote(connection& c, std::int64_t event_id, std::optional<int> capacity, calendar::sys_seconds now,
             std::chrono::seconds hold) {
    while (calendar::seat_free(capacity, seats_of(c, event_id, now).held)) {
        const auto first = find_unranked(c,
                                         "r.event_id = ? AND r.status = 'waitlisted' ORDER BY r.waitlisted_at, "
                                         "r.id LIMIT 1",
                                         event_id);
        if (!first) return;
        move(c, *first, registration_status::pending, now, now + hold);
        queue(c, calendar::message_kind::promoted, *first, now);
    }
}

std::optional<event_row> event_for_update(connection& c, const std::string& slug) {
    auto find = c.prepare(std::string("SELECT ") + event_columns + event_from + " WHERE e.slug = ?");
    find->bind(1, slug);
    if (!find->executeStep()) return std::nullopt;
    auto e = event_from_row(*find);
    return event_row{e.id, std::move(e)};
}

std::optional<event_row> event_of_registration(connection& c, const registration& r) {
    return event_for_update(c, r.event_slug);
}

}  // namespace tp::store
