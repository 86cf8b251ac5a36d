#pragma once
// Steps of the registration rules that several store files take, each inside the caller's write transaction:
// reading registrations, moving them between states with their transition and message, counting seats and
// promoting the waiting list.
#include <optional>
#include <string>

#include "calendar/messages.hpp"
#include "calendar/registration.hpp"
#include "store/connection.hpp"

namespace tp::store {

using calendar::registration;
using calendar::registration_status;

// Emails compare without letter case (the part before @ too: no provider distinguishes it in practice).
[[nodiscard]] std::string email_key(std::string email);

// With the waiting-list position, counted in arrival order: as costly as the position is high, so only for what
// people look at (their page, the API). The unranked form leaves it out.
extern const std::string registration_columns;
extern const std::string unranked_columns;
// The same in two parts, for queries that add columns after the registration's 13.
extern const std::string unranked_fields;
extern const std::string registration_from;
[[nodiscard]] registration registration_from_row(SQLite::Statement& row);

// Where a registration is found by its link: bind token_digest(token), never the token (migration 14).
inline const std::string by_token = "r.token_digest = ?";

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
[[nodiscard]] int waiting_count(connection& c, std::int64_t event_id);
// A registration as just written; a newcomer to the waiting list is last in it.
[[nodiscard]] registration written(connection& c, std::int64_t id, std::int64_t event_id);
// Queues a message about the registration (a waiting-list message carries the place the person has now).
void queue(connection& c, calendar::message_kind kind, const registration& r, calendar::sys_seconds now);
// Moves a registration to `to`, writing its transition; `expires` is set for pending, cleared otherwise.
// Throws registration_conflict when the rules do not allow the move.
void move(connection& c, const registration& r, registration_status to, calendar::sys_seconds now,
          std::optional<calendar::sys_seconds> expires = std::nullopt);

struct seat_state {
    calendar::held_seats held;
    int waiting = 0;
};
[[nodiscard]] seat_state seats_of(connection& c, std::int64_t event_id, calendar::sys_seconds now);
// Gives free seats to the waiting list in arrival order; each promoted person is told.
void promote(connection& c, std::int64_t event_id, std::optional<int> capacity, calendar::sys_seconds now,
             std::chrono::seconds hold);

struct event_row {
    std::int64_t id;
    calendar::event event;
};
[[nodiscard]] std::optional<event_row> event_for_update(connection& c, const std::string& slug);
[[nodiscard]] std::optional<event_row> event_of_registration(connection& c, const registration& r);

}  // namespace tp::store
