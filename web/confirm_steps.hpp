#pragma once
// What each destructive action will do, in the visitor's language: the confirm_step (web/confirm_page.hpp) for
// rejecting a registration, messaging everyone, forgetting a person, removing a session, room or slot, and
// resetting a personal feed link. `fields` are the original POST's fields, sent again on "Ja".
#include "calendar/barcamp.hpp"
#include "calendar/registration.hpp"
#include "calendar/types.hpp"
#include "web/confirm_page.hpp"
#include "web/query_string.hpp"

namespace tp::web {

// A registration of `e` about to be rejected: who is mailed, whether an invitation is withdrawn and a seat freed.
[[nodiscard]] confirm_step reject_step(const page_context& ctx, const calendar::event& e,
                                       const calendar::registration& r, std::string action, query_params fields);

struct message_audience {
    int confirmed = 0;
    int pending = 0;
};
// A message to everyone of `e` with a confirmed or pending registration.
[[nodiscard]] confirm_step message_step(const page_context& ctx, const calendar::event& e, message_audience who,
                                        std::string_view subject, query_params fields);

struct person_footprint {
    int registrations = 0;  // with this address, any state
    int active = 0;         // pending, confirmed or waiting
};
[[nodiscard]] confirm_step forget_step(const page_context& ctx, std::string_view email, person_footprint found,
                                       query_params fields);

// In a barcamp's programme: one session, or a room or slot with the sessions placed in it.
[[nodiscard]] confirm_step remove_session_step(const page_context& ctx, const calendar::event& e,
                                               const calendar::barcamp_session& s, query_params fields);
[[nodiscard]] confirm_step remove_part_step(const page_context& ctx, const calendar::event& e,
                                            const calendar::programme& p, std::string_view part, std::int64_t id,
                                            query_params fields);

// A person's own feed link replaced by a new one.
[[nodiscard]] confirm_step feed_reset_step(const page_context& ctx, const calendar::registration& r);

}  // namespace tp::web
