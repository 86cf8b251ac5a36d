// Barcamp programmes: rooms, time slots, sessions with their votes, and where organisers place them.
#include "store/registration_steps.hpp"
#include "store/rows.hpp"
#include "store/programme_store.hpp"
#include "store/tokens.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

using calendar::barcamp_session;

const char* refusal_text(programme_refusal r) {
    switch (r) {
        case programme_refusal::not_a_barcamp: return "only a barcamp has a session programme";
        case programme_refusal::not_confirmed: return "only confirmed participants propose and vote";
        case programme_refusal::closed: return "the barcamp is over or cancelled";
        case programme_refusal::unknown_session: return "there is no such session";
        case programme_refusal::not_yours: return "only the proposer withdraws a session";
        case programme_refusal::too_many_proposals: return "too many proposals by one person";
        case programme_refusal::programme_full: return "the programme has reached its limit";
        case programme_refusal::unknown_room: return "there is no such room";
        case programme_refusal::unknown_slot: return "there is no such time slot";
        case programme_refusal::duplicate_room: return "a room of that name exists";
        case programme_refusal::slot_outside_event: return "a time slot must lie within the barcamp";
    }
    return "refused";
}

[[noreturn]] void refuse(programme_refusal r) { throw programme_error(r); }

// The barcamp an organiser changes, once `by` is known to manage its network.
event_row barcamp_for_update(connection& c, const std::string& slug, const actor& by) {
    auto ev = event_for_update(c, slug);
    if (!ev) throw not_found_error("there is no event '" + slug + "'");
    by.require(ev->event.network_slug, "event '" + slug + "'");
    if (ev->event.kind != calendar::event_kind::barcamp) refuse(programme_refusal::not_a_barcamp);
    return std::move(*ev);
}

// The participant behind a manage link and their barcamp, while it still runs.
struct participant {
    registration who;
    event_row barcamp;
};
participant participant_for_update(connection& c, const std::string& token, calendar::sys_seconds now) {
    auto r = find_unranked(c, by_token, token_digest(token));
    if (!r) refuse(programme_refusal::not_confirmed);
    auto ev = event_for_update(c, r->event_slug).value();
    if (ev.event.kind != calendar::event_kind::barcamp) refuse(programme_refusal::not_a_barcamp);
    if (r->status != registration_status::confirmed) refuse(programme_refusal::not_confirmed);
    if (ev.event.status == calendar::event_status::cancelled || now >= ev.event.end) refuse(programme_refusal::closed);
    return {std::move(*r), std::move(ev)};
}

std::int64_t count(connection& c, const std::string& sql, std::int64_t id) {
    auto q = c.prepare(sql);
    q->bind(1, id);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

void touch(connection& c, std::int64_t event_id, calendar::sys_seconds now) {
    auto up = c.prepare(
        "INSERT INTO programme_changes (event_id, changed_at) SELECT ?1, MAX(?2, created_at) FROM events WHERE id = ?1 "
        "ON CONFLICT (event_id) DO UPDATE SET "
        "changed_at = MAX(changed_at, ?2)");
    up->bind(1, event_id);
    up->bind(2, to_db(now));
    up->exec();
}

// The active session `id` of the event, with its proposer and placement.
struct session_row {
    std::optional<std::int64_t> proposer, room, slot;
};
session_row active_session(connection& c, std::int64_t event_id, std::int64_t id) {
    auto q = c.prepare(
        "SELECT registration_id, room_id, slot_id FROM sessions WHERE id = ? AND event_id = ? AND "
        "withdrawn_at IS NULL");
    q->bind(1, id);
    q->bind(2, event_id);
    if (!q->executeStep()) refuse(programme_refusal::unknown_session);
    const auto opt = [&q](int i) {
        return q->getColumn(i).isNull() ? std::nullopt : std::optional{q->getColumn(i).getInt64()};
    };
    return {opt(0), opt(1), opt(2)};
}

std::int64_t insert_session(connection& c, std::int64_t event_id, std::optional<std::int64_t> proposer,
                            const calendar::session_proposal& p, calendar::sys_seconds now) {
    if (count(c, "SELECT COUNT(*) FROM sessions WHERE event_id = ? AND withdrawn_at IS NULL", event_id) >=
        max_sessions_per_barcamp)
        refuse(programme_refusal::programme_full);
    auto add = c.prepare(
        "INSERT INTO sessions (event_id, uid, registration_id, title, description, host, kind, created_at, "
        "updated_at) VALUES (?1, 'session-' || lower(hex(randomblob(16))) || '@treffpunkt', ?2, ?3, ?4, ?5, ?6, ?7, "
        "?7)");
    add->bind(1, event_id);
    bind_optional(*add, 2, proposer);
    add->bind(3, p.title);
    add->bind(4, p.description);
    add->bind(5, p.host);
    add->bind(6, std::string(calendar::to_string(p.kind)));
    add->bind(7, to_db(now));
    add->exec();
    touch(c, event_id, now);
    return c.db().getLastInsertRowid();
}

void withdraw(connection& c, std::int64_t event_id, std::int64_t id, calendar::sys_seconds now) {
    auto up = c.prepare(
        "UPDATE sessions SET withdrawn_at = ?1, room_id = NULL, slot_id = NULL, updated_at = ?1 "
        "WHERE id = ?2");
    up->bind(1, to_db(now));
    up->bind(2, id);
    up->exec();
    auto votes = c.prepare("DELETE FROM session_votes WHERE session_id = ?");
    votes->bind(1, id);
    votes->exec();
    touch(c, event_id, now);
}

// Takes every session out of a room or slot about to go; they may be placed again later.
void unplace_all(connection& c, const std::string& column, std::int64_t id, calendar::sys_seconds now) {
    auto up = c.prepare(
        "UPDATE sessions SET room_id = NULL, slot_id = NULL, sequence = sequence + 1, updated_at = ?1 "
        "WHERE " +
        column + " = ?2");
    up->bind(1, to_db(now));
    up->bind(2, id);
    up->exec();
}

// A room or a slot of the barcamp: which table, which column of sessions points at it, what to refuse.
struct grid_part {
    const char* table;
    const char* session_column;
    programme_refusal unknown;
    const char* audit_action;
};
constexpr grid_part room_part{"session_rooms", "room_id", programme_refusal::unknown_room, "remove_room"};
constexpr grid_part slot_part{"session_slots", "slot_id", programme_refusal::unknown_slot, "remove_slot"};

// Removes a room or slot; its sessions go back to the unplaced ones first.
void remove_part(connection& c, const event_row& ev, const grid_part& part, std::int64_t id, calendar::sys_seconds now,
                 const actor& by) {
    unplace_all(c, part.session_column, id, now);
    auto del = c.prepare("DELETE FROM " + std::string(part.table) + " WHERE id = ? AND event_id = ?");
    del->bind(1, id);
    del->bind(2, ev.id);
    del->exec();
    if (c.db().getChanges() == 0) refuse(part.unknown);
    touch(c, ev.id, now);
    write_audit(c, now, by.name(), ev.id, part.audit_action, std::to_string(id));
}

bool belongs(connection& c, const std::string& table, std::int64_t event_id, std::int64_t id) {
    auto q = c.prepare("SELECT 1 FROM " + table + " WHERE id = ? AND event_id = ?");
    q->bind(1, id);
    q->bind(2, event_id);
    return q->executeStep();
}

// Moves one session; returns whether anything changed. A session that was in the grid before gets a new SEQUENCE.
bool place(connection& c, std::int64_t event_id, const placement& p, calendar::sys_seconds now) {
    if (p.room.has_value() != p.slot.has_value())
        refuse(p.room ? programme_refusal::unknown_slot : programme_refusal::unknown_room);
    if (p.room && !belongs(c, "session_rooms", event_id, *p.room)) refuse(programme_refusal::unknown_room);
    if (p.slot && !belongs(c, "session_slots", event_id, *p.slot)) refuse(programme_refusal::unknown_slot);
    const auto old = active_session(c, event_id, p.session);
    if (old.room == p.room && old.slot == p.slot) return false;
    auto up = c.prepare(
        "UPDATE sessions SET room_id = ?1, slot_id = ?2, sequence = sequence + placed_before, "
        "placed_before = MAX(placed_before, ?1 IS NOT NULL), updated_at = ?3 WHERE id = ?4");
    bind_optional(*up, 1, p.room);
    bind_optional(*up, 2, p.slot);
    up->bind(3, to_db(now));
    up->bind(4, p.session);
    up->exec();
    return true;
}

barcamp_session session_from_row(SQLite::Statement& q) {
    barcamp_session s;
    s.id = q.getColumn(0).getInt64();
    s.uid = q.getColumn(1).getString();
    s.title = q.getColumn(2).getString();
    s.description = q.getColumn(3).getString();
    s.host = q.getColumn(4).getString();
    s.kind = calendar::parse_session_kind(q.getColumn(5).getString()).value_or(calendar::session_kind::other);
    s.votes = q.getColumn(6).getInt();
    if (!q.getColumn(7).isNull()) s.room = q.getColumn(7).getInt64();
    if (!q.getColumn(8).isNull()) s.slot = q.getColumn(8).getInt64();
    s.sequence = q.getColumn(9).getInt();
    s.created_at = from_db(q.getColumn(10).getInt64());
    s.updated_at = from_db(q.getColumn(11).getInt64());
    s.mine = q.getColumn(12).getInt() != 0;
    s.my_vote = q.getColumn(13).getInt() != 0;
    return s;
}

// Votes count while the voter's registration is confirmed.
std::vector<barcamp_session> read_sessions(connection& c, std::int64_t event_id, std::int64_t viewer) {
    auto q = c.prepare(
        "SELECT s.id, s.uid, s.title, s.description, s.host, s.kind, (SELECT COUNT(*) FROM session_votes v JOIN "
        "registrations r ON r.id = v.registration_id WHERE v.session_id = s.id AND r.status = 'confirmed') AS votes, "
        "s.room_id, s.slot_id, s.sequence, s.created_at, s.updated_at, s.registration_id IS ?2, EXISTS (SELECT 1 FROM "
        "session_votes v WHERE v.session_id = s.id AND v.registration_id = ?2) FROM sessions s WHERE s.event_id = ?1 "
        "AND s.withdrawn_at IS NULL ORDER BY votes DESC, s.id");
    q->bind(1, event_id);
    q->bind(2, viewer);
    std::vector<barcamp_session> out;
    while (q->executeStep()) out.push_back(session_from_row(*q));
    return out;
}

calendar::programme read_programme(connection& c, std::int64_t event_id, std::int64_t viewer) {
    calendar::programme p;
    auto rooms = c.prepare("SELECT id, name, capacity FROM session_rooms WHERE event_id = ? ORDER BY id");
    rooms->bind(1, event_id);
    while (rooms->executeStep())
        p.rooms.push_back(
            {rooms->getColumn(0).getInt64(), rooms->getColumn(1).getString(), rooms->getColumn(2).getInt()});
    auto slots = c.prepare(
        "SELECT id, start_utc, end_utc FROM session_slots WHERE event_id = ? ORDER BY start_utc, end_utc, id");
    slots->bind(1, event_id);
    while (slots->executeStep())
        p.slots.push_back({slots->getColumn(0).getInt64(), from_db(slots->getColumn(1).getInt64()),
                           from_db(slots->getColumn(2).getInt64())});
    p.sessions = read_sessions(c, event_id, viewer);
    return p;
}

}  // namespace

void forget_proposals(connection& c, const std::string& email_key, calendar::sys_seconds now) {
    const std::string theirs = "registration_id IN (SELECT id FROM registrations WHERE email_key = ?1)";
    auto touched = c.prepare(
        "INSERT INTO programme_changes (event_id, changed_at) SELECT DISTINCT event_id, ?2 FROM "
        "sessions WHERE " +
        theirs +
        " ON CONFLICT (event_id) DO UPDATE SET changed_at = "
        "MAX(changed_at, excluded.changed_at)");
    auto sessions = c.prepare(
        "UPDATE sessions SET host = '', withdrawn_at = COALESCE(withdrawn_at, ?2), room_id = NULL, "
        "slot_id = NULL, updated_at = ?2 WHERE " +
        theirs);
    auto votes = c.prepare("DELETE FROM session_votes WHERE " + theirs);
    for (auto* step : {&touched, &sessions, &votes}) {
        (*step)->bind(1, email_key);
        if (step != &votes) (*step)->bind(2, to_db(now));
        (*step)->exec();
    }
}

programme_error::programme_error(programme_refusal r)
    : refusal(refusal_kind::conflict, "programme", refusal_text(r)), why(r) {}

std::optional<calendar::programme> programme_store::programme(const std::string& event_slug,
                                                              const std::string& viewer) {
    return db_.read([&](connection& c) -> std::optional<calendar::programme> {
        const auto ev = event_for_update(c, event_slug);
        if (!ev) return std::nullopt;
        std::int64_t viewer_id = 0;
        if (!viewer.empty()) {
            const auto r = find_unranked(c, by_token, token_digest(viewer));
            if (r && r->event_slug == event_slug) viewer_id = r->id;
        }
        return read_programme(c, ev->id, viewer_id);
    });
}

std::optional<sys_seconds> programme_store::programme_changed(const std::string& event_slug) {
    return db_.read([&](connection& c) -> std::optional<sys_seconds> {
        const auto ev = event_for_update(c, event_slug);
        if (!ev) return std::nullopt;
        auto q = c.prepare("SELECT changed_at FROM programme_changes WHERE event_id = ?");
        q->bind(1, ev->id);
        return q->executeStep() ? from_db(q->getColumn(0).getInt64()) : ev->event.created_at;
    });
}

std::int64_t programme_store::add_room(const std::string& event_slug, const std::string& name, int capacity,
                                       const actor& by) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto ev = barcamp_for_update(c, event_slug, by);
        if (count(c, "SELECT COUNT(*) FROM session_rooms WHERE event_id = ?", ev.id) >= max_rooms_per_barcamp)
            refuse(programme_refusal::programme_full);
        auto add =
            c.prepare("INSERT INTO session_rooms (event_id, name, capacity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        add->bind(1, ev.id);
        add->bind(2, name);
        add->bind(3, capacity);
        if (add->exec() == 0) refuse(programme_refusal::duplicate_room);
        const auto id = c.db().getLastInsertRowid();
        touch(c, ev.id, now);
        write_audit(c, now, by.name(), ev.id, "add_room", name + " (" + std::to_string(capacity) + ")");
        return id;
    });
}

void programme_store::remove_room(const std::string& event_slug, std::int64_t room, const actor& by) {
    db_.write([&](connection& c, sys_seconds now) {
        remove_part(c, barcamp_for_update(c, event_slug, by), room_part, room, now, by);
    });
}

std::int64_t programme_store::add_slot(const std::string& event_slug, sys_seconds start, sys_seconds end,
                                       const actor& by) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto ev = barcamp_for_update(c, event_slug, by);
        if (start >= end || start < ev.event.start || end > ev.event.end) refuse(programme_refusal::slot_outside_event);
        if (count(c, "SELECT COUNT(*) FROM session_slots WHERE event_id = ?", ev.id) >= max_slots_per_barcamp)
            refuse(programme_refusal::programme_full);
        auto add = c.prepare("INSERT INTO session_slots (event_id, start_utc, end_utc) VALUES (?, ?, ?)");
        add->bind(1, ev.id);
        add->bind(2, to_db(start));
        add->bind(3, to_db(end));
        add->exec();
        const auto id = c.db().getLastInsertRowid();
        touch(c, ev.id, now);
        write_audit(c, now, by.name(), ev.id, "add_slot", std::to_string(id));
        return id;
    });
}

void programme_store::remove_slot(const std::string& event_slug, std::int64_t slot, const actor& by) {
    db_.write([&](connection& c, sys_seconds now) {
        remove_part(c, barcamp_for_update(c, event_slug, by), slot_part, slot, now, by);
    });
}

std::int64_t programme_store::propose_session(const std::string& token, const calendar::session_proposal& p) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto [who, barcamp] = participant_for_update(c, token, now);
        if (count(c, "SELECT COUNT(*) FROM sessions WHERE registration_id = ? AND withdrawn_at IS NULL", who.id) >=
            max_proposals_per_person)
            refuse(programme_refusal::too_many_proposals);
        return insert_session(c, barcamp.id, who.id, p, now);
    });
}

std::int64_t programme_store::add_session(const std::string& event_slug, const calendar::session_proposal& p,
                                          const actor& by) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto ev = barcamp_for_update(c, event_slug, by);
        const auto id = insert_session(c, ev.id, std::nullopt, p, now);
        write_audit(c, now, by.name(), ev.id, "add_session", std::to_string(id));
        return id;
    });
}

// Votes appear in no feed and have no trigger: the data version stays as it is.
void programme_store::vote(const std::string& token, std::int64_t session, bool in_favour) {
    db_.write([&](connection& c, sys_seconds now) {
        const auto [who, barcamp] = participant_for_update(c, token, now);
        (void)active_session(c, barcamp.id, session);
        auto change = c.prepare(in_favour ? "INSERT INTO session_votes (session_id, registration_id, created_at) "
                                            "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"
                                          : "DELETE FROM session_votes WHERE session_id = ?1 AND registration_id = ?2");
        change->bind(1, session);
        change->bind(2, who.id);
        if (in_favour) change->bind(3, to_db(now));
        change->exec();
    });
}

void programme_store::withdraw_session(const std::string& token, std::int64_t session) {
    db_.write([&](connection& c, sys_seconds now) {
        const auto [who, barcamp] = participant_for_update(c, token, now);
        if (active_session(c, barcamp.id, session).proposer != who.id) refuse(programme_refusal::not_yours);
        withdraw(c, barcamp.id, session, now);
    });
}

void programme_store::remove_session(const std::string& event_slug, std::int64_t session, const actor& by) {
    db_.write([&](connection& c, sys_seconds now) {
        const auto ev = barcamp_for_update(c, event_slug, by);
        (void)active_session(c, ev.id, session);
        withdraw(c, ev.id, session, now);
        write_audit(c, now, by.name(), ev.id, "remove_session", std::to_string(session));
    });
}

int programme_store::place_sessions(const std::string& event_slug, std::span<const placement> placements,
                                    const actor& by) {
    return db_.write([&](connection& c, sys_seconds now) {
        const auto ev = barcamp_for_update(c, event_slug, by);
        int changed = 0;
        for (const auto& p : placements) changed += place(c, ev.id, p, now) ? 1 : 0;
        if (changed > 0) {
            touch(c, ev.id, now);
            write_audit(c, now, by.name(), ev.id, "place_sessions", std::to_string(changed));
        }
        return changed;
    });
}

}  // namespace tp::store
