#pragma once
// Barcamp programmes (barcamp.cpp): rooms, slots, proposals, votes and the grid. Every change throws
// programme_error when refused; nothing is written then. Organisers' changes go into the audit log.
#include <optional>
#include <span>
#include <string>

#include "calendar/barcamp.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"
#include "store/refusal.hpp"

namespace tp::store {

// Why the store refused a change to a barcamp's programme (calendar/barcamp.hpp; web/ says it in words).
using calendar::programme_refusal;
class programme_error : public refusal {
public:
    explicit programme_error(programme_refusal r);
    programme_refusal why;
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

class programme_store {
public:
    explicit programme_store(database& db) : db_(db) {}

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

private:
    database& db_;
};

}  // namespace tp::store
