// Organisers' accounts on the web: a password from an invitation or reset link, asking for a reset link, and
// admins inviting organisers. Each form carries the CSRF token; nothing tells whether an address has an account.
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/auth.hpp"
#include "server/csrf.hpp"
#include "web/account_pages.hpp"
#include "web/admin_strings.hpp"
#include "web/pages.hpp"
#include "web/registration_strings.hpp"

namespace tp::server {
namespace {

bool is_post(const request& req) { return req.method() == http::verb::post; }

}  // namespace

handled app::admin_password(const request& req, parsed& p) {
    const auto csrf = csrf_for(req);
    const auto& strings = web::admin_strings_for(p.ctx.language);
    const auto invalid = [&] {
        return page(p, "admin_login", http::status::not_found, web::error_page(p.ctx, 404, strings.invalid_link).str());
    };
    if (!is_post(req)) {
        const auto token = param(query_of(req), "token");
        if (!store_.link_valid(token)) return invalid();
        return admin_page(p, "admin_login", http::status::ok, web::password_page(p.ctx, token, csrf.value, "").str(),
                          csrf);
    }
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    const auto token = param(fields, "token"), password = param(fields, "password");
    const auto again = [&](const std::string& error) {
        return admin_page(p, "admin_login", http::status::unprocessable_entity,
                          web::password_page(p.ctx, token, csrf.value, error).str(), csrf);
    };
    if (password != param(fields, "again")) return again(std::string(strings.passwords_differ));
    const auto slot = take_login_slot();
    if (!slot) return logins_busy(p);
    try {
        const auto who = store_.set_password_by_link(token, password);
        if (!who) return invalid();
        auto done = see_other(web::href(p.ctx, "/admin"), "admin_login");
        set_session_cookie(done.res, store_.open_session(who->id), https(config_.base_url));
        return done;
    } catch (const store::account_error& ex) {
        return again(std::string(web::account_problem_text(ex.why, p.ctx.language)));
    }
}

handled app::admin_reset(const request& req, parsed& p) {
    const auto csrf = csrf_for(req);
    if (!is_post(req))
        return admin_page(p, "admin_login", http::status::ok, web::reset_page(p.ctx, csrf.value, false).str(), csrf);
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    store_.request_password_reset(param(fields, "email"));
    return admin_page(p, "admin_login", http::status::ok, web::reset_page(p.ctx, csrf.value, true).str(), csrf);
}

handled app::admin_invite(const request& req, parsed& p, const calendar::organiser& who) {
    if (who.role != calendar::role::admin)
        return page(p, "admin", http::status::forbidden, web::error_page(p.ctx, 403, "").str());
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    store::new_organiser invited{param(fields, "email"),
                                 param(fields, "name"),
                                 calendar::parse_role(param(fields, "role")).value_or(calendar::role::organiser),
                                 {},
                                 ""};
    for (const auto& [k, v] : fields)
        if (k == "network") invited.networks.push_back(v);
    try {
        (void)store_.invite_organiser(invited, store::actor::organiser(who));
    } catch (const store::account_error& ex) {
        return page(p, "admin", http::status::unprocessable_entity,
                    web::error_page(p.ctx, 422, web::account_problem_text(ex.why, p.ctx.language)).str());
    }
    return admin_page(p, "admin", http::status::ok, web::invited_page(p.ctx, invited.email).str());
}

}  // namespace tp::server
