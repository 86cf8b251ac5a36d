#pragma once
// The application as a function from request to response: routing, pages, feeds, health and metrics.
// Tests call handle() without a socket. Thread-safe; never throws (unexpected errors become a 500).
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <atomic>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "server/feed_cache.hpp"
#include "server/http_types.hpp"
#include "server/metrics.hpp"
#include "server/rate_limiter.hpp"
#include "server/routes.hpp"
#include "server/trusted_proxies.hpp"
#include "server/wire_cache.hpp"
#include "store/store.hpp"
#include "web/links.hpp"
#include "web/listing_query.hpp"
#include "web/query_string.hpp"
#include "web/barcamp_pages.hpp"
#include "web/registration_form.hpp"
#include "web/search_memo.hpp"

namespace tp::server {

struct app_config {
    std::string base_url = "http://127.0.0.1:8080";  // no trailing slash
    unsigned rate_limit_per_minute = 30;             // POSTs per client address; 0: no limit (load tests)
    std::string privacy_notice{};                    // the organisation's text for /datenschutz; empty: ours
    unsigned login_concurrency = 2;                  // password checks at once; more get 503
    std::string metrics_token{};                     // bearer for /metrics; empty: loopback peers only
    trusted_proxies proxies{};                       // reverse proxies whose X-Forwarded-For names the client
};

// Votes and proposals per registration link and minute (off with the per-address limit, for load tests).
inline constexpr unsigned barcamp_posts_per_minute = 60;

// JSON answers of the API: no-store; an error is {"error": message}.
[[nodiscard]] handled json_response(http::status status, const boost::json::value& body, std::string_view route);
[[nodiscard]] handled json_error(http::status status, std::string message, std::string_view route);

struct entity_form;  // admin_event_form.cpp: what differs between the event and the series forms

// 303 See Other to `location` (after a form's POST).
[[nodiscard]] handled see_other(std::string location, std::string_view route);
// A public page's key in the page cache: its path, its own query, and whether the language came by query (links
// keep it then).
[[nodiscard]] std::string page_key(const web::page_context& ctx, std::string_view query = {});
// Whether the site is served over https (then cookies are Secure).
[[nodiscard]] bool https(std::string_view base_url);

// What a cached answer is (app::cached_answer): its type and the header fields that go with it, given its language
// and whether it goes gzipped.
struct cached_kind {
    const char* type;
    void (*add_headers)(response& res, web::lang l, bool packed);
};

// What the router knows of a request when its handler runs.
struct request_context {
    std::vector<std::string> segments;  // the decoded path, without an empty last segment
    web::listing_query filter;
    web::page_context ctx;
    std::string_view peer;                   // the connection's other end
    std::vector<std::string> args;           // the route's parameters, in the pattern's order
    std::string_view label;                  // the route's metrics label, once the router has found it
    std::optional<calendar::organiser> who;  // needs::session, event_admin, bearer, bearer_event
    std::optional<calendar::event> event;    // needs::event_admin, bearer_event: the {slug} event
    bool gzip_ok = false;                    // Accept-Encoding allows gzip (server/gzip.hpp)
    [[nodiscard]] const std::string& arg(std::size_t i) const { return args.at(i); }
};

class app {
public:
    using clock_fn = std::function<calendar::sys_seconds()>;
    app(store::store& store, app_config config, clock_fn clock = {});

    // `client` is who sent the request (client_of), for the per-address POST limit; `peer` the connection's
    // other end, for loopback-only routes ("" in tests without a socket: the client).
    // A route that answers later (later.hpp) is waited for here, on the calling thread.
    [[nodiscard]] handled handle(const request& req, std::string_view client = "-", std::string_view peer = "");
    // The same without waiting: `out` gets the answer (see later.hpp). For requests answers_later() accepts;
    // others are answered before this returns.
    void handle_later(const request& req, std::string_view client, std::string_view peer, later_reply out);
    // A GET or HEAD that a prepared answer fits while it is current (wire_cache.hpp), for a session to send before
    // any routing; nullopt: handle() it. `now` is the request's wall time (request_clock.hpp); an app made with its
    // own clock uses that instead.
    [[nodiscard]] std::optional<prepared_hit> prepared(const request& req, calendar::sys_seconds now);
    // Whether the request's route writes without a waiting thread (a POST that handle_later should take).
    [[nodiscard]] bool answers_later(const request& req) const;
    // The client behind the peer: X-Forwarded-For when the peer is a trusted proxy, else the peer.
    [[nodiscard]] std::string client_of(const request& req, std::string_view peer) const;
    [[nodiscard]] metrics& stats() { return metrics_; }
    // The route table (route_table.cpp); its entries call the handlers below.
    [[nodiscard]] static std::span<const route> routes();

private:
    using parsed = request_context;
    // Before routing (app.cpp): the POST limits and the target decoded into `p`; an answer when refused.
    std::optional<handled> admit(const request& req, std::string_view client, std::string_view peer, parsed& p);
    // The one error mapping (app.cpp): a store refusal by its kind (404, 409, 403, 422, 503 with Retry-After), any
    // other exception a logged 500; in the visitor's language, JSON under /api/.
    handled failure_answer(const request& req, const parsed& p, std::exception_ptr failure);
    // Calls `finish(req, p, value)` on the request's own thread once a write that completes later has committed,
    // and replies with what it returns; a refusal or failure gets failure_answer().
    template <class T, class Finish>
    std::function<void(store::write_outcome<T>)> completion(const request& req, parsed p, later_reply out,
                                                            Finish finish);
    // The router (router.cpp): the most specific matching route, 404/405, then what the route needs.
    handled dispatch(const request& req, parsed& p);
    void dispatch_later(const request& req, parsed& p, later_reply out);
    // The route for the request, or the router's own answer (404, 405, 401, 303 to the login, a CSRF refusal).
    std::variant<handled, const route*> resolve(const request& req, parsed& p);
    std::optional<handled> check_needs(const request& req, parsed& p, needs need);
    // Public pages (app.cpp) and feeds (feeds.cpp).
    handled index(const request& req, parsed& p);
    handled networks(const request& req, parsed& p);
    handled network(const request& req, parsed& p, const std::string& slug);
    handled event(const request& req, parsed& p, const std::string& slug);
    handled series(const request& req, parsed& p, const std::string& slug);
    handled privacy(const request& req, parsed& p);
    // GET /api/v1/public/events (api_public.cpp): the published events for other websites, cached as pages are.
    handled public_events(const request& req, parsed& p);
    // /robots.txt and /sitemap.xml (discovery.cpp), for search engines.
    handled robots(const request& req, parsed& p);
    handled sitemap(const request& req, parsed& p);
    // /feed.atom and /networks/{slug}/feed.atom (atom_feeds.cpp): new and changed events.
    handled atom(const request& req, parsed& p, const std::optional<std::string>& network_slug);
    handled metrics_page(const request& req, const parsed& p);
    handled feed(const request& req, parsed& p);
    handled network_feed(const request& req, parsed& p, const std::string& slug);
    handled event_ics(const request& req, parsed& p, const std::string& slug);
    handled series_ics(const request& req, parsed& p, const std::string& slug);
    handled personal_feed(const request& req, parsed& p, const std::string& token);
    // Registration (forms.cpp) and a registration's pages behind its link.
    void register_form(const request& req, parsed& p, const std::string& slug, later_reply out);
    handled registered_page(const request& req, parsed& p, const calendar::event& e, const web::form_state& form,
                            const store::registration_result& result);
    handled to_inbox_page(const parsed& p, const calendar::event& e, const web::inbox_note& note);
    handled registered(const request& req, parsed& p, const std::string& slug);  // after the redirect
    // The public plan with its resend form (barcamp.cpp).
    handled plan_with_form(const request& req, parsed& p, const calendar::event& e, web::plan_form form);
    handled resend_link(const request& req, parsed& p, const std::string& slug);
    handled manage(const request& req, parsed& p, const std::string& token, std::string_view step);  // no-store
    handled manage_step(const request& req, parsed& p, const std::string& token, std::string_view step);
    // Stops the mails to everyone of the event for this registration: a page with one button, or the one-click
    // POST of RFC 8058 (forms.cpp).
    handled manage_unsubscribe(const request& req, parsed& p, const std::string& token);
    // The event's .ics with the private join link for a person holding a seat (feeds.cpp); no-store.
    handled manage_ics(const request& req, parsed& p, const std::string& token);
    // The person changes their answers while registration is open (forms.cpp); no-store.
    handled manage_answers(const request& req, parsed& p, const std::string& token);
    // A public page from page_cache_ under `key` (path, canonical query, language), rendered by `render` (returning
    // the HTML) when the data, the seats or the minute changed since it was built: never stale after a write, at most
    // a minute behind the clock (an event that ended, a hold that expired).
    // Answered 304 when the visitor's copy is current (ETag, Last-Modified).
    handled cached_page(const request& req, const parsed& p, std::string_view route, const std::string& key,
                        const std::function<std::string()>& render);
    // The same for any cached answer of `kind` (its type and header fields): the public API's JSON, the sitemap,
    // robots.txt and the Atom feeds.
    handled cached_answer(const cached_kind& kind, const request& req, const parsed& p, std::string_view route,
                          const std::string& key, const std::function<std::string()>& render);
    // The same for a page with forms: `render(placeholder)` renders it with the placeholder where the visitor's
    // CSRF token goes (spliced_page.hpp); no validators, as the bytes differ per visitor.
    handled cached_form_page(const request& req, const parsed& p, std::string_view route, const std::string& key,
                             const std::function<std::string(const std::string& placeholder)>& render);
    [[nodiscard]] std::uint64_t page_version(calendar::sys_seconds now);
    // Keeps what this GET or HEAD got from the cache `version` as a prepared answer for the next requests alike,
    // counted under the route's label: `fill(answer)` sets its head, body and validators.
    void prepare(const request& req, const parsed& p, std::uint64_t version, bool by_page_version,
                 const std::function<void(prepared_answer&)>& fill);
    // Seats left and waiting of each listed event with a limit, for lists that say "ausgebucht" (forms.cpp).
    web::seat_map seats_of(std::span<const calendar::event> events);
    handled event_with_form(const request& req, parsed& p, const calendar::event& e, web::form_state form,
                            http::status status);
    // The event page's HTML with the registration form as `form` has it (forms.cpp).
    [[nodiscard]] std::string event_html(const parsed& p, const calendar::event& e, const calendar::network& n,
                                         const web::form_state& form);
    // The CSRF token a page's forms carry: the visitor's cookie, or a new one that form_page() sets.
    struct form_token {
        std::string value;
        bool fresh = false;
    };
    [[nodiscard]] form_token csrf_for(const request& req) const;
    // A page with forms: sets the CSRF cookie when the token is new.
    handled form_page(const parsed& p, std::string_view route, http::status status, std::string body,
                      const form_token& token);
    // The JSON API (api.cpp, api_admin.cpp).
    void api_register(const request& req, parsed& p, const std::string& slug, later_reply out);
    handled api_registered(const parsed& p, const std::string& slug, bool by_organiser,
                           const store::registration_result& result);
    handled api_registration(const parsed& p, const std::string& token);
    handled api_change(const parsed& p, const std::string& token, bool confirm);
    [[nodiscard]] boost::json::object registration_json(const calendar::registration& r) const;
    handled api_list_events(const calendar::organiser& who);
    handled api_save_event(const request& req, const parsed& p, const std::optional<calendar::event>& existing);
    handled api_act(const parsed& p, const std::string& id, const std::string& action);
    handled api_list_series(const calendar::organiser& who);
    handled api_save_series(const request& req, const parsed& p, const std::optional<std::string>& slug);
    // Organisers (admin.cpp, admin_accounts.cpp, admin_event_form.cpp, admin_exports.cpp).
    handled admin_login(const request& req, parsed& p);
    handled admin_logout(const request& req, parsed& p);
    handled admin_forget(const request& req, parsed& p);
    handled admin_home(parsed& p);
    handled admin_attendees(const request& req, parsed& p);
    handled admin_audit(parsed& p);
    handled admin_act(const request& req, parsed& p);
    handled confirm_rejection(const request& req, parsed& p, std::int64_t id, const web::query_params& fields);
    handled admin_message(const request& req, parsed& p);
    handled admin_password(const request& req, parsed& p);
    handled admin_reset(const request& req, parsed& p);
    handled admin_invite(const request& req, parsed& p, const calendar::organiser& who);
    handled admin_event_form(const request& req, parsed& p, const calendar::organiser& who,
                             const std::optional<calendar::event>& existing);
    handled admin_series_form(const request& req, parsed& p, const calendar::organiser& who,
                              const std::optional<calendar::series>& existing);
    handled admin_series_edit(const request& req, parsed& p);
    handled admin_entity_form(const request& req, parsed& p, const calendar::organiser& who, const entity_form& form);
    handled admin_checkin(const request& req, parsed& p, bool printable);
    handled admin_door(const request& req, parsed& p);
    handled export_event(const request& req, const calendar::event& e, std::string_view format, web::lang l);
    handled export_network(const request& req, const parsed& p, const std::string& slug, std::string_view format);
    // An organiser's page: form_page(), and never stored by a cache.
    handled admin_page(const parsed& p, std::string_view route, http::status status, std::string body,
                       const form_token& token);
    handled admin_page(const parsed& p, std::string_view route, http::status status, std::string body);
    handled forbidden(const parsed& p);
    handled not_found(const parsed& p);
    handled bad_request(const parsed& p, std::string_view message);
    template <class Build>
    handled serve_feed(const request& req, const parsed& p, std::string_view route, const std::string& key,
                       Build&& build, std::string_view filename, std::string_view type = calendar_type);
    // Barcamps (barcamp.cpp, admin_programme.cpp): the plan and its feeds, participants' proposals and votes,
    // the organisers' programme page and session exports.
    handled plan(const request& req, parsed& p, const std::string& slug, std::string_view file);
    handled sessions_feed(const request& req, const parsed& p, const calendar::event& e,
                          std::string_view file);  // feeds.cpp
    handled participant_sessions(const request& req, parsed& p, const std::string& token);
    handled admin_programme(const request& req, parsed& p);
    handled export_sessions(const request& req, const calendar::event& e, std::string_view format, web::lang l);
    handled feed_response(const request& req, std::string_view route, const cached_feed& entry,
                          std::string_view filename, std::string_view type = calendar_type);
    handled page(const parsed& p, std::string_view route, http::status status, std::string body);
    // A slot for one slow password check (login, setting a password), given back when it goes out of scope.
    class login_slot {
    public:
        explicit login_slot(std::atomic<unsigned>& running) : running_(&running) {}
        login_slot(login_slot&& other) noexcept : running_(std::exchange(other.running_, nullptr)) {}
        login_slot& operator=(login_slot&&) = delete;
        ~login_slot() {
            if (running_) running_->fetch_sub(1, std::memory_order_acq_rel);
        }

    private:
        std::atomic<unsigned>* running_;
    };
    // nullopt when --login-concurrency checks run already (argon2id takes 64 MiB each).
    [[nodiscard]] std::optional<login_slot> take_login_slot();
    handled logins_busy(const parsed& p);

    store::store& store_;
    app_config config_;
    clock_fn clock_;
    feed_cache cache_;
    // Public pages that show only published data and seats (home, networks, series, events, barcamp plans,
    // privacy): built once per page_version.
    feed_cache page_cache_;
    wire_cache wire_;  // feeds and pages as prepared answers, by target, language and gzip
    bool own_clock_;   // made with a clock of its own (tests): prepared() reads it rather than the request's time
    std::atomic<std::int64_t> page_minute_{0};  // the latest minute a page was asked for: never moves back
    web::search_memo search_memo_;              // the home page's search: folded event texts
    metrics metrics_;
    rate_limiter limiter_;       // POSTs per client address
    rate_limiter link_limiter_;  // barcamp votes and proposals per registration link
    std::atomic<unsigned> logins_running_{0};
};

template <class T, class Finish>
std::function<void(store::write_outcome<T>)> app::completion(const request& req, parsed p, later_reply out,
                                                             Finish finish) {
    return [this, &req, p = std::move(p), out, finish](store::write_outcome<T> outcome) {
        out.resume([this, &req, p, out, finish, outcome]() mutable {
            try {
                out.reply(finish(req, p, outcome.get()));
            } catch (...) {
                out.reply(failure_answer(req, p, std::current_exception()));
            }
        });
    };
}

}  // namespace tp::server
