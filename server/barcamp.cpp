// A barcamp's public plan (/events/{slug}/sessions, its .ics and schedule.json) and the participants' page to
// propose and vote (/r/{token}/sessions): GET shows, POST changes with the CSRF token, then 303 back.
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "web/failure_texts.hpp"
#include "web/programme_refusals.hpp"
#include "server/csrf.hpp"
#include "web/barcamp_pages.hpp"
#include "web/pages.hpp"
#include "web/registration_strings.hpp"
#include "web/session_form.hpp"
#include "web/validate.hpp"

namespace tp::server {
namespace {

bool is_barcamp(const calendar::event& e) { return e.kind == calendar::event_kind::barcamp; }

// The change a participant's POST asks for; returns the fragment to go back to ("" for the top).
std::string apply_vote(store::store& s, const std::string& token, const std::string& action, std::int64_t session) {
    if (action == "withdraw")
        s.withdraw_session(token, session);
    else
        s.vote(token, session, action == "vote");
    return action == "withdraw" ? "" : "#session-" + std::to_string(session);
}

}  // namespace

handled app::plan(const request& req, parsed& p, const std::string& slug, std::string_view file) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft || !is_barcamp(*e)) return not_found(p);
    if (file == "sessions.ics" || file == "schedule.json") return sessions_feed(req, p, *e, file);
    if (file != "sessions") return not_found(p);
    return cached_form_page(req, p, "plan", page_key(p.ctx), [&](const std::string& placeholder) {
        const auto current = store_.event_by_slug(slug).value_or(*e);  // as of this build
        const auto programme = store_.programme(slug).value_or(calendar::programme{});
        return web::plan_page(p.ctx, current, programme, web::plan_form{placeholder, "", ""}).str();
    });
}

handled app::plan_with_form(const request& req, parsed& p, const calendar::event& e, web::plan_form form) {
    const auto programme = store_.programme(e.slug).value_or(calendar::programme{});
    const auto token = csrf_for(req);
    form.csrf = token.value;
    return form_page(p, "plan", form.resend == "invalid" ? http::status::unprocessable_entity : http::status::ok,
                     web::plan_page(p.ctx, e, programme, form).str(), token);
}

// "Link erneut senden" on the public plan: the same answer whether or not the address is registered.
handled app::resend_link(const request& req, parsed& p, const std::string& slug) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft || !is_barcamp(*e)) return not_found(p);
    auto fields = web::fields_of_body(req.body());
    const auto email = fields["email"];
    if (!web::check_email(email).empty()) return plan_with_form(req, p, *e, {"", "invalid", email});
    (void)store_.resend_link(slug, email);
    return plan_with_form(req, p, *e, {"", "sent", ""});
}

handled app::participant_sessions(const request& req, parsed& p, const std::string& token) {
    const auto r = store_.registration_by_token(token);
    const auto e = r ? store_.event_by_slug(r->event_slug) : std::nullopt;
    if (!r || !e || !is_barcamp(*e))
        return page(p, "sessions", http::status::not_found,
                    web::error_page(p.ctx, 404, web::registration_strings_for(p.ctx.language).unknown_link).str());
    const auto l = p.ctx.language;
    web::form_again again;
    auto status = http::status::ok;
    if (req.method() == http::verb::post) {
        auto fields = web::fields_of_body(req.body());
        const auto action = fields["action"];
        const auto back = web::href(p.ctx, "/r/" + token + "/sessions");
        try {
            if (action == "propose") {
                auto checked = web::check_proposal(fields, l);
                if (checked.value) {
                    (void)store_.propose_session(token, *checked.value);
                    return see_other(back, "sessions");
                }
                again = {"propose", fields, checked.problems};
                status = http::status::unprocessable_entity;
            } else {
                const auto id = parse_id(fields["session"]);
                if (!id || (action != "vote" && action != "unvote" && action != "withdraw"))
                    return bad_request(p, web::failure_text(web::failure::malformed, l));  // not a form of ours
                return see_other(back + apply_vote(store_, token, action, *id), "sessions");
            }
        } catch (const store::programme_error& ex) {
            again = {action == "propose" ? "propose" : "notice", fields, {{"", web::refusal_text(ex.why, l)}}};
            status = http::status::conflict;
        }
    }
    const auto csrf = csrf_for(req);
    const auto programme = store_.programme(e->slug, token).value_or(calendar::programme{});
    auto result = form_page(p, "sessions", status,
                            web::participant_sessions_page(p.ctx, *r, *e, programme, again, csrf.value).str(), csrf);
    result.res.set(http::field::cache_control, "no-store");  // a personal page
    return result;
}

}  // namespace tp::server
