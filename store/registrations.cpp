// Registrations: capacity, waiting list, double opt-in, cancellation; each change with its transition row and
// its outbox message, in one write transaction.

#include "store/json_columns.hpp"
#include "store/rows.hpp"
#include "store/outbox_store.hpp"
#include "store/registration_store.hpp"
#include "store/tokens.hpp"
#include "store/registration_steps.hpp"
#include "store/writes.hpp"

namespace tp::store {

namespace {

// What a request asked for, as a digest: the same key must come with the same request.
std::string fingerprint(const registration_request& req) {
    return token_digest(req.name + '\n' + email_key(req.email) + '\n' + req.organisation + '\n' +
                        answers_to_json(req.answers));
}

// The first answer to this key, or key_reused when it came with another request. Expired keys are gone first.
std::optional<registration_result> remembered(connection& c, std::int64_t event_id, const registration_request& req,
                                              calendar::sys_seconds now) {
    auto sweep = c.prepare("DELETE FROM idempotency_keys WHERE created_at <= ?");
    sweep->bind(1, to_db(now - idempotency_lifetime));
    sweep->exec();
    auto find =
        c.prepare("SELECT registration_id, repeated, fingerprint FROM idempotency_keys WHERE event_id = ? AND key = ?");
    find->bind(1, event_id);
    find->bind(2, *req.idempotency_key);
    if (!find->executeStep()) return std::nullopt;
    if (find->getColumn(2).getString() != fingerprint(req))
        return registration_result{registration_outcome::key_reused, std::nullopt, calendar::registration_window::open};
    const auto id = find->getColumn(0).getInt64();
    const bool repeated = find->getColumn(1).getInt() != 0;
    return registration_result{repeated ? registration_outcome::repeated : registration_outcome::created,
                               find_registration(c, "r.id = ?", id), calendar::registration_window::open};
}

void remember(connection& c, std::int64_t event_id, const registration_request& req, const registration_result& result,
              calendar::sys_seconds now) {
    auto add = c.prepare(
        "INSERT INTO idempotency_keys (event_id, key, registration_id, repeated, created_at, "
        "fingerprint) VALUES (?, ?, ?, ?, ?, ?)");
    add->bind(1, event_id);
    add->bind(2, *req.idempotency_key);
    add->bind(3, result.registration->id);
    add->bind(4, result.outcome == registration_outcome::repeated ? 1 : 0);
    add->bind(5, to_db(now));
    add->bind(6, fingerprint(req));
    add->exec();
}

registration insert_registration(connection& c, std::int64_t event_id, const registration_request& req,
                                 registration_status status, calendar::sys_seconds now, std::chrono::seconds hold) {
    auto add = c.prepare(
        "INSERT INTO registrations (event_id, token, email, email_key, name, organisation, language, status, "
        "waitlisted_at, expires_at, created_at, updated_at, answers, token_digest) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const bool waiting = status == registration_status::waitlisted;
    const auto token = random_token();
    add->bind(1, event_id);
    add->bind(2, token);
    add->bind(3, req.email);
    add->bind(4, email_key(req.email));
    add->bind(5, req.name);
    add->bind(6, req.organisation);
    add->bind(7, req.language);
    add->bind(8, std::string(calendar::to_string(status)));
    if (waiting)
        add->bind(9, to_db(now));
    else
        add->bind(9);
    if (waiting)
        add->bind(10);
    else
        add->bind(10, to_db(now + hold));
    add->bind(11, to_db(now));
    add->bind(12, to_db(now));
    add->bind(13, answers_to_json(req.answers));
    add->bind(14, token_digest(token));
    add->exec();
    const auto id = c.db().getLastInsertRowid();
    auto log = c.prepare(
        "INSERT INTO registration_transitions (registration_id, from_status, to_status, at) "
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
    if (req.registered_by) req.registered_by->require(ev->event.network_slug, "event '" + event_slug + "'");
    if (req.idempotency_key)
        if (auto earlier = remembered(c, ev->id, req, now)) return *earlier;
    registration_result result;
    result.window = calendar::registration_window_of(ev->event, now);
    if (result.window != calendar::registration_window::open) {
        result.outcome = registration_outcome::window_closed;
        return result;
    }
    const auto existing = find_unranked(c, "r.event_id = ? AND r.email_key = ?", ev->id, email_key(req.email));
    if (existing && calendar::is_active(existing->status)) {
        queue(c, calendar::message_kind::resend, *existing, now);
        result.outcome = registration_outcome::repeated;
        result.registration = existing;
    } else {
        const auto seats = seats_of(c, ev->id, now);
        const auto status = calendar::admit(ev->event.capacity, seats.held, seats.waiting);
        result.registration = existing ? reactivate(c, ev->id, *existing, req, status, now, hold)
                                       : insert_registration(c, ev->id, req, status, now, hold);
        queue(c,
              status == registration_status::pending ? calendar::message_kind::confirm_request
                                                     : calendar::message_kind::waitlisted,
              *result.registration, now);
        result.outcome = registration_outcome::created;
        if (req.registered_by)
            write_audit(c, now, req.registered_by->name(), ev->id, "register_on_behalf",
                        "registration #" + std::to_string(result.registration->id));
    }
    if (req.idempotency_key) remember(c, ev->id, req, result, now);
    return result;
}

}  // namespace

registration_result registration_store::register_person(const std::string& event_slug, const registration_request& req,
                                                        std::chrono::seconds hold) {
    return db_.write([&](connection& c, sys_seconds now) { return register_in(c, event_slug, req, now, hold); });
}

void registration_store::register_person_later(const std::string& event_slug, registration_request req,
                                               std::function<void(write_outcome<registration_result>)> done,
                                               std::chrono::seconds hold) {
    db_.write_later<registration_result>(
        [event_slug, req = std::move(req), hold](connection& c, sys_seconds now) {
            return register_in(c, event_slug, req, now, hold);
        },
        std::move(done));
}

std::optional<registration> registration_store::registration_by_token(const std::string& token) {
    return db_.read([&](connection& c) -> std::optional<registration> {
        return find_registration(c, by_token, token_digest(token));
    });
}

std::optional<registration> registration_store::confirm_registration(const std::string& token) {
    return db_.write([&](connection& c, sys_seconds now) -> std::optional<registration> {
        const auto digest = token_digest(token);
        auto r = find_unranked(c, by_token, digest);
        if (!r || r->status == registration_status::confirmed) return find_registration(c, by_token, digest);
        if (r->status != registration_status::pending)
            throw registration_conflict(
                "a " + std::string(calendar::to_string(r->status)) + " registration cannot be confirmed", r->status);
        const auto ev = event_of_registration(c, *r);
        const bool hold_passed = r->expires_at && *r->expires_at <= now;
        const auto seats = seats_of(c, ev->id, now);  // an expired hold no longer counts
        if (hold_passed && (seats.waiting > 0 || !calendar::seat_free(ev->event.capacity, seats.held))) {
            move(c, *r, registration_status::expired, now);
            promote(c, ev->id, ev->event.capacity, now, calendar::default_hold);
        } else {
            move(c, *r, registration_status::confirmed, now);
            queue(c, calendar::message_kind::confirmed, *r, now);
        }
        return find_registration(c, by_token, digest);
    });
}

bool registration_store::stop_everyone_mails(const std::string& token) {
    return db_.write([&](connection& c, sys_seconds now) {
        auto update = c.prepare(
            "UPDATE registrations SET everyone_mails_stopped_at = COALESCE(everyone_mails_stopped_at, ?) "
            "WHERE token_digest = ?");
        update->bind(1, to_db(now));
        update->bind(2, token_digest(token));
        return update->exec() > 0;
    });
}

bool registration_store::change_answers(const std::string& token, const calendar::answers& answers) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto r = find_unranked(c, by_token, token_digest(token));
        const auto ev = r ? event_of_registration(c, *r) : std::nullopt;
        if (!ev || !calendar::answers_changeable(ev->event, *r, now)) return false;
        auto update = c.prepare("UPDATE registrations SET answers = ?, updated_at = ? WHERE id = ?");
        update->bind(1, answers_to_json(answers));
        update->bind(2, to_db(now));
        update->bind(3, r->id);
        update->exec();
        return true;
    });
}

std::optional<registration> registration_store::cancel_registration(const std::string& token) {
    return db_.write([&](connection& c, sys_seconds now) -> std::optional<registration> {
        const auto digest = token_digest(token);
        auto r = find_unranked(c, by_token, digest);
        if (!r || r->status == registration_status::cancelled) return r;
        move(c, *r, registration_status::cancelled, now);
        queue(c, calendar::message_kind::cancelled, *r, now);
        const auto ev = event_of_registration(c, *r);
        promote(c, ev->id, ev->event.capacity, now, calendar::default_hold);
        return find_registration(c, by_token, digest);
    });
}

void registration_store::expire_pending(std::chrono::seconds hold) {
    db_.write([&](connection& c, sys_seconds now) {
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
    });
}

registration_store::seat_summary registration_store::seats_of_event(std::int64_t event_id) {
    return db_.read([&](connection& c) -> seat_summary {
        const auto seats = seats_of(c, event_id, db_.now());
        return {seats.held, seats.waiting};
    });
}

bool registration_store::resend_link(const std::string& event_slug, const std::string& email) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto ev = event_for_update(c, event_slug);
        if (!ev) return false;
        const auto existing = find_unranked(c, "r.event_id = ? AND r.email_key = ?", ev->id, email_key(email));
        if (!existing || !calendar::is_active(existing->status)) return false;
        queue(c, calendar::message_kind::resend, *existing, now);
        return true;
    });
}

std::map<std::int64_t, registration_store::seat_summary> registration_store::seats_of_events(
    std::span<const calendar::event> events) {
    return db_.read([&](connection& c) {
        std::map<std::int64_t, seat_summary> out;
        const auto now = db_.now();
        for (const auto& e : events)
            if (e.capacity) {
                const auto seats = seats_of(c, e.id, now);
                out.emplace(e.id, seat_summary{seats.held, seats.waiting});
            }
        return out;
    });
}

std::optional<mail_subject> outbox_store::subject_of(const outbox_message& m) {
    if (!m.registration_id) return std::nullopt;
    return db_.read([&](connection& c) -> std::optional<mail_subject> {
        auto r = find_unranked(c, "r.id = ?", *m.registration_id);
        if (!r) return std::nullopt;
        auto ev = event_of_registration(c, *r);
        if (!ev) return std::nullopt;
        auto n = c.prepare(std::string("SELECT ") + network_columns + " FROM networks n WHERE n.slug = ?");
        n->bind(1, ev->event.network_slug);
        if (!n->executeStep()) return std::nullopt;
        mail_subject out{std::move(*r), std::move(ev->event), network_from_row(*n), std::nullopt, 0, false};
        // One read for what the message depends on: the confirmation, withdrawals so far, a stop of mails to all.
        auto history = c.prepare(
            "SELECT MAX(CASE WHEN to_status = 'confirmed' THEN at END), "
            "COALESCE(SUM(to_status IN ('cancelled', 'rejected') AND at <= ?1), 0), "
            "(SELECT everyone_mails_stopped_at IS NOT NULL FROM registrations WHERE id = ?2) "
            "FROM registration_transitions WHERE registration_id = ?2");
        history->bind(1, to_db(m.created_at));
        history->bind(2, out.registration.id);
        if (history->executeStep()) {
            if (!history->getColumn(0).isNull()) out.confirmed_at = from_db(history->getColumn(0).getInt64());
            out.withdrawals = history->getColumn(1).getInt();
            out.everyone_mails_stopped = history->getColumn(2).getInt() != 0;
        }
        return out;
    });
}

}  // namespace tp::store
