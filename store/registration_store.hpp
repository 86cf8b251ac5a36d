#pragma once
// Registrations (registrations.cpp, attendees.cpp, personal_feeds.cpp): capacity, waiting list, double opt-in,
// cancellation, what organisers do at the desk, and the personal feeds of the people registered. Every change
// is written with its transition row and its outbox message in the same transaction.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/registration.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"
#include "store/refusal.hpp"

namespace tp::store {

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

// A registration asked to do what its state does not allow (e.g. confirm a cancelled one). `state` is the
// registration's state, which pages name in the reader's language; reason() is "registration_<state>".
class registration_conflict : public refusal {
public:
    registration_conflict(const std::string& message, calendar::registration_status current)
        : refusal(refusal_kind::conflict, "registration_" + std::string(calendar::to_string(current)), message),
          state(current) {}
    calendar::registration_status state;
};

using calendar::attendee;

// What an organiser may do to a registration by hand.
enum class organiser_action { confirm, reject, promote, check_in, undo_check_in };

class registration_store {
public:
    explicit registration_store(database& db) : db_(db) {}

    // Registers a person in one write: the capacity check happens inside the transaction, so no seat is given
    // twice. The same email (case-insensitive) for the same event makes no second row: outcome `repeated`, and
    // the link is queued to be sent again. Every transition and its message are written with it.
    [[nodiscard]] registration_result register_person(const std::string& event_slug, const registration_request& r,
                                                      std::chrono::seconds hold = calendar::default_hold);
    // The same without waiting: `done` gets the result on the writer thread when its batch has committed (see
    // database::write_later), so a rush needs no thread per waiting request.
    void register_person_later(const std::string& event_slug, registration_request r,
                               std::function<void(write_outcome<registration_result>)> done,
                               std::chrono::seconds hold = calendar::default_hold);
    [[nodiscard]] std::optional<calendar::registration> registration_by_token(const std::string& token);
    // The double opt-in: pending -> confirmed. An expired hold confirms only if a seat is still free.
    // nullopt for an unknown token; registration_conflict when the state does not allow it.
    std::optional<calendar::registration> confirm_registration(const std::string& token);
    // The person's new answers (already checked against the event's questions), written only while
    // calendar::answers_changeable holds, checked inside the write; false (nothing written) otherwise or for an
    // unknown token.
    bool change_answers(const std::string& token, const calendar::answers& answers);
    // The person stops the mails to everyone of the event (organisers' messages, change notices): RFC 8058's
    // one-click unsubscribe. False for an unknown token; stopping twice is fine.
    bool stop_everyone_mails(const std::string& token);
    // Frees the seat at once and promotes the first person waiting.
    std::optional<calendar::registration> cancel_registration(const std::string& token);
    // Expires pending registrations whose hold has passed and gives their seats to the waiting list.
    void expire_pending(std::chrono::seconds hold = calendar::default_hold);
    // Seats held now (confirmed, unexpired pending) and whether anyone waits (0 or 1), for an event's page.
    struct seat_summary {
        calendar::held_seats held;
        int waiting = 0;
    };
    [[nodiscard]] seat_summary seats_of_event(std::int64_t event_id);
    // Mails the link of the active registration of this address for the event again ("resend"); false when
    // there is none (callers answer the same either way).
    bool resend_link(const std::string& event_slug, const std::string& email);
    // The same for every event of a list that has a seat limit, in one read (events without one are left out).
    [[nodiscard]] std::map<std::int64_t, seat_summary> seats_of_events(std::span<const calendar::event> events);

    // Attendee lists (attendees.cpp): every registration of an event, waiting list in arrival order with
    // positions, then the others by name. nullopt for an unknown event.
    [[nodiscard]] std::optional<std::vector<attendee>> attendees(const std::string& event_slug);
    // Does `action` to registration `id` of the event (each change with its transition and message, a freed seat
    // going to the waiting list). nullopt when the event has no such registration; registration_conflict when
    // the state does not allow it (e.g. checking in someone cancelled).
    // `by` goes into the event's audit log with the action and the registration's number (not the person).
    // A rejection's `reason` (may be empty) goes into the person's mail.
    std::optional<attendee> act_on_registration(const std::string& event_slug, std::int64_t id, organiser_action action,
                                                const actor& by, const std::string& reason = {});

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

private:
    database& db_;
};

}  // namespace tp::store
