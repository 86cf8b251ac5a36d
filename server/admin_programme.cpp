// The organisers' programme page of a barcamp (/admin/events/{slug}/sessions): rooms, time slots, sessions
// entered by hand, and the grid editor (placements and removals).
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/auth.hpp"
#include "web/programme_refusals.hpp"
#include "server/csrf.hpp"
#include "web/admin_strings.hpp"
#include "web/confirm_steps.hpp"
#include "web/failure_texts.hpp"
#include "web/barcamp_pages.hpp"
#include "web/pages.hpp"
#include "web/registration_strings.hpp"
#include "web/session_form.hpp"

namespace tp::server {
namespace {

std::optional<std::int64_t> optional_id(const web::form_fields& f, const std::string& key, bool& bad) {
    const auto it = f.find(key);
    if (it == f.end() || it->second.empty()) return std::nullopt;
    const auto id = parse_id(it->second);
    if (!id) bad = true;
    return id;
}

// room.{id} and slot.{id} for every session of the programme; nullopt when a number is malformed.
std::optional<std::vector<store::placement>> placements_of(const web::form_fields& f, const calendar::programme& p) {
    std::vector<store::placement> out;
    bool bad = false;
    for (const auto& s : p.sessions) {
        const auto id = std::to_string(s.id);
        if (!f.contains("room." + id) && !f.contains("slot." + id)) continue;  // not on the form the organiser saw
        out.push_back({s.id, optional_id(f, "room." + id, bad), optional_id(f, "slot." + id, bad)});
    }
    if (bad) return std::nullopt;
    return out;
}

// What a form of the page asks for; a form shown again when its input has problems (nothing is written then).
struct programme_change {
    store::store& s;
    const calendar::event& e;
    const store::actor& actor;
    web::lang l;

    web::form_again room(web::form_fields& f) const {
        auto checked = web::check_room(f, l);
        if (checked.value) (void)s.add_room(e.slug, checked.value->name, checked.value->capacity, actor);
        return {checked.value ? "" : "room", f, checked.problems};
    }
    web::form_again slot(web::form_fields& f) const {
        auto checked = web::check_slot(f, e.time_zone, l);
        if (checked.value) (void)s.add_slot(e.slug, checked.value->start, checked.value->end, actor);
        return {checked.value ? "" : "slot", f, checked.problems};
    }
    web::form_again session(web::form_fields& f) const {
        auto checked = web::check_proposal(f, l);
        if (checked.value) (void)s.add_session(e.slug, *checked.value, actor);
        return {checked.value ? "" : "session", f, checked.problems};
    }
    web::form_again place(web::form_fields& f) const {
        if (const auto remove = parse_id(f["remove"])) {
            s.remove_session(e.slug, *remove, actor);
            return {};
        }
        const auto placements = placements_of(f, s.programme(e.slug).value_or(calendar::programme{}));
        if (!placements) return {"place", f, {{"", std::string(web::admin_strings_for(l).invalid_choice)}}};
        (void)s.place_sessions(e.slug, *placements, actor);
        return {};
    }
};

// A removal not yet confirmed: the page that says what it takes with it (nullopt when the form is no removal).
std::optional<web::confirm_step> removal_step(const web::page_context& ctx, const calendar::event& e,
                                              const calendar::programme& programme, web::form_fields& f) {
    const auto& action = f["action"];
    if (f["confirmed"] == "yes") return std::nullopt;
    if (action == "place") {
        const auto id = parse_id(f["remove"]);
        if (!id) return std::nullopt;
        for (const auto& s : programme.sessions)
            if (s.id == *id) return web::remove_session_step(ctx, e, s, {{"action", "place"}, {"remove", f["remove"]}});
        return std::nullopt;  // unknown: the store says so
    }
    if (action != "remove_room" && action != "remove_slot") return std::nullopt;
    const auto id = parse_id(f["id"]);
    const auto known = [&](const auto& parts) {
        return std::any_of(parts.begin(), parts.end(), [&](const auto& part) { return part.id == *id; });
    };
    if (!id || !(action == "remove_room" ? known(programme.rooms) : known(programme.slots))) return std::nullopt;
    return web::remove_part_step(ctx, e, programme, action, *id, {{"action", action}, {"id", f["id"]}});
}

}  // namespace

handled app::admin_programme(const request& req, parsed& p) {
    const auto& e = *p.event;
    if (e.kind != calendar::event_kind::barcamp) return not_found(p);
    const auto l = p.ctx.language;
    web::form_again again;
    auto status = http::status::ok;
    if (req.method() == http::verb::post) {
        auto fields = web::fields_of_body(req.body());
        const auto actor = store::actor::organiser(*p.who);
        const programme_change change{store_, e, actor, l};
        const auto action = fields["action"];
        const auto programme = store_.programme(e.slug).value_or(calendar::programme{});
        if (const auto step = removal_step(p.ctx, e, programme, fields)) {
            const auto csrf = csrf_for(req);
            return admin_page(p, "admin", http::status::ok, web::confirm_page(p.ctx, *step, csrf.value).str(), csrf);
        }
        try {
            if (action == "room")
                again = change.room(fields);
            else if (action == "slot")
                again = change.slot(fields);
            else if (action == "session")
                again = change.session(fields);
            else if (action == "place")
                again = change.place(fields);
            else if (action == "remove_room" || action == "remove_slot") {
                const auto id = parse_id(fields["id"]);
                if (!id) return bad_request(p, web::failure_text(web::failure::malformed, l));
                if (action == "remove_room")
                    store_.remove_room(e.slug, *id, change.actor);
                else
                    store_.remove_slot(e.slug, *id, change.actor);
            } else {
                return bad_request(p, web::failure_text(web::failure::malformed, l));  // not a form of ours
            }
        } catch (const store::programme_error& ex) {
            again = {action == "remove_room" || action == "remove_slot" ? "place" : action,
                     fields,
                     {{"", web::refusal_text(ex.why, l)}}};
            status = http::status::conflict;
        }
        if (again.form.empty()) return see_other(web::href(p.ctx, "/admin/events/" + e.slug + "/sessions"), "admin");
        if (status == http::status::ok) status = http::status::unprocessable_entity;
    }
    const auto csrf = csrf_for(req);
    const auto programme = store_.programme(e.slug).value_or(calendar::programme{});
    return admin_page(p, "admin", status, web::programme_admin_page(p.ctx, e, programme, again, csrf.value).str(),
                      csrf);
}

}  // namespace tp::server
