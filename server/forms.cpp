// The registration form and the pages behind a registration's link (/r/{token}): HTML, CSRF-protected POSTs,
// GET never changes anything.
#include "server/app.hpp"
#include "server/csrf.hpp"
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

// The CSRF token of this visitor: the cookie's, or a new one that the response then sets.
std::string app::csrf_for(const request& req, bool& fresh) const {
    auto token = csrf_token_of(req);
    fresh = token.empty();
    return fresh ? new_csrf_token() : token;
}

handled app::event_with_form(const request& req, parsed& p, const calendar::event& e, web::form_state form,
                             http::status status) {
    const auto n = store_.network_by_slug(e.network_slug);
    if (!n) return not_found(p);
    bool fresh = false;
    form.csrf = csrf_for(req, fresh);
    const auto window = calendar::registration_window_of(e, p.ctx.now);
    const auto seats = store_.seats_of_event(e.id);
    web::seat_info info;
    if (e.capacity) {
        info.left = std::max(0, *e.capacity - seats.held.confirmed - seats.held.pending);
        info.waitlist = calendar::admit(e.capacity, seats.held, seats.waiting) == calendar::registration_status::waitlisted;
    }
    const auto section = web::registration_section(p.ctx, e, window, info, form);
    auto result = page(p, "event", status, web::event_page(p.ctx, e, *n, section).str());
    if (fresh) set_csrf_cookie(result.res, form.csrf, https(config_.base_url));
    return result;
}

handled app::register_form(const request& req, parsed& p, const std::string& slug) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft) return not_found(p);
    auto submitted = web::read_registration_form(req.body());
    web::form_state form{submitted.values, submitted.consent, submitted.answers, {}, {}};
    if (!csrf_matches(req, submitted.csrf)) {
        form.errors["csrf"] = "";
        return event_with_form(req, p, *e, form, http::status::forbidden);
    }
    if (submitted.honeypot_filled)  // a robot: it learns nothing, nothing is stored
        return page(p, "event", http::status::ok,
                    web::check_inbox_page(p.ctx, *e, web::registration_reply::pending).str());
    for (const auto& [field, problem] : web::check_registration(form.values, form.consent))
        form.errors[field] = web::describe(problem, p.ctx.language);
    const auto answers = web::check_answers(e->questions, submitted.answers);
    for (const auto& [key, problem] : answers.problems) form.errors["q." + key] = web::describe(problem, p.ctx.language);
    if (!form.errors.empty()) return event_with_form(req, p, *e, form, http::status::unprocessable_entity);
    const auto result = store_.register_person(slug, {form.values.name, form.values.email, form.values.organisation,
                                                      std::string(web::code(p.ctx.language)), std::nullopt,
                                                      answers.answers});
    if (result.outcome == store::registration_outcome::window_closed)
        return event_with_form(req, p, *e, form, http::status::conflict);
    if (result.outcome == store::registration_outcome::unknown_event) return not_found(p);
    const auto reply = result.outcome == store::registration_outcome::repeated ? web::registration_reply::repeated
                       : result.registration->status == calendar::registration_status::waitlisted
                           ? web::registration_reply::waitlisted
                           : web::registration_reply::pending;
    return page(p, "event", http::status::ok, web::check_inbox_page(p.ctx, *e, reply).str());
}

handled app::manage(const request& req, parsed& p, const std::string& token, std::string_view step) {
    const auto r = store_.registration_by_token(token);
    const auto e = r ? store_.event_by_slug(r->event_slug) : std::nullopt;
    if (!r || !e) {
        return page(p, "manage", http::status::not_found,
                    web::error_page(p.ctx, 404, web::registration_strings_for(p.ctx.language).unknown_link).str());
    }
    const bool post = req.method() == http::verb::post;
    if (step.empty()) {
        bool fresh = false;
        const auto csrf = csrf_for(req, fresh);
        const bool confirmed = r->status == calendar::registration_status::confirmed;
        const auto feed = confirmed ? "/feeds/" + store_.personal_feed_token(*r) + ".ics" : std::string{};
        auto result = page(p, "manage", http::status::ok, web::manage_page(p.ctx, *r, *e, feed, csrf).str());
        if (fresh) set_csrf_cookie(result.res, csrf, https(config_.base_url));
        return result;
    }
    if (step == "feed" && !post) return see_other(web::href(p.ctx, "/r/" + token), "manage");
    if (!post) {
        bool fresh = false;
        const auto csrf = csrf_for(req, fresh);
        auto result = page(p, "manage", http::status::ok,
                           web::confirm_step_page(p.ctx, *r, *e, csrf, step == "cancel").str());
        if (fresh) set_csrf_cookie(result.res, csrf, https(config_.base_url));
        return result;
    }
    const auto submitted = web::read_registration_form(req.body());
    if (!csrf_matches(req, submitted.csrf)) return bad_request(p, web::registration_strings_for(p.ctx.language).csrf_error);
    try {
        if (step == "feed") (void)store_.reset_personal_feed(*r);
        else (void)(step == "cancel" ? store_.cancel_registration(token) : store_.confirm_registration(token));
    } catch (const store::registration_conflict&) {
        // The manage page says what state the registration is in.
    }
    return see_other(web::href(p.ctx, "/r/" + token), "manage");
}

handled app::forms(const request& req, parsed& p) {
    const auto& s = p.segments;
    const bool get = req.method() == http::verb::get || req.method() == http::verb::head;
    const bool post = req.method() == http::verb::post;
    const auto only = [](const char* allow) { return handled{method_not_allowed(allow), "method_not_allowed"}; };
    if (s.size() == 3 && s[0] == "events" && s[2] == "register")
        return post ? register_form(req, p, s[1]) : only("POST");
    if (s.size() == 1 && s[0] == "datenschutz")
        return get ? page(p, "privacy", http::status::ok, web::privacy_page(p.ctx, config_.privacy_notice).str()) : only("GET, HEAD");
    auto personal = [&]() -> handled {  // behind a registration's link: the person's own data
        if (s.size() == 2) return get ? manage(req, p, s[1], "") : only("GET, HEAD");
        if (s[2] == "sessions") return get || post ? participant_sessions(req, p, s[1]) : only("GET, HEAD, POST");
        if (get || post) return manage(req, p, s[1], s[2]);
        return only("GET, HEAD, POST");
    }();
    personal.res.set(http::field::cache_control, "no-store");  // never kept by a browser or a shared cache
    return personal;
}

}  // namespace tp::server
