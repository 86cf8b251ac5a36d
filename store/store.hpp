#pragma once
// The only place that knows SQL. Reads take a pooled connection each; writes are serialised through one writer.
// Throws SQLite::Exception (or std::runtime_error) on real failures; "not found" is std::nullopt. Thread-safe.
#include <array>
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "calendar/accounts.hpp"
#include "calendar/barcamp.hpp"
#include "calendar/registration.hpp"
#include "calendar/series.hpp"
#include "calendar/types.hpp"
#include "store/actor.hpp"
#include "store/connection.hpp"
#include "store/group_commit.hpp"

namespace tp::store {

using calendar::sys_seconds;

struct event_filter {
    std::optional<std::string> network_slug{};  // only this network
    std::vector<calendar::event_kind> kinds{};  // empty: every kind
    bool include_drafts = false;
    std::optional<sys_seconds> ending_after{};  // only events that end after this instant
    bool include_occurrences = true;            // occurrences of series (feeds write series as such)
    std::optional<std::string> series_slug{};   // only the occurrences of this series
};

// How far ahead occurrences of series exist as events (each with its own page and, later, registrations).
inline constexpr auto materialization_horizon = std::chrono::days{548};  // 18 months

// A problem with one entry of an import; the store is unchanged when this is thrown.
class import_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A write refused for one field: an address (slug) another row holds, or a network an existing row cannot
// leave. `other` is the colliding event's or series' slug, or the network the row keeps.
class field_refusal : public import_error {
public:
    enum class kind { slug_taken, date_taken, network_fixed };
    field_refusal(kind reason, std::string field_name, std::string holder, const std::string& message)
        : import_error(message), why(reason), field(std::move(field_name)), other(std::move(holder)) {}
    kind why;
    std::string field;
    std::string other;
};

struct registration_request {
    std::string name;
    std::string email;
    std::string organisation;
    std::string language = "de";
    std::optional<std::string> idempotency_key;  // the same key and request for the same event: the first answer
    calendar::answers answers{};                 // to the event's questions, already checked
    std::optional<actor> registered_by{};  // an organiser registering someone (checked, audited); nullopt: the person
};

// How long an Idempotency-Key is remembered.
inline constexpr std::chrono::hours idempotency_lifetime{24};

// key_reused: the Idempotency-Key was used within its lifetime for another request (nothing is written).
enum class registration_outcome { created, repeated, unknown_event, window_closed, key_reused };

struct registration_result {
    registration_outcome outcome = registration_outcome::unknown_event;
    std::optional<calendar::registration> registration;  // created or repeated
    calendar::registration_window window = calendar::registration_window::open;
};

// A registration asked to do what its state does not allow (e.g. confirm a cancelled one).
// `state` is the registration's state, which pages name in the reader's language.
class registration_conflict : public std::runtime_error {
public:
    registration_conflict(const std::string& message, calendar::registration_status current)
        : std::runtime_error(message), state(current) {}
    calendar::registration_status state;
};

struct outbox_message {
    std::int64_t id = 0;
    // organiser_invite and organiser_reset go to organisers (registration_id empty, the link in the payload);
    // confirm_request, resend, waitlisted, promoted, confirmed, cancelled, rejected, reminder, event_changed,
    // event_cancelled, organiser_message
    std::string kind;
    std::optional<std::int64_t> registration_id;
    std::string recipient;
    std::string language;
    sys_seconds created_at{};
    sys_seconds due_at{};
    std::string status;  // queued, sending, sent, failed, skipped
    int attempts = 0;
    std::string message_id;  // set when first claimed, kept for every later attempt
    std::string last_error;
    std::string payload;  // JSON: {"offset": seconds} for reminders, {"subject", "body"} for organiser messages
};

// Messages by delivery state, for /metrics: retrying are queued ones that failed before.
struct outbox_counts {
    std::int64_t queued = 0, sending = 0, retrying = 0, sent = 0, failed = 0, skipped = 0;
};

// What became of a claimed message: sent, queued again (retry at `due`), failed or skipped, with the reason.
struct outbox_outcome {
    std::int64_t id = 0;
    std::string status;
    std::optional<sys_seconds> due{};
    std::string error{};
};

// What a message is about, read when it is sent (so it shows the event as it is then).
struct mail_subject {
    calendar::registration registration;
    calendar::event event;
    calendar::network network;
    std::optional<sys_seconds> confirmed_at;
};

// An account the store cannot create: the email is taken, a network is unknown, the password too short.
class account_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct new_organiser {
    std::string email;
    std::string name;
    calendar::role role = calendar::role::organiser;
    std::vector<std::string> networks{};
    std::string password;  // at least min_password_length characters
};
inline constexpr std::size_t min_password_length = 10;

struct login_result {
    enum class outcome { ok, wrong, wait } result = outcome::wrong;
    std::optional<calendar::organiser> who;  // ok
    std::chrono::seconds retry_after{0};     // wait: the growing delay after failed logins
};

inline constexpr std::chrono::hours session_lifetime{12};

using calendar::attendee;

// Why the store refused a change to a barcamp's programme (calendar/barcamp.hpp; web/ says it in words).
using calendar::programme_refusal;
class programme_error : public std::runtime_error {
public:
    explicit programme_error(programme_refusal r);
    programme_refusal reason;
};
using calendar::max_proposals_per_person;
inline constexpr int max_sessions_per_barcamp = 500;
inline constexpr int max_rooms_per_barcamp = 50;
inline constexpr int max_slots_per_barcamp = 200;

// Where an organiser puts a session: both set, or both empty to take it out of the grid.
struct placement {
    std::int64_t session = 0;
    std::optional<std::int64_t> room{};
    std::optional<std::int64_t> slot{};
};

// What an organiser may do to a registration by hand.
enum class organiser_action { confirm, reject, promote, check_in, undo_check_in };

class store {
public:
    using clock_fn = std::function<sys_seconds()>;
    // Opens (creating if needed) and migrates the database at `path`.
    explicit store(const std::string& path, clock_fn clock = {});

    [[nodiscard]] std::vector<calendar::network> networks();
    [[nodiscard]] std::optional<calendar::network> network_by_slug(const std::string& slug);
    // Events matching the filter, by start time (then slug).
    [[nodiscard]] std::vector<calendar::event> events(const event_filter& filter);
    [[nodiscard]] std::optional<calendar::event> event_by_slug(const std::string& slug);
    [[nodiscard]] bool empty();

    // The newest change among the networks and events (drafts included) a filter covers: only moves forward.
    [[nodiscard]] sys_seconds last_change(const event_filter& filter);

    // Inserts or updates networks and events by slug, all in one transaction. An unchanged entry keeps its
    // timestamps; a changed start, end, zone or status raises the event's SEQUENCE. Throws import_error naming
    // the entry when one is invalid (e.g. unknown network); nothing is written then.
    void upsert(std::span<const calendar::network> networks, std::span<const calendar::event> events,
                std::span<const calendar::series> series = {});

    // Series with their skipped dates and overrides; the filter's network, kinds and drafts apply.
    [[nodiscard]] std::vector<calendar::series> series_list(const event_filter& filter);
    [[nodiscard]] std::optional<calendar::series> series_by_slug(const std::string& slug);
    // Makes every series' occurrences exist up to now + materialization_horizon; run periodically. A date whose
    // address another event holds is skipped, never claimed: returns those addresses for the log.
    std::vector<std::string> extend_series();
    // Changes a series from `from` (a wall time in its zone) on: the series `slug` ends just before `from` (UNTIL),
    // keeping its earlier occurrences, skipped dates and overrides untouched; `next` (its own slug) takes over.
    // One transaction; throws import_error for an unknown series or when `next` starts before `from`.
    void split_series(const std::string& slug, date::local_seconds from, const calendar::series& next);

    // Registers a person in one write transaction: the capacity check happens inside it, so no seat is given
    // twice. The same email (case-insensitive) for the same event makes no second row: outcome `repeated`, and
    // the link is queued to be sent again. Every transition and its message are written with it.
    [[nodiscard]] registration_result register_person(const std::string& event_slug, const registration_request& r,
                                                      std::chrono::seconds hold = calendar::default_hold);
    [[nodiscard]] std::optional<calendar::registration> registration_by_token(const std::string& token);
    // The double opt-in: pending -> confirmed. An expired hold confirms only if a seat is still free.
    // nullopt for an unknown token; registration_conflict when the state does not allow it.
    std::optional<calendar::registration> confirm_registration(const std::string& token);
    // Frees the seat at once and promotes the first person waiting.
    std::optional<calendar::registration> cancel_registration(const std::string& token);
    // Expires pending registrations whose hold has passed and gives their seats to the waiting list.
    void expire_pending(std::chrono::seconds hold = calendar::default_hold);
    [[nodiscard]] std::vector<outbox_message> outbox();

    // Outbox delivery (store/outbox.cpp). Claims up to `limit` due messages, queued or with an expired lease (a
    // sender that died), for `lease`: they are 'sending' until marked. Message-IDs end in @domain.
    [[nodiscard]] std::vector<outbox_message> claim_outbox(std::chrono::seconds lease, int limit,
                                                           const std::string& domain);
    // Records the outcomes of claimed messages in one transaction (one fsync for a whole batch). A message no
    // longer held (its lease ran out and another sender took it) is left alone.
    void finish_outbox(std::span<const outbox_outcome> outcomes);
    void outbox_sent(std::int64_t id) { finish_outbox(std::array{outbox_outcome{id, "sent"}}); }
    void outbox_retry(std::int64_t id, sys_seconds due, const std::string& error) {
        finish_outbox(std::array{outbox_outcome{id, "queued", due, error}});
    }
    void outbox_failed(std::int64_t id, const std::string& error) {
        finish_outbox(std::array{outbox_outcome{id, "failed", std::nullopt, error}});
    }
    void outbox_skipped(std::int64_t id, const std::string& reason) {
        finish_outbox(std::array{outbox_outcome{id, "skipped", std::nullopt, reason}});
    }
    [[nodiscard]] outbox_counts count_outbox();
    // The earliest due_at of a queued message (nullopt: nothing queued), so the sender knows how long to sleep.
    [[nodiscard]] std::optional<sys_seconds> next_due();
    [[nodiscard]] std::optional<mail_subject> subject_of(const outbox_message& m);
    // Queues the reminders that are due now for confirmed registrations of published events, each once per
    // (registration, offset); reminders that will never go out are recorded as skipped. Returns how many queued.
    int schedule_reminders();
    // A message from the organisers to every confirmed and pending registration of an event; returns how many.
    // nullopt for an unknown event.
    std::optional<int> message_attendees(const std::string& event_slug, const std::string& subject,
                                         const std::string& body, const actor& by);
    // Seats held now (confirmed, unexpired pending) and whether anyone waits (0 or 1), for an event's page.
    struct seat_summary {
        calendar::held_seats held;
        int waiting = 0;
    };
    [[nodiscard]] seat_summary seats_of_event(std::int64_t event_id);

    // The personal feed of the person behind a registration (by email), created on first use.
    [[nodiscard]] std::string personal_feed_token(const calendar::registration& r);
    // A new token for that person's feed; the old address stops working.
    std::string reset_personal_feed(const calendar::registration& r);
    // The events of a personal feed (those its person holds a confirmed seat for) and when it last changed (an
    // event, one of the person's registrations, or the token). nullopt for an unknown token.
    struct personal_feed {
        std::vector<calendar::event> events;
        sys_seconds changed{};
    };
    [[nodiscard]] std::optional<personal_feed> personal_feed_events(const std::string& token);

    // Accounts (store/accounts.cpp). Throws account_error.
    calendar::organiser create_organiser(const new_organiser& o);
    // Checks a password. The attempt is counted before the slow hash, atomically, so parallel wrong guesses each
    // count towards the account's growing delay; a right password clears the count. Unknown emails cost the same.
    [[nodiscard]] login_result check_login(const std::string& email, const std::string& password);
    // A new session for an organiser: the token for the cookie (only its digest is stored), valid 12 hours.
    [[nodiscard]] std::string open_session(std::int64_t organiser_id);
    [[nodiscard]] std::optional<calendar::organiser> session_organiser(const std::string& token);
    void close_session(const std::string& token);
    // A new API token for the organiser with this email (throws account_error for an unknown one).
    [[nodiscard]] std::string create_api_token(const std::string& email, const std::string& label);
    [[nodiscard]] std::optional<calendar::organiser> api_token_organiser(const std::string& token);
    // Revokes every API token of an organiser with this label (all labels when empty); returns how many.
    int revoke_api_tokens(const std::string& email, const std::string& label);

    // Invitations and password resets (store/organiser_links.cpp). An invitation creates the account without a
    // password and queues an email with a link valid 72 hours; a reset queues one valid 2 hours, and nothing for
    // an unknown email (the caller says the same either way). Throws account_error like create_organiser.
    calendar::organiser invite_organiser(const new_organiser& o, const actor& by);
    void request_password_reset(const std::string& email);
    // Sets the password of the link's organiser, uses the link up, voids the account's other open links and
    // ends all its sessions; nullopt for an unknown, used or expired link. Throws account_error for a short password.
    std::optional<calendar::organiser> set_password_by_link(const std::string& token, const std::string& password);
    [[nodiscard]] bool link_valid(const std::string& token);

    // Attendee lists (store/attendees.cpp): every registration of an event, waiting list in arrival order with
    // positions, then the others by name. nullopt for an unknown event.
    [[nodiscard]] std::optional<std::vector<attendee>> attendees(const std::string& event_slug);
    // Does `action` to registration `id` of the event (each change with its transition and message, a freed seat
    // going to the waiting list). nullopt when the event has no such registration; registration_conflict when
    // the state does not allow it (e.g. checking in someone cancelled).
    // `by` goes into the event's audit log with the action and the registration's number (not the person).
    std::optional<attendee> act_on_registration(const std::string& event_slug, std::int64_t id, organiser_action action,
                                                const actor& by);

    // Data protection (store/privacy.cpp). Removes a person's data from every registration of this email (name,
    // email, organisation, answers; their messages and personal feed go too); active registrations are cancelled
    // first, so seats go to the waiting list. The audit log records how many, not whose. Returns how many.
    int forget_person(const std::string& email, const actor& by);
    // The same for every registration of events that ended before `ended_before`; returns how many.
    int anonymise_past_events(sys_seconds ended_before);
    struct audit_entry {
        sys_seconds at{};
        std::string actor, event_slug, action, detail;
    };
    [[nodiscard]] std::vector<audit_entry> audit_log(std::optional<std::string> event_slug = std::nullopt);

    // Creates or changes one event for an organiser (store/event_admin.cpp), with an audit entry naming the
    // fields that changed, in one transaction. Registrants hear of changes to time, place or status as with an
    // import. Throws import_error for an unknown network or (changing) an unknown event, field_refusal when
    // creating takes a slug another event holds or a change moves the event to another network, and
    // forbidden_error when `by` may not manage the event's network (old or new).
    enum class save_mode { create, change };
    void save_event(const calendar::event& e, const actor& by, save_mode mode);
    // The same for a series with its skipped and moved dates; its occurrences follow (and their registrants hear
    // of changes). A date whose address another event holds is a field_refusal (field "slug").
    void save_series(const calendar::series& s, const actor& by, save_mode mode);

    // Barcamp programmes (store/barcamp.cpp). Every change throws programme_error when refused; nothing is
    // written then. Organisers' changes go into the audit log.
    // The rooms, slots and active sessions; `viewer` (a registration's token) fills in mine and my_vote.
    // nullopt for an unknown event.
    [[nodiscard]] std::optional<calendar::programme> programme(const std::string& event_slug,
                                                               const std::string& viewer = "");
    // When the programme (rooms, slots, sessions, placements) last changed; the event's creation if never.
    [[nodiscard]] std::optional<sys_seconds> programme_changed(const std::string& event_slug);
    std::int64_t add_room(const std::string& event_slug, const std::string& name, int capacity, const actor& by);
    // Sessions placed in the room go back to the unplaced ones.
    void remove_room(const std::string& event_slug, std::int64_t room, const actor& by);
    std::int64_t add_slot(const std::string& event_slug, sys_seconds start, sys_seconds end, const actor& by);
    void remove_slot(const std::string& event_slug, std::int64_t slot, const actor& by);
    // A proposal by the participant behind `token` (confirmed, barcamp not over); returns the session's id.
    std::int64_t propose_session(const std::string& token, const calendar::session_proposal& p);
    // A session organisers enter (e.g. from the board on the day).
    std::int64_t add_session(const std::string& event_slug, const calendar::session_proposal& p, const actor& by);
    // Gives (or takes back) the participant's one vote for a session; repeating either changes nothing.
    void vote(const std::string& token, std::int64_t session, bool in_favour);
    // The proposer takes their session back; it leaves the grid and the feeds.
    void withdraw_session(const std::string& token, std::int64_t session);
    void remove_session(const std::string& event_slug, std::int64_t session, const actor& by);
    // Places sessions in one transaction; a placed session that moves gets a higher SEQUENCE. Returns how many
    // changed. The caller shows the conflicts (calendar::conflicts_of) afterwards: they do not stop a placement.
    int place_sessions(const std::string& event_slug, std::span<const placement> placements, const actor& by);

    // A number that changes whenever the data changes, here or in another process (see refresh_data_version).
    [[nodiscard]] std::uint64_t data_version() const { return data_version_.load(std::memory_order_acquire); }
    // Reads the database's change counter; call periodically to notice writes by other processes.
    void refresh_data_version();

private:
    // Runs fn(writer, now) in one IMMEDIATE write transaction, commits, and moves the data version; returns what
    // fn returns (fn may return nothing). An exception from fn rolls everything back.
    template <class Fn>
    auto in_write_transaction(Fn&& fn) {
        std::unique_lock lock(write_mutex_);
        SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
        if constexpr (std::is_void_v<decltype(fn(*writer_, clock_()))>) {
            fn(*writer_, clock_());
            tx.commit();
            lock.unlock();
            refresh_data_version();
        } else {
            auto result = fn(*writer_, clock_());
            tx.commit();
            lock.unlock();
            refresh_data_version();
            return result;
        }
    }

    connection_pool pool_;
    std::mutex write_mutex_;
    std::unique_ptr<connection> writer_;
    std::unique_ptr<group_commit> registrations_;  // batches registrations into shared commits
    clock_fn clock_;
    std::atomic<std::uint64_t> data_version_{0};
    std::int64_t db_counter_ = -1;  // guarded by write_mutex_
};

}  // namespace tp::store
