// Registrations: capacity, waiting list, double opt-in, cancellation; each change with its transition row and
// its outbox message, in one write transaction.
#include <SQLiteCpp/Transaction.h>

#include "store/json_columns.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"
#include "store/tokens.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

using calendar::registration;
using calendar::registration_status;

std::string email_key(std::string email) {
    for (auto& c : email)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return email;
}

// With the waiting-list position, counted in arrival order: as costly as the position is high, so only for what
// people look at (their page, the API). The unranked form leaves it out.
const std::string registration_columns =
    "r.id, r.token, e.slug, r.name, r.email, r.organisation, r.language, r.status, r.expires_at, r.created_at, "
    "r.updated_at, CASE WHEN r.status = 'waitlisted' THEN (SELECT COUNT(*) FROM registrations w WHERE "
    "w.event_id = r.event_id AND w.status = 'waitlisted' AND (w.waitlisted_at < r.waitlisted_at OR "
    "(w.waitlisted_at = r.waitlisted_at AND w.id <= r.id))) END, r.answers "
    "FROM registrations r JOIN events e ON e.id = r.event_id";
const std::string unranked_columns =
    "r.id, r.token, e.slug, r.name, r.email, r.organisation, r.language, r.status, r.expires_at, r.created_at, "
    "r.updated_at, NULL, r.answers FROM registrations r JOIN events e ON e.id = r.event_id";

registration registration_from_row(SQLite::Statement& row) {
    registration r;
    r.id = row.getColumn(0).getInt64();
    r.token = row.getColumn(1).getString();
    r.event_slug = row.getColumn(2).getString();
    r.name = row.getColumn(3).getString();
    r.email = row.getColumn(4).getString();
    r.organisation = row.getColumn(5).getString();
    r.language = row.getColumn(6).getString();
    r.status = calendar::parse_registration_status(row.getColumn(7).getString()).value_or(registration_status::rejected);
    if (!row.getColumn(8).isNull()) r.expires_at = from_db(row.getColumn(8).getInt64());
    r.created_at = from_db(row.getColumn(9).getInt64());
    r.updated_at = from_db(row.getColumn(10).getInt64());
    if (!row.getColumn(11).isNull()) r.position = row.getColumn(11).getInt();
    r.answers_given = answers_from_json(row.getColumn(12).getString());
    return r;
}

std::optional<registration> find_with(const std::string& columns, connection& c, const std::string& where,
                                      const auto&... values) {
    auto stmt = c.prepare("SELECT " + columns + " WHERE " + where);
    int index = 1;
    (stmt->bind(index++, values), ...);
    if (!stmt->executeStep()) return std::nullopt;
    return registration_from_row(*stmt);
}

std::optional<registration> find_registration(connection& c, const std::string& where, const auto&... values) {
    return find_with(registration_columns, c, where, values...);
}

// Without the waiting-list position (nullopt): for the store's own steps.
std::optional<registration> find_unranked(connection& c, const std::string& where, const auto&... values) {
    return find_with(unranked_columns, c, where, values...);
}

// How many wait for an event now (kept by triggers, migration 8): the position of whoever joined last.
int waiting_count(connection& c, std::int64_t event_id) {
    auto count = c.prepare("SELECT waiting FROM waiting_counts WHERE event_id = ?");
    count->bind(1, event_id);
    return count->executeStep() ? count->getColumn(0).getInt() : 0;
}

// A registration as just written; a newcomer to the waiting list is last in it.
registration written(connection& c, std::int64_t id, std::int64_t event_id) {
    auto r = find_unranked(c, "r.id = ?", id).value();
    if (r.status == registration_status::waitlisted) r.position = waiting_count(c, event_id);
    return r;
}

// The position goes with the message: it is the place the person had when it was written.
void queue(connection& c, const std::string& kind, const registration& r, calendar::sys_seconds now) {
    queue_message(c,
                  {.kind = kind,
                   .registration_id = r.id,
                   .recipient = r.email,
                   .language = r.language,
                   .payload = r.position ? "{\"position\":" + std::to_string(*r.position) + "}" : "{}"},
                  now);
}

// Moves a registration to `to`, writing its transition; `expires` is set for pending, cleared otherwise.
void move(connection& c, const registration& r, registration_status to, calendar::sys_seconds now,
          std::optional<calendar::sys_seconds> expires = std::nullopt) {
    if (!calendar::allowed_transition(r.status, to))
        throw registration_conflict("a " + std::string(calendar::to_string(r.status)) + " registration cannot become " +
                                    std::string(calendar::to_string(to)));
    auto update = c.prepare("UPDATE registrations SET status = ?, expires_at = ?, updated_at = ?, "
                            "waitlisted_at = CASE WHEN ? = 'waitlisted' THEN ? ELSE waitlisted_at END WHERE id = ?");
    update->bind(1, std::string(calendar::to_string(to)));
    bind_optional(*update, 2, expires);
    update->bind(3, to_db(now));
    update->bind(4, std::string(calendar::to_string(to)));
    update->bind(5, to_db(now));
    update->bind(6, r.id);
    update->exec();
    auto log = c.prepare("INSERT INTO registration_transitions (registration_id, from_status, to_status, at) "
                         "VALUES (?, ?, ?, ?)");
    log->bind(1, r.id);
    log->bind(2, std::string(calendar::to_string(r.status)));
    log->bind(3, std::string(calendar::to_string(to)));
    log->bind(4, to_db(now));
    log->exec();
}

struct seat_state {
    calendar::held_seats held;
    int waiting = 0;
};

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

// Gives free seats to the waiting list in arrival order; each promoted person is told.
void promote(connection& c, std::int64_t event_id, std::optional<int> capacity, calendar::sys_seconds now,
             std::chrono::seconds hold) {
    while (calendar::seat_free(capacity, seats_of(c, event_id, now).held)) {
        const auto first = find_unranked(c, "r.event_id = ? AND r.status = 'waitlisted' ORDER BY r.waitlisted_at, "
                                                "r.id LIMIT 1", event_id);
        if (!first) return;
        move(c, *first, registration_status::pending, now, now + hold);
        queue(c, "promoted", *first, now);
    }
}

struct event_row {
    std::int64_t id;
    calendar::event event;
};

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

}  // namespace

namespace {

std::optional<registration_result> remembered(connection& c, std::int64_t event_id, const std::string& key) {
    auto find = c.prepare("SELECT registration_id, repeated FROM idempotency_keys WHERE event_id = ? AND key = ?");
    find->bind(1, event_id);
    find->bind(2, key);
    if (!find->executeStep()) return std::nullopt;
    const auto id = find->getColumn(0).getInt64();
    const bool repeated = find->getColumn(1).getInt() != 0;
    return registration_result{repeated ? registration_outcome::repeated : registration_outcome::created,
                               find_registration(c, "r.id = ?", id), calendar::registration_window::open};
}

void remember(connection& c, std::int64_t event_id, const std::string& key, const registration_result& result,
              calendar::sys_seconds now) {
    auto add = c.prepare("INSERT INTO idempotency_keys (event_id, key, registration_id, repeated, created_at) "
                         "VALUES (?, ?, ?, ?, ?)");
    add->bind(1, event_id);
    add->bind(2, key);
    add->bind(3, result.registration->id);
    add->bind(4, result.outcome == registration_outcome::repeated ? 1 : 0);
    add->bind(5, to_db(now));
    add->exec();
}

registration insert_registration(connection& c, std::int64_t event_id, const registration_request& req,
                                 registration_status status, calendar::sys_seconds now, std::chrono::seconds hold) {
    auto add = c.prepare(
        "INSERT INTO registrations (event_id, token, email, email_key, name, organisation, language, status, "
        "waitlisted_at, expires_at, created_at, updated_at, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const bool waiting = status == registration_status::waitlisted;
    add->bind(1, event_id);
    add->bind(2, random_token());
    add->bind(3, req.email);
    add->bind(4, email_key(req.email));
    add->bind(5, req.name);
    add->bind(6, req.organisation);
    add->bind(7, req.language);
    add->bind(8, std::string(calendar::to_string(status)));
    if (waiting) add->bind(9, to_db(now)); else add->bind(9);
    if (waiting) add->bind(10); else add->bind(10, to_db(now + hold));
    add->bind(11, to_db(now));
    add->bind(12, to_db(now));
    add->bind(13, answers_to_json(req.answers));
    add->exec();
    const auto id = c.db().getLastInsertRowid();
    auto log = c.prepare("INSERT INTO registration_transitions (registration_id, from_status, to_status, at) "
                         "VALUES (?, NULL, ?, ?)");
    log->bind(1, id);
    log->bind(2, std::string(calendar::to_string(status)));
    log->bind(3, to_db(now));
    log->exec();
    return written(c, id, event_id);
}

// A person who cancelled or expired registers again: the same row, with what they typed now.
registration reactivate(connection& c, std::int64_t event_id, const registration& old, const registration_request& req,
                        registration_status status, calendar::sys_seconds now, std::chrono::seconds hold) {
    auto update = c.prepare(
        "UPDATE registrations SET email = ?, name = ?, organisation = ?, language = ?, answers = ? WHERE id = ?");
    update->bind(1, req.email);
    update->bind(2, req.name);
    update->bind(3, req.organisation);
    update->bind(4, req.language);
    update->bind(5, answers_to_json(req.answers));
    update->bind(6, old.id);
    update->exec();
    const bool waiting = status == registration_status::waitlisted;
    move(c, old, status, now, waiting ? std::nullopt : std::optional{now + hold});
    return written(c, old.id, event_id);
}

}  // namespace

void promote_waiting(connection& c, std::int64_t event_id, std::optional<int> capacity, calendar::sys_seconds now) {
    promote(c, event_id, capacity, now, calendar::default_hold);
}

namespace {

// One registration, inside a transaction the caller holds (a group-commit batch).
registration_result register_in(connection& c, const std::string& event_slug, const registration_request& req,
                                 calendar::sys_seconds now, std::chrono::seconds hold) {
    const auto ev = event_for_update(c, event_slug);
    if (!ev) return {};
    if (req.idempotency_key)
        if (auto earlier = remembered(c, ev->id, *req.idempotency_key)) return *earlier;
    registration_result result;
    result.window = calendar::registration_window_of(ev->event, now);
    if (result.window != calendar::registration_window::open) {
        result.outcome = registration_outcome::window_closed;
        return result;
    }
    const auto existing = find_unranked(c, "r.event_id = ? AND r.email_key = ?", ev->id, email_key(req.email));
    if (existing && calendar::is_active(existing->status)) {
        queue(c, "resend", *existing, now);
        result.outcome = registration_outcome::repeated;
        result.registration = existing;
    } else {
        const auto seats = seats_of(c, ev->id, now);
        const auto status = calendar::admit(ev->event.capacity, seats.held, seats.waiting);
        result.registration = existing ? reactivate(c, ev->id, *existing, req, status, now, hold)
                                       : insert_registration(c, ev->id, req, status, now, hold);
        queue(c, status == registration_status::pending ? "confirm_request" : "waitlisted", *result.registration, now);
        result.outcome = registration_outcome::created;
    }
    if (req.idempotency_key) remember(c, ev->id, *req.idempotency_key, result, now);
    return result;
}

}  // namespace

registration_result store::register_person(const std::string& event_slug, const registration_request& req,
                                           std::chrono::seconds hold) {
    registration_result result;
    registrations_->run([&](connection& c) { result = register_in(c, event_slug, req, clock_(), hold); });
    return result;
}

std::optional<registration> store::registration_by_token(const std::string& token) {
    auto c = pool_.acquire();
    return find_registration(*c, "r.token = ?", token);
}

std::optional<registration> store::confirm_registration(const std::string& token) {
    std::lock_guard lock(write_mutex_);
    const auto now = clock_();
    SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
    auto& c = *writer_;
    auto r = find_unranked(c, "r.token = ?", token);
    if (!r || r->status == registration_status::confirmed) return find_registration(c, "r.token = ?", token);
    if (r->status != registration_status::pending)
        throw registration_conflict("a " + std::string(calendar::to_string(r->status)) + " registration cannot be confirmed");
    const auto ev = event_of_registration(c, *r);
    const bool hold_passed = r->expires_at && *r->expires_at <= now;
    const auto seats = seats_of(c, ev->id, now);  // an expired hold no longer counts
    if (hold_passed && (seats.waiting > 0 || !calendar::seat_free(ev->event.capacity, seats.held))) {
        move(c, *r, registration_status::expired, now);
        promote(c, ev->id, ev->event.capacity, now, calendar::default_hold);
    } else {
        move(c, *r, registration_status::confirmed, now);
        queue(c, "confirmed", *r, now);
    }
    tx.commit();
    return find_registration(c, "r.token = ?", token);
}

std::optional<registration> store::cancel_registration(const std::string& token) {
    std::lock_guard lock(write_mutex_);
    const auto now = clock_();
    SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
    auto& c = *writer_;
    auto r = find_unranked(c, "r.token = ?", token);
    if (!r || r->status == registration_status::cancelled) return r;
    move(c, *r, registration_status::cancelled, now);
    queue(c, "cancelled", *r, now);
    const auto ev = event_of_registration(c, *r);
    promote(c, ev->id, ev->event.capacity, now, calendar::default_hold);
    tx.commit();
    return find_registration(c, "r.token = ?", token);
}

void store::expire_pending(std::chrono::seconds hold) {
    std::lock_guard lock(write_mutex_);
    const auto now = clock_();
    SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
    auto& c = *writer_;
    std::vector<registration> due;
    {
        auto find = c.prepare("SELECT " + unranked_columns +
                              " WHERE r.status = 'pending' AND r.expires_at <= ? ORDER BY r.id");
        find->bind(1, to_db(now));
        while (find->executeStep()) due.push_back(registration_from_row(*find));
    }
    for (const auto& r : due) move(c, r, registration_status::expired, now);
    for (const auto& r : due)
        if (const auto ev = event_of_registration(c, r)) promote(c, ev->id, ev->event.capacity, now, hold);
    tx.commit();
}

store::seat_summary store::seats_of_event(std::int64_t event_id) {
    auto c = pool_.acquire();
    const auto seats = seats_of(*c, event_id, clock_());
    return {seats.held, seats.waiting};
}

namespace {

void write_feed_token(connection& c, const std::string& key, calendar::sys_seconds now, bool replace) {
    auto write = c.prepare(replace ? "INSERT INTO personal_feeds (email_key, token, created_at) VALUES (?, ?, ?) "
                                     "ON CONFLICT (email_key) DO UPDATE SET token = excluded.token, "
                                     "created_at = excluded.created_at"
                                   : "INSERT OR IGNORE INTO personal_feeds (email_key, token, created_at) VALUES (?, ?, ?)");
    write->bind(1, key);
    write->bind(2, random_token());
    write->bind(3, to_db(now));
    write->exec();
}

std::string feed_token_of(connection& c, const std::string& key) {
    auto find = c.prepare("SELECT token FROM personal_feeds WHERE email_key = ?");
    find->bind(1, key);
    return find->executeStep() ? find->getColumn(0).getString() : std::string{};
}

}  // namespace

std::string store::personal_feed_token(const calendar::registration& r) {
    {
        auto c = pool_.acquire();
        if (auto token = feed_token_of(*c, email_key(r.email)); !token.empty()) return token;
    }
    std::lock_guard lock(write_mutex_);
    write_feed_token(*writer_, email_key(r.email), clock_(), false);
    return feed_token_of(*writer_, email_key(r.email));
}

std::string store::reset_personal_feed(const calendar::registration& r) {
    std::lock_guard lock(write_mutex_);
    write_feed_token(*writer_, email_key(r.email), clock_(), true);
    return feed_token_of(*writer_, email_key(r.email));
}

std::optional<store::personal_feed> store::personal_feed_events(const std::string& token) {
    auto c = pool_.acquire();
    std::string key;
    personal_feed feed;
    {
        auto find = c->prepare("SELECT p.email_key, MAX(p.created_at, COALESCE((SELECT MAX(r.updated_at) FROM "
                               "registrations r WHERE r.email_key = p.email_key), 0)) FROM personal_feeds p "
                               "WHERE p.token = ?");
        find->bind(1, token);
        if (!find->executeStep()) return std::nullopt;
        key = find->getColumn(0).getString();
        feed.changed = from_db(find->getColumn(1).getInt64());
    }
    auto list = c->prepare(std::string("SELECT ") + event_columns + event_from +
                           " JOIN registrations r ON r.event_id = e.id WHERE r.email_key = ? AND r.status = 'confirmed'"
                           " AND e.status <> 'draft' ORDER BY e.start_utc, e.slug");
    list->bind(1, key);
    while (list->executeStep()) {
        feed.events.push_back(event_from_row(*list));
        feed.changed = std::max(feed.changed, feed.events.back().updated_at);
    }
    return feed;
}

std::optional<mail_subject> store::subject_of(const outbox_message& m) {
    if (!m.registration_id) return std::nullopt;
    auto c = pool_.acquire();
    auto r = find_unranked(*c, "r.id = ?", *m.registration_id);
    if (!r) return std::nullopt;
    auto ev = event_of_registration(*c, *r);
    if (!ev) return std::nullopt;
    auto n = c->prepare(std::string("SELECT ") + network_columns + " FROM networks n WHERE n.slug = ?");
    n->bind(1, ev->event.network_slug);
    if (!n->executeStep()) return std::nullopt;
    mail_subject out{std::move(*r), std::move(ev->event), network_from_row(*n), std::nullopt};
    auto confirmed = c->prepare("SELECT MAX(at) FROM registration_transitions WHERE registration_id = ? AND "
                                "to_status = 'confirmed'");
    confirmed->bind(1, out.registration.id);
    if (confirmed->executeStep() && !confirmed->getColumn(0).isNull())
        out.confirmed_at = from_db(confirmed->getColumn(0).getInt64());
    return out;
}

}  // namespace tp::store
