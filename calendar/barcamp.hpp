#pragma once
// A barcamp's programme: the sessions participants propose and vote on, and where organisers place them in the
// grid of rooms and time slots (calendar/session_grid.hpp). Pure data and rules, no I/O.
#include <string>
#include <string_view>
#include <vector>

#include "calendar/session_grid.hpp"

namespace tp::calendar {

enum class session_kind { talk, workshop, discussion, hands_on, other };
inline constexpr session_kind all_session_kinds[] = {
    session_kind::talk, session_kind::workshop, session_kind::discussion, session_kind::hands_on, session_kind::other};
[[nodiscard]] std::string_view to_string(session_kind k);
// nullopt for anything but the exact lower-case names ("hands-on" for hands_on).
[[nodiscard]] std::optional<session_kind> parse_session_kind(std::string_view s);

struct barcamp_session {
    std::int64_t id = 0;
    std::string uid{};  // stable forever: the VEVENT's UID and the schedule's guid
    std::string title{};
    std::string description{};
    std::string host{};  // the name(s) shown; one host cannot be in two places (see host_key)
    session_kind kind = session_kind::talk;
    int votes = 0;                       // of participants whose registration is confirmed
    std::optional<std::int64_t> room{};  // unplaced: both empty
    std::optional<std::int64_t> slot{};
    int sequence = 0;  // raised each time a placed session moves
    sys_seconds created_at{};
    sys_seconds updated_at{};
    bool mine = false;     // proposed by the participant looking at it
    bool my_vote = false;  // that participant voted for it
};

struct programme {
    std::vector<grid_room> rooms;           // in the organisers' order
    std::vector<grid_slot> slots;           // by start
    std::vector<barcamp_session> sessions;  // by votes (most first), then id
};

// What a participant (or an organiser for them) proposes.
struct session_proposal {
    std::string title;
    std::string description;
    std::string host;
    session_kind kind = session_kind::talk;
};

// Why the store refused a change to a barcamp's programme; the pages and the API say it in the reader's language.
enum class programme_refusal {
    not_a_barcamp,       // the event is another kind
    not_confirmed,       // only participants with a confirmed registration propose and vote
    closed,              // the barcamp is over or cancelled
    unknown_session,     // no such (active) session at this barcamp
    not_yours,           // only the proposer withdraws a session
    too_many_proposals,  // max_proposals_per_person active proposals already
    programme_full,      // one of the limits below reached
    unknown_room,
    unknown_slot,
    duplicate_room,      // a room of that name exists
    slot_outside_event,  // a slot must lie within the barcamp's time
};
// Active proposals one participant may have at a time.
inline constexpr int max_proposals_per_person = 5;

// The key that tells whether two sessions have the same host: letters folded to lower case (ASCII and the German
// umlauts), runs of spaces as one, surrounding spaces dropped. "Anna  Schmidt " and "anna schmidt" are one person.
[[nodiscard]] std::string host_key(std::string_view host);

// The conflicts of a programme's placed sessions (see find_conflicts), hosts compared by host_key.
[[nodiscard]] std::vector<grid_conflict> conflicts_of(const programme& p);

[[nodiscard]] const grid_room* find_room(const programme& p, std::int64_t id);
[[nodiscard]] const grid_slot* find_slot(const programme& p, std::int64_t id);
// A session placed in a room and slot that both exist.
[[nodiscard]] bool is_scheduled(const programme& p, const barcamp_session& s);

}  // namespace tp::calendar
