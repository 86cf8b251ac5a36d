// Every route of the server in one place: methods, pattern, metrics label, what it needs, and the handler it
// calls. The router (router.cpp) matches, answers 404/405 and checks the needs; handlers only do their work.
#include "server/app.hpp"
#include "server/gzip.hpp"
#include "server/routes.hpp"
#include "web/copy_script.hpp"
#include "web/openapi.hpp"
#include "web/stylesheet.hpp"

namespace tp::server {
namespace {

// A fixed file of the server: its bytes and their gzip, made once and shared by every answer.
struct fixed_file {
    std::shared_ptr<const std::string> plain, packed;
    explicit fixed_file(std::string_view bytes)
        : plain(std::make_shared<const std::string>(bytes)), packed(std::make_shared<const std::string>(gzip(bytes))) {}
};

handled fixed_answer(const fixed_file& f, const char* type, const request_context& c, std::string_view route,
                     bool cacheable) {
    auto res = make_response(http::status::ok, type, c.gzip_ok ? f.packed : f.plain);
    if (c.gzip_ok) res.set(http::field::content_encoding, "gzip");
    res.set(http::field::vary, "Accept-Encoding");
    if (cacheable) res.set(http::field::cache_control, "public, max-age=3600");
    return {std::move(res), route};
}

handled stylesheet(const request_context& c) {
    static const fixed_file css(web::stylesheet());
    return fixed_answer(css, "text/css; charset=utf-8", c, "static", true);
}

handled copy_script(const request_context& c) {
    static const fixed_file script(web::copy_script());
    return fixed_answer(script, "text/javascript; charset=utf-8", c, "static", true);
}

handled openapi(const request_context& c) {
    static const fixed_file document(web::openapi_document());
    return fixed_answer(document, "application/json; charset=utf-8", c, "api_openapi", false);
}

}  // namespace

std::span<const route> route_table() { return app::routes(); }

std::span<const route> app::routes() {
    using c = request_context;
    static const route table[] = {
        // Public pages and feeds.
        {GET, "/", "index", needs::nothing, [](app& a, const request& r, c& x) { return a.index(r, x); }},
        {GET, "/networks", "networks", needs::nothing, [](app& a, const request& r, c& x) { return a.networks(r, x); }},
        {GET, "/networks/{network}", "network", needs::nothing,
         [](app& a, const request& r, c& x) { return a.network(r, x, x.arg(0)); }},
        {GET, "/networks/{network}/calendar.ics", "network_feed", needs::nothing,
         [](app& a, const request& r, c& x) { return a.network_feed(r, x, x.arg(0)); }},
        {GET, "/networks/{network}/feed.atom", "network_atom", needs::nothing,
         [](app& a, const request& r, c& x) { return a.atom(r, x, x.arg(0)); }},
        {GET, "/feed.atom", "atom", needs::nothing, [](app& a, const request& r, c& x) { return a.atom(r, x, {}); }},
        {GET, "/calendar.ics", "feed", needs::nothing, [](app& a, const request& r, c& x) { return a.feed(r, x); }},
        {GET, "/events/{slug}", "event", needs::nothing,
         [](app& a, const request& r, c& x) { return a.event(r, x, x.arg(0)); }},
        {GET, "/events/{slug}.ics", "event_ics", needs::nothing,
         [](app& a, const request& r, c& x) { return a.event_ics(r, x, x.arg(0)); }},
        {POST, "/events/{slug}/register", "register", needs::nothing, nullptr, true,
         [](app& a, const request& r, c& x, later_reply out) { a.register_form(r, x, x.arg(0), std::move(out)); }},
        {GET, "/events/{slug}/registered", "registered", needs::nothing,
         [](app& a, const request& r, c& x) { return a.registered(r, x, x.arg(0)); }},
        {GET, "/events/{slug}/sessions", "plan", needs::nothing,
         [](app& a, const request& r, c& x) { return a.plan(r, x, x.arg(0), "sessions"); }},
        {POST, "/events/{slug}/resend", "resend_link", needs::nothing,
         [](app& a, const request& r, c& x) { return a.resend_link(r, x, x.arg(0)); }},
        {GET, "/events/{slug}/sessions.ics", "sessions_feed", needs::nothing,
         [](app& a, const request& r, c& x) { return a.plan(r, x, x.arg(0), "sessions.ics"); }},
        {GET, "/events/{slug}/schedule.json", "schedule_json", needs::nothing,
         [](app& a, const request& r, c& x) { return a.plan(r, x, x.arg(0), "schedule.json"); }},
        {GET, "/series/{slug}", "series", needs::nothing, [](app& a, const request& r, c& x) { return a.series(r, x, x.arg(0)); }},
        {GET, "/series/{slug}.ics", "series_ics", needs::nothing,
         [](app& a, const request& r, c& x) { return a.series_ics(r, x, x.arg(0)); }},
        {GET, "/datenschutz", "privacy", needs::nothing, [](app& a, const request& r, c& x) { return a.privacy(r, x); }},
        {GET, "/robots.txt", "robots", needs::nothing, [](app& a, const request& r, c& x) { return a.robots(r, x); }},
        {GET, "/sitemap.xml", "sitemap", needs::nothing, [](app& a, const request& r, c& x) { return a.sitemap(r, x); }},
        {GET, "/healthz", "healthz", needs::nothing,
         [](app&, const request&, c&) { return handled{text_response(http::status::ok, "ok"), "healthz"}; }},
        {GET, "/metrics", "metrics", needs::nothing, [](app& a, const request& r, c& x) { return a.metrics_page(r, x); }},
        {GET, "/static/style.css", "static", needs::nothing, [](app&, const request&, c& p) { return stylesheet(p); }},
        {GET, "/static/copy.js", "static", needs::nothing, [](app&, const request&, c& p) { return copy_script(p); }},
        // Behind a registration's link or a personal feed's address.
        {GET, "/feeds/{token}.ics", "personal_feed", needs::nothing,
         [](app& a, const request& r, c& x) { return a.personal_feed(r, x, x.arg(0)); }},
        {GET, "/r/{token}", "manage", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage(r, x, x.arg(0), ""); }},
        {GET | POST, "/r/{token}/confirm", "manage_confirm", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage(r, x, x.arg(0), "confirm"); }},
        {GET | POST, "/r/{token}/cancel", "manage_cancel", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage(r, x, x.arg(0), "cancel"); }},
        {GET | POST, "/r/{token}/feed", "manage_feed", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage(r, x, x.arg(0), "feed"); }},
        // One-click unsubscribe (RFC 8058): mail providers POST without our cookie, so the handler checks the
        // form's CSRF token itself and takes "List-Unsubscribe=One-Click" instead; the link token is the secret.
        {GET | POST, "/r/{token}/unsubscribe", "manage_unsubscribe", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage_unsubscribe(r, x, x.arg(0)); }, true},
        {GET, "/r/{token}/event.ics", "manage_ics", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage_ics(r, x, x.arg(0)); }},
        {GET | POST, "/r/{token}/answers", "manage_answers", needs::nothing,
         [](app& a, const request& r, c& x) { return a.manage_answers(r, x, x.arg(0)); }},
        {GET | POST, "/r/{token}/sessions", "participant_sessions", needs::nothing,
         [](app& a, const request& r, c& x) { return a.participant_sessions(r, x, x.arg(0)); }},
        // The JSON API: registrations (public, or by an organiser with a token) and organisers' work.
        {POST, "/api/v1/events/{slug}/registrations", "api_register", needs::nothing, nullptr, false,
         [](app& a, const request& r, c& x, later_reply out) { a.api_register(r, x, x.arg(0), std::move(out)); }},
        {GET, "/api/v1/registrations/{token}", "api_registration", needs::nothing,
         [](app& a, const request&, c& x) { return a.api_registration(x, x.arg(0)); }},
        {POST, "/api/v1/registrations/{token}/confirm", "api_confirm", needs::nothing,
         [](app& a, const request&, c& x) { return a.api_change(x, x.arg(0), true); }},
        {POST, "/api/v1/registrations/{token}/cancel", "api_cancel", needs::nothing,
         [](app& a, const request&, c& x) { return a.api_change(x, x.arg(0), false); }},
        {GET, "/api/v1/public/events", "api_public_events", needs::nothing,
         [](app& a, const request& r, c& x) { return a.public_events(r, x); }},
        {GET, "/api/v1/openapi.json", "api_openapi", needs::nothing, [](app&, const request&, c& p) { return openapi(p); }},
        {GET | POST, "/api/v1/events", "api_events", needs::bearer,
         [](app& a, const request& r, c& x) {
             return r.method() == http::verb::post ? a.api_save_event(r, x, std::nullopt) : a.api_list_events(*x.who);
         }},
        {PUT, "/api/v1/events/{slug}", "api_event", needs::bearer_event,
         [](app& a, const request& r, c& x) { return a.api_save_event(r, x, x.event); }},
        {POST, "/api/v1/events/{slug}/registrations/{id}/{action}", "api_registration_action", needs::bearer_event,
         [](app& a, const request&, c& x) { return a.api_act(x, x.arg(1), x.arg(2)); }},
        {GET, "/api/v1/events/{slug}/attendees.{format}", "api_attendees", needs::bearer_event,
         [](app& a, const request& r, c& x) { return a.export_event(r, *x.event, x.arg(1), x.ctx.language); }},
        {GET | POST, "/api/v1/series", "api_series", needs::bearer,
         [](app& a, const request& r, c& x) {
             return r.method() == http::verb::post ? a.api_save_series(r, x, std::nullopt)
                                                   : a.api_list_series(*x.who);
         }},
        {PUT, "/api/v1/series/{slug}", "api_series_one", needs::bearer,
         [](app& a, const request& r, c& x) { return a.api_save_series(r, x, x.arg(0)); }},
        // Organisers' pages: accounts without a session, then everything behind one.
        {GET | POST, "/admin/login", "admin_login", needs::nothing,
         [](app& a, const request& r, c& x) { return a.admin_login(r, x); }},
        {GET | POST, "/admin/password", "admin_password", needs::nothing,
         [](app& a, const request& r, c& x) { return a.admin_password(r, x); }},
        {GET | POST, "/admin/reset", "admin_reset", needs::nothing,
         [](app& a, const request& r, c& x) { return a.admin_reset(r, x); }},
        {GET, "/admin", "admin_home", needs::session, [](app& a, const request&, c& x) { return a.admin_home(x); }},
        {POST, "/admin/logout", "admin_logout", needs::session,
         [](app& a, const request& r, c& x) { return a.admin_logout(r, x); }},
        {POST, "/admin/organisers", "admin_invite", needs::session,
         [](app& a, const request& r, c& x) { return a.admin_invite(r, x, *x.who); }},
        {POST, "/admin/forget", "admin_forget", needs::session,
         [](app& a, const request& r, c& x) { return a.admin_forget(r, x); }},
        {GET, "/admin/networks/{network}/attendees.{format}", "admin_network_export", needs::session,
         [](app& a, const request& r, c& x) { return a.export_network(r, x, x.arg(0), x.arg(1)); }},
        {GET | POST, "/admin/series/new", "admin_series_new", needs::session,
         [](app& a, const request& r, c& x) { return a.admin_series_form(r, x, *x.who, std::nullopt); }},
        {GET | POST, "/admin/series/{slug}/edit", "admin_series_edit", needs::session,
         [](app& a, const request& r, c& x) { return a.admin_series_edit(r, x); }},
        {GET | POST, "/admin/events/new", "admin_event_new", needs::session,
         [](app& a, const request& r, c& x) { return a.admin_event_form(r, x, *x.who, std::nullopt); }},
        {GET, "/admin/events/{slug}", "admin_attendees", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_attendees(r, x); }},
        {GET | POST, "/admin/events/{slug}/edit", "admin_event_edit", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_event_form(r, x, *x.who, x.event); }},
        {POST, "/admin/events/{slug}/registrations/{id}/{action}", "admin_registration_action", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_act(r, x); }},
        {POST, "/admin/events/{slug}/message", "admin_message", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_message(r, x); }},
        {GET | POST, "/admin/events/{slug}/sessions", "admin_programme", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_programme(r, x); }},
        {GET, "/admin/events/{slug}/sessions.{format}", "admin_session_export", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.export_sessions(r, *x.event, x.arg(1), x.ctx.language); }},
        {GET, "/admin/events/{slug}/attendees.{format}", "admin_attendee_export", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.export_event(r, *x.event, x.arg(1), x.ctx.language); }},
        {GET, "/admin/events/{slug}/checkin", "admin_checkin", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_checkin(r, x, false); }},
        {GET, "/admin/events/{slug}/checkin-list", "admin_checkin_list", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_checkin(r, x, true); }},
        // What a registration's QR code opens on an organiser's phone: the person and one button.
        {GET, "/admin/events/{slug}/door/{id}/{token}", "admin_door", needs::event_admin,
         [](app& a, const request& r, c& x) { return a.admin_door(r, x); }},
        {GET, "/admin/events/{slug}/audit", "admin_audit", needs::event_admin,
         [](app& a, const request&, c& x) { return a.admin_audit(x); }},
    };
    return table;
}

}  // namespace tp::server
