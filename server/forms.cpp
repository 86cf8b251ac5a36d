// The registration form and the pages behind a registration's link (/r/{token}): HTML, CSRF-protected POSTs,
// GET never changes anything.
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/csrf.hpp"
#include "server/door_code.hpp"
#include "server/inbox_cookie.hpp"
#include "web/confirm_steps.hpp"
#include "web/pages.hpp"
#include "web/registration_form.hpp"
#include "web/registration_strings.hpp"

namespace tp::server {

bool https(std::string_view base_url) { return base_url.substr(0, 8) == "https://"; }

handled see_other(std::string location, std::string_view route) {
    auto res = text_response(http::status::see_other, "See " + location);
    res.set(http::field::location, location);
    return {std::move(res), route};
}

app::form_token app::csrf_for(const request& req) const {
    const auto token = csrf_token_of(req);
    if (token.empty()) return {new_csrf_token(), true};
    return {std::string(token), false};
}

handled app::form_page(const parsed& p, std::string_view route, http::status status, std::string body,
                       const form_token& token) {
    auto result = page(p, route, status, std::move(body));
    if (token.fresh) set_csrf_cookie(result.res, token.value, https(config_.base_url));
    return result;
}

namespace {

// Seats left and whether new registrations wait, by the same rule the store admits with (calendar::admit).
web::seat_info seat_info_of(const calendar::event& e, const store::registration_store::seat_summary& seats) {
    web::seat_info info;
    info.left = std::max(0, e.capacity.value_or(0) - seats.held.confirmed - seats.held.pending);
    info.waitlist = calendar::admit(e.capacity, seats.held, seats.waiting) == calendar::registration_status::waitlisted;
    return info;
}

}  // namespace

web::seat_map app::seats_of(std::span<const calendar::event> events) {
    const auto counted = store_.seats_of_events(events);
    web::seat_map out;
    for (const auto& e : events)
        if (const auto found = counted.find(e.id); found != counted.end())
            out.emplace(e.id, seat_info_of(e, found->second));
    return out;
}

handled app::event_with_form(const request& req, parsed& p, const calendar::event& e, web::form_state form,
                             http::status status) {
    const auto n = store_.network_by_slug(e.network_slug);
    if (!n) return not_found(p);
    const auto token = csrf_for(req);
    form.csrf = token.value;
    return form_page(p, "event", status, event_html(p, e, *n, form), token);
}

std::string app::event_html(const parsed& p, const calendar::event& e, const calendar::network& n,
                            const web::form_state& form) {
    const auto window = calendar::registration_window_of(e, p.ctx.now);
    const auto info = e.capacity ? seat_info_of(e, store_.seats_of_event(e.id)) : web::seat_info{};
    const auto section = web::registration_section(p.ctx, e, window, info, form);
    return web::event_page(p.ctx, e, n, section, info).str();
}

void app::register_form(const request& req, parsed& p, const std::string& slug, later_reply out) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft) return out.reply(not_found(p));
    auto submitted = web::read_registration_form(req.body());
    web::form_state form{submitted.values, submitted.consent, submitted.answers, {}, {}};
    if (!csrf_matches(req, submitted.csrf)) {
        form.errors["csrf"] = "";
        return out.reply(event_with_form(req, p, *e, form, http::status::forbidden));
    }
    if (submitted.honeypot_filled)  // a robot: it learns nothing, nothing is stored
        return out.reply(to_inbox_page(
            p, *e, {web::registration_reply::pending, submitted.values.email, p.ctx.now + calendar::default_hold}));
    for (const auto& [field, problem] : web::check_registration(form.values, form.consent))
        form.errors[field] = web::describe(problem, p.ctx.language);
    const auto answers = web::check_answers(e->questions, submitted.answers);
    for (const auto& [key, problem] : answers.problems)
        form.errors["q." + key] = web::describe(problem, p.ctx.language);
    if (!form.errors.empty()) return out.reply(event_with_form(req, p, *e, form, http::status::unprocessable_entity));
    store::registration_request asked{
        form.values.name, form.values.email, form.values.organisation, std::string(web::code(p.ctx.language)),
        std::nullopt,     answers.answers};
    // The answer is made on this request's own thread once the registration's batch has committed.
    store_.register_person_later(
        slug, std::move(asked),
        completion<store::registration_result>(
            req, p, std::move(out),
            [this, e = *e, form](const request& r, parsed& q, const store::registration_result& result) {
                return registered_page(r, q, e, form, result);
            }));
}

handled app::registered_page(const request& req, parsed& p, const calendar::event& e, const web::form_state& form,
                             const store::registration_result& result) {
    if (result.outcome == store::registration_outcome::window_closed)
        return event_with_form(req, p, e, form, http::status::conflict);
    if (result.outcome == store::registration_outcome::unknown_event) return not_found(p);
    web::inbox_note note{result.outcome == store::registration_outcome::repeated ? web::registration_reply::repeated
                         : result.registration->status == calendar::registration_status::waitlisted
                             ? web::registration_reply::waitlisted
                             : web::registration_reply::pending,
                         form.values.email, result.registration->expires_at};
    return to_inbox_page(p, e, note);
}

// POST-redirect-GET: the note travels in a cookie (server/inbox_cookie.hpp), a reload of the page sends nothing.
handled app::to_inbox_page(const parsed& p, const calendar::event& e, const web::inbox_note& note) {
    auto result = see_other(web::href(p.ctx, registered_path(e.slug)), "register");
    set_inbox_cookie(result.res, note, e.slug, https(config_.base_url));
    return result;
}

handled app::registered(const request& req, parsed& p, const std::string& slug) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft) return not_found(p);
    const auto note = inbox_note_of(req).value_or(web::inbox_note{});
    auto result = page(p, "registered", http::status::ok, web::check_inbox_page(p.ctx, *e, note).str());
    result.res.set(http::field::cache_control, "no-store");  // names the visitor's address
    return result;
}

handled app::manage(const request& req, parsed& p, const std::string& token, std::string_view step) {
    auto result = manage_step(req, p, token, step);
    result.res.set(http::field::cache_control, "no-store");  // the person's own data: never kept by a cache
    return result;
}

handled app::manage_step(const request& req, parsed& p, const std::string& token, std::string_view step) {
    const auto r = store_.registration_by_token(token);
    const auto e = r ? store_.event_by_slug(r->event_slug) : std::nullopt;
    if (!r || !e) {
        return page(p, "manage", http::status::not_found,
                    web::error_page(p.ctx, 404, web::registration_strings_for(p.ctx.language).unknown_link).str());
    }
    const bool post = req.method() == http::verb::post;
    if (step.empty()) {
        const bool confirmed = r->status == calendar::registration_status::confirmed;
        web::manage_extras extras;
        if (confirmed) extras.personal_feed = "/feeds/" + store_.personal_feed_token(*r) + ".ics";
        if (confirmed && p.ctx.now < e->end) extras.door_url = config_.base_url + door_path(*r);
        extras.answers_saved = param(query_of(req), "saved") == "answers";
        return page(p, "manage", http::status::ok, web::manage_page(p.ctx, *r, *e, extras).str());
    }
    if (step == "feed" && !post) {  // the old address stops working: asked once more
        const auto csrf = csrf_for(req);
        return form_page(p, "manage", http::status::ok,
                         web::confirm_page(p.ctx, web::feed_reset_step(p.ctx, *r), csrf.value).str(), csrf);
    }
    if (!post) {
        const auto csrf = csrf_for(req);
        return form_page(p, "manage", http::status::ok,
                         web::confirm_step_page(p.ctx, *r, *e, csrf.value, step == "cancel").str(), csrf);
    }
    try {  // the router has checked the form's CSRF token
        if (step == "feed")
            (void)store_.reset_personal_feed(*r);
        else
            (void)(step == "cancel" ? store_.cancel_registration(token) : store_.confirm_registration(token));
    } catch (const store::registration_conflict&) {
        // The manage page says what state the registration is in.
    }
    return see_other(web::href(p.ctx, "/r/" + token), "manage");
}

handled app::manage_answers(const request& req, parsed& p, const std::string& token) {
    const auto r = store_.registration_by_token(token);
    const auto e = r ? store_.event_by_slug(r->event_slug) : std::nullopt;
    if (!r || !e)
        return page(p, "manage_answers", http::status::not_found,
                    web::error_page(p.ctx, 404, web::registration_strings_for(p.ctx.language).unknown_link).str());
    // Closed, cancelled or nothing asked: the registration's page says where things stand.
    if (!calendar::answers_changeable(*e, *r, p.ctx.now))
        return see_other(web::href(p.ctx, "/r/" + token), "manage_answers");
    const auto csrf = csrf_for(req);
    web::form_state form{{}, false, r->answers_given, {}, csrf.value};
    auto status = http::status::ok;
    if (req.method() == http::verb::post) {  // the router has checked the form's CSRF token
        form.answers = web::read_registration_form(req.body()).answers;
        const auto checked = web::check_answers(e->questions, form.answers);
        for (const auto& [key, problem] : checked.problems)
            form.errors["q." + key] = web::describe(problem, p.ctx.language);
        if (form.errors.empty()) {
            const bool saved = store_.change_answers(token, checked.answers);
            return see_other(web::href(p.ctx, "/r/" + token, saved ? "saved=answers" : ""), "manage_answers");
        }
        status = http::status::unprocessable_entity;
    }
    auto result = form_page(p, "manage_answers", status, web::answers_page(p.ctx, *r, *e, form).str(), csrf);
    result.res.set(http::field::cache_control, "no-store");
    return result;
}

handled app::manage_unsubscribe(const request& req, parsed& p, const std::string& token) {
    const auto r = store_.registration_by_token(token);
    const auto e = r ? store_.event_by_slug(r->event_slug) : std::nullopt;
    if (!r || !e)
        return page(p, "manage_unsubscribe", http::status::not_found,
                    web::error_page(p.ctx, 404, web::registration_strings_for(p.ctx.language).unknown_link).str());
    const auto csrf = csrf_for(req);
    bool done = false;
    if (req.method() == http::verb::post) {
        const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
        const bool one_click = param(fields, "List-Unsubscribe") == "One-Click";
        if (!one_click && !csrf_matches(req, param(fields, "csrf")))
            return bad_request(p, web::registration_strings_for(p.ctx.language).csrf_error);
        done = store_.stop_everyone_mails(token);
    }
    auto result = form_page(p, "manage_unsubscribe", http::status::ok,
                            web::unsubscribe_page(p.ctx, *r, *e, csrf.value, done).str(), csrf);
    result.res.set(http::field::cache_control, "no-store");
    return result;
}

}  // namespace tp::server
