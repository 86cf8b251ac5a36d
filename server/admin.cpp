// The organisers' pages under /admin: login and logout, their events, an event's attendee list with actions, and
// the check-in pages. What each needs (a session, an event of the organiser's networks) the route table says and the
// router checks; every change is a POST with the CSRF token.
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/door_code.hpp"
#include "server/auth.hpp"
#include "server/csrf.hpp"
#include "web/admin_home.hpp"
#include "web/admin_pages.hpp"
#include "web/admin_strings.hpp"
#include "web/confirm_steps.hpp"
#include "web/pages.hpp"
#include "web/registration_strings.hpp"
#include "web/validate.hpp"

namespace tp::server {
namespace {

web::attendee_filter filter_of(const web::query_params& q) {
    return {calendar::parse_registration_status(param(q, "status")), param(q, "q")};
}

// Where to go after an action: the check-in page with its search, or the attendee list. Only these two; the
// search is decoded and encoded again, so nothing the form sent reaches the Location header as it came.
std::string back_target(const calendar::event& e, std::string_view back) {
    const auto list = "/admin/events/" + e.slug;
    if (back != "checkin" && !back.starts_with("checkin?")) return list;
    const auto query = web::parse_query_string(back.substr(back.find('?') + 1)).value_or(web::query_params{});
    const auto search = param(query, "q");
    return list + "/checkin" + (search.empty() ? "" : "?q=" + web::percent_encode(search));
}

}  // namespace

handled app::admin_page(const parsed& p, std::string_view route, http::status status, std::string body,
                        const form_token& token) {
    auto result = form_page(p, route, status, std::move(body), token);
    result.res.set(http::field::cache_control, "no-store");  // attendee data stays out of caches
    return result;
}

handled app::admin_page(const parsed& p, std::string_view route, http::status status, std::string body) {
    return admin_page(p, route, status, std::move(body), form_token{});
}

handled app::admin_login(const request& req, parsed& p) {
    const auto csrf = csrf_for(req);
    web::login_form form{"", "", csrf.value};
    if (req.method() != http::verb::post)
        return admin_page(p, "admin_login", http::status::ok, web::login_page(p.ctx, form).str(), csrf);
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    form.email = param(fields, "email");
    const auto slot = take_login_slot();
    if (!slot) return logins_busy(p);
    const auto result = store_.check_login(form.email, param(fields, "password"));
    if (result.result == store::login_result::outcome::ok) {
        auto done = see_other(web::href(p.ctx, "/admin"), "admin_login");
        set_session_cookie(done.res, store_.open_session(result.who->id), https(config_.base_url));
        set_csrf_cookie(done.res, new_csrf_token(), https(config_.base_url));  // a fresh one for the new session
        return done;
    }
    const auto& strings = web::admin_strings_for(p.ctx.language);
    const bool wait = result.result == store::login_result::outcome::wait;
    form.error = std::string(wait ? strings.wait_login : strings.wrong_login);
    auto again = admin_page(p, "admin_login", wait ? http::status::too_many_requests : http::status::unauthorized,
                            web::login_page(p.ctx, form).str(), csrf);
    if (wait) again.res.set(http::field::retry_after, std::to_string(result.retry_after.count()));
    return again;
}

handled app::admin_logout(const request& req, parsed& p) {
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    store_.close_session(std::string(cookie_value(req, session_cookie)));
    auto done = see_other(web::href(p.ctx, "/admin/login"), "admin");
    set_session_cookie(done.res, "", https(config_.base_url));
    return done;
}

handled app::admin_forget(const request& req, parsed& p) {
    if (p.who->role != calendar::role::admin) return forbidden(p);
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    const auto email = param(fields, "email");
    if (!confirmed(fields)) {
        const auto found = store_.footprint_of(email);
        const auto csrf = csrf_for(req);
        const auto step = web::forget_step(p.ctx, email, {found.registrations, found.active}, fields);
        return admin_page(p, "admin", http::status::ok, web::confirm_page(p.ctx, step, csrf.value).str(), csrf);
    }
    const auto count = store_.forget_person(email, store::actor::organiser(*p.who));
    return admin_page(p, "admin", http::status::ok, web::forgotten_page(p.ctx, count).str());
}

handled app::admin_series_edit(const request& req, parsed& p) {
    const auto one = store_.series_by_slug(p.arg(0));
    if (!one) return not_found(p);
    if (!calendar::may_manage(*p.who, one->network_slug)) return forbidden(p);
    return admin_series_form(req, p, *p.who, one);
}

handled app::admin_audit(parsed& p) {
    std::vector<web::audit_line> lines;
    for (auto& a : store_.audit_log(p.event->slug)) lines.push_back({a.at, a.actor, a.action, a.detail});
    std::map<std::int64_t, std::string> names;
    for (const auto& a : store_.attendees(p.event->slug).value_or(std::vector<calendar::attendee>{}))
        names.emplace(a.registration.id, a.registration.name);
    return admin_page(p, "admin", http::status::ok, web::audit_page(p.ctx, *p.event, lines, names).str());
}

handled app::admin_attendees(const request& req, parsed& p) {
    const auto& e = *p.event;
    const auto csrf = csrf_for(req);
    const auto f = filter_of(query_of(req));
    const auto shown = web::only_matching(store_.attendees(e.slug).value_or(std::vector<calendar::attendee>{}), f);
    return admin_page(p, "admin", http::status::ok, web::attendee_page(p.ctx, e, shown, f, csrf.value).str(), csrf);
}

// A scanned check-in code: the registration it names, if the code is right and belongs to this event.
handled app::admin_door(const request& req, parsed& p) {
    const auto& e = *p.event;
    const auto id = parse_id(p.arg(1));
    std::optional<calendar::attendee> found;
    for (auto& a : store_.attendees(e.slug).value_or(std::vector<calendar::attendee>{}))
        if (id && a.registration.id == *id && door_code_matches(a.registration.token, p.arg(2))) found = std::move(a);
    const auto csrf = csrf_for(req);
    const auto status = found ? http::status::ok : http::status::not_found;
    return admin_page(p, "admin", status, web::door_page(p.ctx, e, found ? &*found : nullptr, csrf.value).str(), csrf);
}

handled app::admin_checkin(const request& req, parsed& p, bool printable) {
    const auto& e = *p.event;
    auto all = store_.attendees(e.slug).value_or(std::vector<calendar::attendee>{});
    if (printable)
        return admin_page(p, "admin", http::status::ok,
                          web::checkin_list_page(p.ctx, e, web::door_list_of(all, "")).str());
    const auto csrf = csrf_for(req);
    const auto search = param(query_of(req), "q");
    const auto list = web::door_list_of(std::move(all), search);
    return admin_page(p, "admin", http::status::ok, web::checkin_page(p.ctx, e, list, search, csrf.value).str(), csrf);
}

handled app::admin_act(const request& req, parsed& p) {
    const auto& e = *p.event;
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    const auto action = action_named(p.arg(2));
    const auto id = parse_id(p.arg(1));
    if (!action || !id) return not_found(p);
    if (*action == store::organiser_action::reject && !confirmed(fields)) return confirm_rejection(req, p, *id, fields);
    // A state that does not allow the action is a registration_conflict: 409 from app::handle, naming the state.
    const auto reason = param(fields, "reason");
    if (!web::check_text(reason, 1000).empty())
        return bad_request(p, web::admin_strings_for(p.ctx.language).text_invalid);
    if (!store_.act_on_registration(e.slug, *id, *action, store::actor::organiser(*p.who), reason)) return not_found(p);
    return see_other(web::href(p.ctx, back_target(e, param(fields, "back"))), "admin");
}

// Who is rejected and what follows, asked once more; the answer posts to the same action with a reason.
handled app::confirm_rejection(const request& req, parsed& p, std::int64_t id, const web::query_params& fields) {
    const auto& e = *p.event;
    const auto all = store_.attendees(e.slug).value_or(std::vector<calendar::attendee>{});
    const auto one = std::find_if(all.begin(), all.end(), [&](const auto& a) { return a.registration.id == id; });
    if (one == all.end()) return not_found(p);
    const auto csrf = csrf_for(req);
    const auto action = "/admin/events/" + e.slug + "/registrations/" + std::to_string(id) + "/reject";
    const auto step = web::reject_step(p.ctx, e, one->registration, action, fields);
    return admin_page(p, "admin", http::status::ok, web::confirm_page(p.ctx, step, csrf.value).str(), csrf);
}

handled app::admin_message(const request& req, parsed& p) {
    const auto& e = *p.event;
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    const auto subject = param(fields, "subject"), body = param(fields, "body");
    const auto& strings = web::admin_strings_for(p.ctx.language);
    if (subject.empty()) return bad_request(p, strings.subject_empty);
    if (body.empty()) return bad_request(p, strings.text_empty);
    if (!web::check_line(subject, 200).empty() || !web::check_text(body).empty())
        return bad_request(p, strings.text_invalid);
    if (!confirmed(fields)) {
        const auto seats = store_.seats_of_event(e.id);
        const auto csrf = csrf_for(req);
        const auto step = web::message_step(p.ctx, e, {seats.held.confirmed, seats.held.pending}, subject, fields);
        return admin_page(p, "admin", http::status::ok, web::confirm_page(p.ctx, step, csrf.value).str(), csrf);
    }
    (void)store_.message_attendees(e.slug, subject, body, store::actor::organiser(*p.who));
    return see_other(web::href(p.ctx, "/admin/events/" + e.slug + "/audit"), "admin");
}

handled app::admin_home(parsed& p) {
    const auto& who = *p.who;
    std::vector<web::managed_event> managed;
    for (auto& e : store_.events({.include_drafts = true}))
        if (calendar::may_manage(who, e.network_slug)) managed.push_back({std::move(e)});
    for (auto& m : managed) {
        const auto seats = store_.seats_of_event(m.event.id);
        m.confirmed = seats.held.confirmed;
        m.pending = seats.held.pending;
        m.waiting = seats.waiting;
    }
    std::vector<web::network_choice> networks;
    for (const auto& n : store_.networks()) networks.push_back({n.slug, n.name});
    std::vector<web::managed_series> series;
    for (const auto& one : store_.series_list({.include_drafts = true}))
        if (calendar::may_manage(who, one.network_slug)) series.push_back({one.slug, one.title});
    const form_token token{new_csrf_token(), true};  // each visit of the home page starts a fresh token
    return admin_page(p, "admin", http::status::ok,
                      web::admin_home_page(p.ctx, who, managed, series, token.value, networks).str(), token);
}

}  // namespace tp::server
