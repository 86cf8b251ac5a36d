#include "store/migrations.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <array>
#include <stdexcept>
#include <string>

#include "store/tokens.hpp"

namespace tp::store {
namespace {

// Append only: a released migration never changes, so old databases upgrade the same way everywhere. Each step
// carries the number comments and PRAGMA user_version cite it by (step N takes a database from version N-1 to N);
// the numbers are checked at compile time.
struct migration {
    int number;
    const char* sql;
};

constexpr std::array migrations{
    migration{1, R"sql(
CREATE TABLE networks (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  network_id INTEGER NOT NULL REFERENCES networks(id),
  kind TEXT NOT NULL CHECK (kind IN ('barcamp', 'exchange_round', 'webinar', 'meeting')),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  start_utc INTEGER NOT NULL,
  end_utc INTEGER NOT NULL,
  time_zone TEXT NOT NULL,
  all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  format TEXT NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
  venue TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  join_url TEXT,
  info_url TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  registration_opens INTEGER,
  registration_closes INTEGER,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
  sequence INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (end_utc >= start_utc)
);
CREATE INDEX events_by_start ON events(start_utc);
CREATE INDEX events_by_network ON events(network_id, start_utc);
-- A counter every write moves, so caches in any process can tell that the data changed.
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('data_version', 0);
CREATE TRIGGER networks_ins AFTER INSERT ON networks BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER networks_upd AFTER UPDATE ON networks BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER networks_del AFTER DELETE ON networks BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER events_ins AFTER INSERT ON events BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER events_upd AFTER UPDATE ON events BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER events_del AFTER DELETE ON events BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
)sql"},
    migration{2, R"sql(
CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  network_id INTEGER NOT NULL REFERENCES networks(id),
  kind TEXT NOT NULL CHECK (kind IN ('barcamp', 'exchange_round', 'webinar', 'meeting')),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  rrule TEXT NOT NULL,
  first_start_local INTEGER NOT NULL,
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds > 0),
  time_zone TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
  venue TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  join_url TEXT,
  info_url TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
  sequence INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE series_exdates (
  series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  original_start_local INTEGER NOT NULL,
  PRIMARY KEY (series_id, original_start_local)
) WITHOUT ROWID;
CREATE TABLE series_overrides (
  series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  original_start_local INTEGER NOT NULL,
  start_utc INTEGER,
  end_utc INTEGER,
  title TEXT,
  description TEXT,
  venue TEXT,
  address TEXT,
  status TEXT CHECK (status IS NULL OR status IN ('draft', 'published', 'cancelled')),
  sequence INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (series_id, original_start_local)
) WITHOUT ROWID;
-- Occurrences are events rows known by their series and original wall-time start.
ALTER TABLE events ADD COLUMN series_id INTEGER REFERENCES series(id);
ALTER TABLE events ADD COLUMN original_start_local INTEGER;
CREATE UNIQUE INDEX events_by_occurrence ON events(series_id, original_start_local) WHERE series_id IS NOT NULL;
CREATE TRIGGER series_ins AFTER INSERT ON series BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER series_upd AFTER UPDATE ON series BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER series_del AFTER DELETE ON series BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER exdates_ins AFTER INSERT ON series_exdates BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER exdates_del AFTER DELETE ON series_exdates BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER overrides_ins AFTER INSERT ON series_overrides BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER overrides_upd AFTER UPDATE ON series_overrides BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER overrides_del AFTER DELETE ON series_overrides BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
)sql"},
    migration{3, R"sql(
CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  token TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'de',
  status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'expired', 'rejected')),
  -- Arrival on the waiting list; positions are counted from it, so they have no gaps.
  waitlisted_at INTEGER,
  expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (event_id, email_key)
);
CREATE INDEX registrations_by_event_status ON registrations(event_id, status);
CREATE TABLE registration_transitions (
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX transitions_by_registration ON registration_transitions(registration_id);
CREATE TABLE idempotency_keys (
  event_id INTEGER NOT NULL REFERENCES events(id),
  key TEXT NOT NULL,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  repeated INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (event_id, key)
) WITHOUT ROWID;
-- Messages to send, written in the same transaction as the change that causes them (the email issue sends them).
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  registration_id INTEGER REFERENCES registrations(id),
  recipient TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed'))
);
CREATE INDEX outbox_due ON outbox(status, due_at);
)sql"},
    migration{4, R"sql(
-- One secret feed per person (by email): every event they hold a confirmed seat for.
CREATE TABLE personal_feeds (
  email_key TEXT PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX registrations_by_email ON registrations(email_key, status);
)sql"},
    migration{5, R"sql(
-- Per-event questions on the registration form (JSON list) and each registration's answers (JSON object).
ALTER TABLE events ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE registrations ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';
)sql"},
    migration{6, R"sql(
-- Waiting-list positions are counted in arrival order; this index answers that count from the index alone.
CREATE INDEX registrations_waiting ON registrations(event_id, status, waitlisted_at, id);
)sql"},
    migration{7, R"sql(
-- Email delivery: the outbox gains a lease (status 'sending' until lease_until), attempts, a stable Message-ID,
-- the last error, a key that makes a reminder unique, and a payload (an organiser's message). SQLite cannot
-- change a CHECK, so the table is rebuilt with its rows.
CREATE TABLE outbox_next (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  registration_id INTEGER REFERENCES registrations(id),
  recipient TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,
  sent_at INTEGER,
  last_error TEXT,
  message_id TEXT UNIQUE,
  dedupe_key TEXT,
  payload TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO outbox_next (id, kind, registration_id, recipient, language, created_at, due_at, status)
  SELECT id, kind, registration_id, recipient, language, created_at, due_at, status FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(status, due_at);
CREATE INDEX outbox_by_registration ON outbox(registration_id, kind);
CREATE UNIQUE INDEX outbox_once ON outbox(dedupe_key) WHERE dedupe_key IS NOT NULL;
-- Reminder offsets before the start, in seconds (7 days and 1 day unless the event says otherwise).
ALTER TABLE events ADD COLUMN reminders TEXT NOT NULL DEFAULT '[604800,86400]';
)sql"},
    migration{8, R"sql(
-- How many wait per event, kept by triggers: a newcomer's waiting-list position without counting the list.
CREATE TABLE waiting_counts (
  event_id INTEGER PRIMARY KEY REFERENCES events(id),
  waiting INTEGER NOT NULL CHECK (waiting >= 0)
);
INSERT INTO waiting_counts (event_id, waiting)
  SELECT event_id, COUNT(*) FROM registrations WHERE status = 'waitlisted' GROUP BY event_id;
CREATE TRIGGER waiting_ins AFTER INSERT ON registrations WHEN NEW.status = 'waitlisted' BEGIN
  INSERT INTO waiting_counts (event_id, waiting) VALUES (NEW.event_id, 1)
    ON CONFLICT (event_id) DO UPDATE SET waiting = waiting + 1;
END;
CREATE TRIGGER waiting_upd AFTER UPDATE OF status ON registrations
  WHEN (OLD.status = 'waitlisted') <> (NEW.status = 'waitlisted') BEGIN
  INSERT INTO waiting_counts (event_id, waiting) VALUES (NEW.event_id, 0) ON CONFLICT (event_id) DO NOTHING;
  UPDATE waiting_counts SET waiting = waiting + CASE WHEN NEW.status = 'waitlisted' THEN 1 ELSE -1 END
    WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER waiting_del AFTER DELETE ON registrations WHEN OLD.status = 'waitlisted' BEGIN
  UPDATE waiting_counts SET waiting = waiting - 1 WHERE event_id = OLD.event_id;
END;
)sql"},
    migration{9, R"sql(
-- A series' registration questions and reminder offsets, which its occurrences take over.
ALTER TABLE series ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE series ADD COLUMN reminders TEXT NOT NULL DEFAULT '[604800,86400]';
)sql"},
    migration{10, R"sql(
-- Organisers (admins manage everything, organisers their networks), their login sessions and API tokens; both
-- stored as digests only. Check-in at the door.
CREATE TABLE organisers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'organiser')),
  password_hash TEXT,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE organiser_networks (
  organiser_id INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
  network_id INTEGER NOT NULL REFERENCES networks(id),
  PRIMARY KEY (organiser_id, network_id)
) WITHOUT ROWID;
CREATE TABLE admin_sessions (
  digest TEXT PRIMARY KEY,
  organiser_id INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  digest TEXT NOT NULL UNIQUE,
  organiser_id INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
ALTER TABLE registrations ADD COLUMN checked_in_at INTEGER;
)sql"},
    migration{11, R"sql(
-- Who changed what and when; entries about people name no one (data protection).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  event_id INTEGER REFERENCES events(id),
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_event ON audit_log(event_id, at);
-- A registration whose person's data is gone: on request, or some time after its event.
ALTER TABLE registrations ADD COLUMN anonymised_at INTEGER;
)sql"},
    migration{12, R"sql(
-- One-time links for organisers: an invitation to set a first password, or a password reset. Stored as digests;
-- the outbox row carries the link only until its email is sent.
CREATE TABLE organiser_links (
  digest TEXT PRIMARY KEY,
  organiser_id INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) WITHOUT ROWID;
)sql"},
    migration{13, R"sql(
-- Barcamp programmes: rooms and time slots organisers set up, sessions participants propose (or organisers enter
-- on the day), one vote per participant and session, and where each session is placed.
CREATE TABLE session_rooms (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  UNIQUE (event_id, name)
);
CREATE TABLE session_slots (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  start_utc INTEGER NOT NULL,
  end_utc INTEGER NOT NULL,
  CHECK (end_utc > start_utc)
);
CREATE INDEX session_slots_by_event ON session_slots(event_id, start_utc);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  uid TEXT NOT NULL UNIQUE,
  registration_id INTEGER REFERENCES registrations(id),  -- who proposed it; NULL when organisers entered it
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  host TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('talk', 'workshop', 'discussion', 'hands-on', 'other')),
  room_id INTEGER REFERENCES session_rooms(id),
  slot_id INTEGER REFERENCES session_slots(id),
  sequence INTEGER NOT NULL DEFAULT 0,
  placed_before INTEGER NOT NULL DEFAULT 0 CHECK (placed_before IN (0, 1)),
  withdrawn_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((room_id IS NULL) = (slot_id IS NULL))
);
CREATE INDEX sessions_by_event ON sessions(event_id, withdrawn_at);
CREATE INDEX sessions_by_registration ON sessions(registration_id);
CREATE TABLE session_votes (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, registration_id)
) WITHOUT ROWID;
CREATE INDEX session_votes_by_registration ON session_votes(registration_id);
-- When an event's programme last changed (rooms and slots can be deleted, so no row's time would say).
CREATE TABLE programme_changes (event_id INTEGER PRIMARY KEY REFERENCES events(id), changed_at INTEGER NOT NULL);
CREATE TRIGGER programme_changes_ins AFTER INSERT ON programme_changes BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
CREATE TRIGGER programme_changes_upd AFTER UPDATE ON programme_changes BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
)sql"},
    migration{14, R"sql(
-- Registration links and personal feeds are found by their token's BLAKE2b digest, not by the token: a B-tree
-- search for the token takes longer the more of its first characters a guess gets right; what a guess's digest
-- shares with a stored digest says nothing about any token. The token stays, links in emails are built from it.
-- tp_token_digest is the C++ token_digest(), registered by migrate().
ALTER TABLE registrations ADD COLUMN token_digest TEXT;
UPDATE registrations SET token_digest = tp_token_digest(token);
CREATE UNIQUE INDEX registrations_by_token_digest ON registrations(token_digest);
ALTER TABLE personal_feeds ADD COLUMN token_digest TEXT;
UPDATE personal_feeds SET token_digest = tp_token_digest(token);
CREATE UNIQUE INDEX personal_feeds_by_token_digest ON personal_feeds(token_digest);
)sql"},
    migration{15, R"sql(
-- An Idempotency-Key is bound to its request: the digest of what was asked (name, email, organisation,
-- answers). The same key with another request is refused; keys count for 24 hours (expired ones are swept).
ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
)sql"},
    migration{16, R"sql(
-- A registration whose person stopped the mails to everyone of the event (organisers' messages, change notices)
-- through the List-Unsubscribe link (RFC 8058): when, NULL while they come.
ALTER TABLE registrations ADD COLUMN everyone_mails_stopped_at INTEGER;
)sql"},
    migration{17, R"sql(
-- The seats shown on public pages change with every registration, which data_version leaves out (feeds do not
-- show seats): cached pages are tagged with both counters.
INSERT INTO meta (key, value) VALUES ('seats_version', 0);
CREATE TRIGGER registrations_seats_ins AFTER INSERT ON registrations BEGIN UPDATE meta SET value = value + 1 WHERE key = 'seats_version'; END;
CREATE TRIGGER registrations_seats_upd AFTER UPDATE ON registrations BEGIN UPDATE meta SET value = value + 1 WHERE key = 'seats_version'; END;
CREATE TRIGGER registrations_seats_del AFTER DELETE ON registrations BEGIN UPDATE meta SET value = value + 1 WHERE key = 'seats_version'; END;
)sql"},
};

constexpr bool numbered_in_order() {
    for (std::size_t i = 0; i < migrations.size(); ++i)
        if (migrations[i].number != static_cast<int>(i) + 1) return false;
    return true;
}
static_assert(numbered_in_order(), "migrations are numbered 1, 2, 3, ... in order");

// tp_token_digest(text): the digest tokens are looked up by (migration 14); NULL stays NULL.
void sql_token_digest(sqlite3_context* context, int, sqlite3_value** args) {
    if (sqlite3_value_type(args[0]) == SQLITE_NULL) return sqlite3_result_null(context);
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    const auto digest = token_digest(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(args[0]))));
    sqlite3_result_text(context, digest.data(), static_cast<int>(digest.size()), SQLITE_TRANSIENT);
}

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations.size()); }

int migrate(SQLite::Database& db, int target) {
    if (target < 0 || target > latest_schema_version()) target = latest_schema_version();
    db.createFunction("tp_token_digest", 1, true, nullptr, sql_token_digest);
    for (;;) {
        // Read the version inside the write transaction: two processes starting at once apply each step once.
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > latest_schema_version())
            throw std::runtime_error("the database has schema version " + std::to_string(version) +
                                     ", newer than this Treffpunkt knows (" + std::to_string(latest_schema_version()) +
                                     "); use a newer Treffpunkt");
        if (version >= target) return version;
        db.exec(migrations[static_cast<std::size_t>(version)].sql);
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

}  // namespace tp::store
