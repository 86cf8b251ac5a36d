// The router: finds the route for a path in the table, answers 404 and 405 (with Allow) itself, and checks what
// the route needs (a session, an API token, an event the organiser manages) before its handler runs.
#include "server/app.hpp"
#include "server/auth.hpp"
#include "server/csrf.hpp"
#include "web/api_messages.hpp"
#include "web/pages.hpp"
#include "web/query_string.hpp"
#include "web/registration_strings.hpp"

namespace tp::server {
namespace {

// The csrf field of a form body (application/x-www-form-urlencoded).
std::string submitted_csrf(const request& req) {
    const auto fields = web::parse_query_string(req.body()).value_or(web::query_params{});
    for (const auto& [key, value] : fields)
        if (key == "csrf") return value;
    return {};
}

bool is_api(const request_context& p) { return !p.segments.empty() && p.segments[0] == "api"; }

handled unauthorized(web::lang l) {
    auto denied = json_error(http::status::unauthorized, web::api_text(web::api_message::send_token, l), "");
    denied.res.set(http::field::www_authenticate, "Bearer");
    return denied;
}

}  // namespace

std::variant<handled, const route*> app::resolve(const request& req, parsed& p) {
    static const route_index index(routes());
    auto found = index.find(p.segments);
    if (!found) {
        if (is_api(p))
            return json_error(http::status::not_found, web::api_text(web::api_message::no_such_route, p.ctx.language),
                              "not_found");
        return not_found(p);
    }
    const auto& entry = *found->entry;
    if (!allows(entry.methods, req.method()))
        return handled{method_not_allowed(allow_header(entry.methods)), "method_not_allowed"};
    p.args = std::move(found->args);
    p.label = entry.label;
    auto refused = check_needs(req, p, entry.need);
    const bool form_post = req.method() == http::verb::post && entry.router_checks_csrf();
    if (!refused && form_post && !csrf_matches(req, submitted_csrf(req)))
        refused = bad_request(p, web::registration_strings_for(p.ctx.language).csrf_error);
    if (refused) {
        refused->route = entry.label;
        return std::move(*refused);
    }
    return &entry;
}

handled app::dispatch(const request& req, parsed& p) {
    auto resolved = resolve(req, p);
    if (auto* answer = std::get_if<handled>(&resolved)) return std::move(*answer);
    const auto& entry = *std::get<const route*>(resolved);
    handled result;
    if (entry.later) {
        waiting_reply waiting;
        entry.later(*this, req, p, waiting.target());
        result = waiting.wait();
    } else {
        result = entry.handler(*this, req, p);
    }
    result.route = entry.label;
    return result;
}

void app::dispatch_later(const request& req, parsed& p, later_reply out) {
    auto resolved = resolve(req, p);
    if (auto* answer = std::get_if<handled>(&resolved)) return out.reply(std::move(*answer));
    const auto& entry = *std::get<const route*>(resolved);
    if (!entry.later) {
        auto result = entry.handler(*this, req, p);
        result.route = entry.label;
        return out.reply(std::move(result));
    }
    out.reply = [reply = std::move(out.reply), label = entry.label](handled result) {
        result.route = label;
        reply(std::move(result));
    };
    entry.later(*this, req, p, std::move(out));
}

std::optional<handled> app::check_needs(const request& req, parsed& p, needs need) {
    if (need == needs::nothing) return std::nullopt;
    const bool api = need == needs::bearer || need == needs::bearer_event;
    p.who = api ? bearer_user(req, store_) : session_user(req, store_);
    if (!p.who) return api ? unauthorized(p.ctx.language) : see_other(web::href(p.ctx, "/admin/login"), "admin_login");
    if (need != needs::event_admin && need != needs::bearer_event) return std::nullopt;
    p.event = store_.event_by_slug(p.arg(0));
    if (!p.event) {
        if (api)
            return json_error(http::status::not_found,
                              web::api_text(web::api_message::no_such_event, p.ctx.language, p.arg(0)), "");
        return not_found(p);
    }
    if (calendar::may_manage(*p.who, p.event->network_slug)) return std::nullopt;
    if (api)
        return json_error(http::status::forbidden,
                          web::api_text(web::api_message::may_not_manage_event, p.ctx.language), "");
    return forbidden(p);
}

handled app::forbidden(const parsed& p) {
    return page(p, "forbidden", http::status::forbidden, web::error_page(p.ctx, 403, "").str());
}

}  // namespace tp::server
