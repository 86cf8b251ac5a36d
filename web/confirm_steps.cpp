#include "web/confirm_steps.hpp"

#include <algorithm>

#include "web/confirm_strings.hpp"
#include "web/dates.hpp"
#include "web/fill.hpp"

namespace tp::web {
namespace {

using rs = calendar::registration_status;

std::string programme_path(const calendar::event& e) { return "/admin/events/" + e.slug + "/sessions"; }

int placed_in(const calendar::programme& p, std::string_view part, std::int64_t id) {
    return static_cast<int>(std::count_if(p.sessions.begin(), p.sessions.end(), [&](const auto& s) {
        return part == "remove_room" ? s.room == id : s.slot == id;
    }));
}

std::string part_title(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                       std::string_view part, std::int64_t id) {
    const auto& s = confirm_strings_for(ctx.language);
    if (part == "remove_room") {
        for (const auto& room : p.rooms)
            if (room.id == id) return fill(s.remove_room_title, {{"name", room.name}});
    }
    for (const auto& slot : p.slots)
        if (slot.id == id)
            return fill(s.remove_slot_title, {{"when", format_instant(slot.start, e.time_zone, ctx.language)}});
    return fill(s.remove_slot_title, {{"when", "#" + std::to_string(id)}});
}

}  // namespace

confirm_step reject_step(const page_context& ctx, const calendar::event& e, const calendar::registration& r,
                         std::string action, query_params fields) {
    const auto& s = confirm_strings_for(ctx.language);
    confirm_step step{fill(s.reject_title, {{"name", r.name}}),
                      {},
                      std::move(action),
                      std::move(fields),
                      std::string(s.reject_button),
                      "/admin/events/" + e.slug,
                      std::string(s.reject_reason)};
    step.effects.push_back(fill(s.reject_mail, {{"name", r.name}, {"email", r.email}}));
    if (r.status == rs::confirmed) step.effects.emplace_back(s.reject_invitation);
    if (r.status == rs::confirmed || r.status == rs::pending) step.effects.emplace_back(s.reject_seat);
    return step;
}

confirm_step message_step(const page_context& ctx, const calendar::event& e, message_audience who,
                          std::string_view subject, query_params fields) {
    const auto& s = confirm_strings_for(ctx.language);
    const int all = who.confirmed + who.pending;
    confirm_step step{std::string(s.message_title),
                      {},
                      "/admin/events/" + e.slug + "/message",
                      std::move(fields),
                      std::string(s.message_button),
                      "/admin/events/" + e.slug,
                      {}};
    step.effects.push_back(fill(s.message_subject, {{"subject", std::string(subject)}}));
    step.effects.push_back(all == 0 ? std::string(s.message_nobody)
                                    : fill(s.message_count, {{"n", std::to_string(all)},
                                                             {"confirmed", std::to_string(who.confirmed)},
                                                             {"pending", std::to_string(who.pending)}}));
    if (all > 0) step.effects.emplace_back(s.no_undo);
    return step;
}

confirm_step forget_step(const page_context& ctx, std::string_view email, person_footprint found, query_params fields) {
    const auto& s = confirm_strings_for(ctx.language);
    confirm_step step{fill(s.forget_title, {{"email", std::string(email)}}),
                      {},
                      "/admin/forget",
                      std::move(fields),
                      std::string(s.forget_button),
                      "/admin",
                      {}};
    if (found.registrations == 0) {
        step.effects.emplace_back(s.forget_none);
        return step;
    }
    step.effects.push_back(fill(s.forget_count, {{"n", std::to_string(found.registrations)}}));
    if (found.active > 0) step.effects.push_back(fill(s.forget_active, {{"n", std::to_string(found.active)}}));
    step.effects.emplace_back(s.nobody_mailed);
    step.effects.emplace_back(s.no_undo);
    return step;
}

confirm_step remove_session_step(const page_context& ctx, const calendar::event& e,
                                 const calendar::barcamp_session& session, query_params fields) {
    const auto& s = confirm_strings_for(ctx.language);
    return {fill(s.remove_session_title, {{"title", session.title}}),
            {fill(s.remove_session_effect, {{"votes", std::to_string(session.votes)}}), std::string(s.nobody_mailed)},
            programme_path(e),
            std::move(fields),
            std::string(s.remove_button),
            programme_path(e),
            {}};
}

confirm_step remove_part_step(const page_context& ctx, const calendar::event& e, const calendar::programme& p,
                              std::string_view part, std::int64_t id, query_params fields) {
    const auto& s = confirm_strings_for(ctx.language);
    return {part_title(ctx, e, p, part, id),
            {fill(s.remove_part_effect, {{"n", std::to_string(placed_in(p, part, id))}}), std::string(s.nobody_mailed)},
            programme_path(e),
            std::move(fields),
            std::string(s.remove_button),
            programme_path(e),
            {}};
}

confirm_step feed_reset_step(const page_context& ctx, const calendar::registration& r) {
    const auto& s = confirm_strings_for(ctx.language);
    return {std::string(s.feed_title),
            {std::string(s.feed_effect), std::string(s.feed_then)},
            "/r/" + r.token + "/feed",
            {},
            std::string(s.feed_button),
            "/r/" + r.token,
            {}};
}

}  // namespace tp::web
