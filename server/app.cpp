#include "server/app.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>
#include <sodium.h>

#include <iostream>

#include "server/auth.hpp"
#include "server/conditional.hpp"
#include "server/csrf.hpp"
#include "server/gzip.hpp"
#include "server/log_redaction.hpp"
#include "server/refusal_answer.hpp"
#include "web/admin_strings.hpp"
#include "web/failure_texts.hpp"
#include "web/pages.hpp"
#include "web/url_text.hpp"

namespace tp::server {

namespace {

calendar::sys_seconds system_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// POSTs count towards the per-address limit, except organisers' work on events (a busy check-in desk), which
// needs a session, and votes and proposals at a barcamp, which need a registration's link (a whole barcamp may
// share one address behind the venue's network): those count per link instead. Logins, resets and password
// links count (and logins slow down by themselves after failures).
std::string_view barcamp_link(std::string_view target) {  // "/r/TOKEN" of /r/TOKEN/sessions..., else ""
    if (!target.starts_with("/r/")) return {};
    const auto end = target.find('/', 3);
    if (end == std::string_view::npos || !target.substr(end).starts_with("/sessions")) return {};
    return target.substr(0, end);
}

bool limited(std::string_view target) { return !target.starts_with("/admin/events/") && barcamp_link(target).empty(); }

bool is_loopback(std::string_view address) {
    boost::system::error_code ec;
    const auto a = boost::asio::ip::make_address(std::string(address), ec);
    return !ec && a.is_loopback();
}

bool same_secret(std::string_view given, const std::string& secret) {
    return given.size() == secret.size() && sodium_memcmp(given.data(), secret.data(), secret.size()) == 0;
}

void add_page_headers(response& res, web::lang l) {
    res.set(http::field::content_language, web::code(l));
    res.set(http::field::vary, "Accept-Language");
    res.set(http::field::cache_control, "no-cache");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "strict-origin-when-cross-origin");
    res.set("Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'");
}

void add_cached_page_headers(response& res, web::lang l, bool packed) {
    add_page_headers(res, l);
    res.set(http::field::vary, "Accept-Language, Accept-Encoding");
    if (packed) res.set(http::field::content_encoding, "gzip");
}

const cached_kind page_kind{html_type, add_cached_page_headers};

// A cached answer as everyone gets it: the 200 (plain or gzipped) or the 304, with its validators.
response cached_response(const cached_kind& kind, const cached_feed& entry, web::lang l, bool packed, bool current) {
    response res = current ? response{http::status::not_modified, 11}
                           : make_response(http::status::ok, kind.type, packed ? entry.gzipped : entry.body);
    kind.add_headers(res, l, packed && !current);
    res.set(http::field::etag, packed ? entry.gzipped_etag : entry.etag);
    res.set(http::field::last_modified, entry.last_modified_text);
    return res;
}

// A cached page with forms, without its body: the body is the spliced page for one visitor.
response form_page_head(const cached_feed& entry, web::lang l, bool packed) {
    response res{http::status::ok, 11};
    res.set(http::field::content_type, html_type);
    res.content_length(entry.spliced->size(packed));
    add_cached_page_headers(res, l, packed);
    return res;
}

}  // namespace

app::app(store::store& store, app_config config, clock_fn clock)
    : store_(store),
      config_(std::move(config)),
      clock_(clock ? std::move(clock) : system_now),
      own_clock_(static_cast<bool>(clock)),
      limiter_(config_.rate_limit_per_minute),
      link_limiter_(config_.rate_limit_per_minute > 0 ? barcamp_posts_per_minute : 0) {}

std::string app::client_of(const request& req, std::string_view peer) const {
    return config_.proxies.client(peer, req["X-Forwarded-For"]);
}

std::optional<app::login_slot> app::take_login_slot() {
    auto running = logins_running_.load(std::memory_order_acquire);
    do {
        if (running >= config_.login_concurrency) return std::nullopt;
    } while (!logins_running_.compare_exchange_weak(running, running + 1, std::memory_order_acq_rel));
    return login_slot(logins_running_);
}

handled app::logins_busy(const parsed& p) {
    auto busy = page(p, "admin_login", http::status::service_unavailable,
                     web::error_page(p.ctx, 503, web::admin_strings_for(p.ctx.language).busy_login).str());
    busy.res.set(http::field::retry_after, "1");
    return busy;
}

// /metrics: with --metrics-token only for that bearer token; without it only for loopback peers.
handled app::metrics_page(const request& req, const parsed& p) {
    const bool allowed =
        config_.metrics_token.empty() ? is_loopback(p.peer) : same_secret(bearer_token(req), config_.metrics_token);
    if (!allowed) return not_found(p);
    auto res = make_response(http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                             metrics_.render(cache_.hits(), cache_.misses()) +
                                 render_page_cache_metrics(page_cache_.hits(), page_cache_.misses()) +
                                 render_outbox_metrics(store_.count_outbox()));
    return {std::move(res), "metrics"};
}

std::optional<handled> app::admit(const request& req, std::string_view client, std::string_view peer, parsed& p) {
    p.peer = peer.empty() ? client : peer;
    p.ctx.base_url = config_.base_url;
    p.ctx.now = clock_();
    p.ctx.language = web::negotiate(req[http::field::accept_language]);
    p.gzip_ok = accepts_gzip(req[http::field::accept_encoding]);
    if (req.method() == http::verb::post) {
        const auto target = req.target();
        if (limited(target))
            if (const auto wait = limiter_.retry_after(client); wait > 0)
                return too_many_requests(wait, false, p.ctx.language);
        if (const auto link = barcamp_link(target); !link.empty())
            if (const auto wait = link_limiter_.retry_after(link); wait > 0)
                return too_many_requests(wait, true, p.ctx.language);
    }
    const auto target = boost::urls::parse_origin_form(web::url_text(req.target()));
    if (!target) return bad_request(p, web::failure_text(web::failure::malformed, p.ctx.language));
    for (const auto& seg : target->segments()) p.segments.push_back(seg);
    if (!p.segments.empty() && p.segments.back().empty()) p.segments.pop_back();  // "/networks/" = "/networks"
    p.ctx.path = std::string(target->encoded_path());
    if (const auto chosen = web::language_of_query(target->encoded_query())) {  // also for the 400 below
        p.ctx.language = *chosen;
        p.ctx.lang_in_query = true;
    }
    const auto query = web::parse_listing_query(target->encoded_query(), p.ctx.language);
    if (const auto* message = std::get_if<std::string>(&query)) return bad_request(p, *message);
    p.filter = std::get<web::listing_query>(query);
    p.ctx.filter_query = p.segments.empty() ? web::encode_listing(p.filter) : "";
    return std::nullopt;
}

handled app::handle(const request& req, std::string_view client, std::string_view peer) {
    parsed p;
    try {
        auto result = admit(req, client, peer, p);
        if (!result) result = dispatch(req, p);
        if (req.method() == http::verb::head) result->res.body() = nullptr;  // Content-Length stays
        return std::move(*result);
    } catch (...) {
        return failure_answer(req, p, std::current_exception());
    }
}

void app::handle_later(const request& req, std::string_view client, std::string_view peer, later_reply out) {
    parsed p;
    try {
        if (auto refused = admit(req, client, peer, p)) return out.reply(std::move(*refused));
        dispatch_later(req, p, out);
    } catch (...) {  // before the handler handed its write to the queue: it has not replied
        out.reply(failure_answer(req, p, std::current_exception()));
    }
}

bool app::answers_later(const request& req) const {
    static const route_index index(routes());
    const auto target = boost::urls::parse_origin_form(web::url_text(req.target()));
    if (!target || req.method() != http::verb::post) return false;
    std::vector<std::string> segments;
    for (const auto& seg : target->segments()) segments.push_back(seg);
    if (!segments.empty() && segments.back().empty()) segments.pop_back();
    const auto found = index.find(segments);
    return found && found->entry->later != nullptr;
}

handled app::failure_answer(const request& req, const parsed& p, std::exception_ptr failure) {
    const bool api = req.target().starts_with("/api/");
    const auto where = std::string(req.method_string()) + " " + loggable_target(req.target());
    const auto l = p.ctx.language;
    try {
        std::rethrow_exception(failure);
    } catch (const store::refusal& refused) {
        const auto [status, words] = refusal_answer(refused, l);
        if (refused.kind() == store::refusal_kind::unavailable)
            std::cerr << "storage unavailable: " << where << ": " << refused.what() << " ("
                      << static_cast<const store::storage_unavailable&>(refused).hint() << ")" << std::endl;
        auto result =
            api ? json_response(status, boost::json::object{{"error", words}, {"reason", refused.reason()}}, "refused")
                : page(p, "refused", status, web::error_page(p.ctx, static_cast<int>(status), words).str());
        if (!p.label.empty()) result.route = p.label;  // counted under its route
        if (status == http::status::service_unavailable) {
            result.res.set(http::field::retry_after, "60");
            result.res.set(http::field::cache_control, "no-store");
        }
        return result;
    } catch (const std::exception& ex) {
        std::cerr << "error: " << where << ": " << ex.what() << std::endl;
    } catch (...) {
        std::cerr << "error: " << where << ": an exception of unknown type" << std::endl;
    }
    const auto words = web::failure_text(web::failure::internal, l);
    auto result = api ? json_error(http::status::internal_server_error, std::string(words), "error")
                      : page(p, "error", http::status::internal_server_error, web::error_page(p.ctx, 500, words).str());
    if (!p.label.empty()) result.route = p.label;
    return result;
}

handled app::page(const parsed& p, std::string_view route, http::status status, std::string body) {
    auto res = make_response(status, html_type, std::move(body));
    add_page_headers(res, p.ctx.language);
    return {std::move(res), route};
}

handled app::not_found(const parsed& p) {
    return page(p, "not_found", http::status::not_found, web::error_page(p.ctx, 404, "").str());
}

handled app::bad_request(const parsed& p, std::string_view message) {
    if (p.ctx.path.starts_with("/api/"))
        return json_error(http::status::bad_request, std::string(message), "bad_request");
    return page(p, "bad_request", http::status::bad_request, web::error_page(p.ctx, 400, message).str());
}

// The sum of three counters that only grow: it grows whenever one of them does.
std::uint64_t app::page_version(calendar::sys_seconds now) {
    const auto minute = std::chrono::floor<std::chrono::minutes>(now).time_since_epoch().count();
    auto seen = page_minute_.load(std::memory_order_relaxed);
    while (seen < minute && !page_minute_.compare_exchange_weak(seen, minute, std::memory_order_relaxed)) {
    }
    return store_.data_version() + store_.seats_version() + static_cast<std::uint64_t>(std::max(seen, minute));
}

void app::prepare(const request& req, const parsed& p, std::uint64_t version, bool by_page_version,
                  const std::function<void(prepared_answer&)>& fill) {
    if ((req.method() != http::verb::get && req.method() != http::verb::head) || req.version() != 11) return;
    std::string key;
    wire_key(key, req.target(), web::negotiate(req[http::field::accept_language]),
             accepts_gzip(req[http::field::accept_encoding]));
    if (wire_.holds(key, version)) return;
    auto answer = std::make_shared<prepared_answer>();
    answer->version = version;
    answer->by_page_version = by_page_version;
    answer->route = p.label;
    try {
        fill(*answer);
    } catch (const std::invalid_argument&) {
        return;  // a header value with a line break: session::answer refuses it, and it is not kept
    }
    wire_.remember(key, std::move(answer));
}

std::optional<prepared_hit> app::prepared(const request& req, calendar::sys_seconds now) {
    if ((req.method() != http::verb::get && req.method() != http::verb::head) || req.version() != 11)
        return std::nullopt;
    thread_local std::string key;  // keeps its capacity: no allocation per request
    wire_key(key, req.target(), web::negotiate(req[http::field::accept_language]),
             accepts_gzip(req[http::field::accept_encoding]));
    auto answer = wire_.find(key);
    if (!answer) return std::nullopt;
    const auto current = answer->by_page_version ? page_version(own_clock_ ? clock_() : now) : store_.data_version();
    if (answer->version != current) return std::nullopt;
    (answer->by_page_version ? page_cache_ : cache_).count_hit();  // /metrics counts it as the cache's hit
    prepared_hit hit{std::move(answer), false, {}};
    if (hit.answer->spliced)
        hit.token = csrf_token_of(req);
    else if (!hit.answer->head_not_modified.empty())
        hit.not_modified = not_modified(req[http::field::if_none_match], req[http::field::if_modified_since],
                                        hit.answer->etag, hit.answer->last_modified);
    return hit;
}

handled app::cached_page(const request& req, const parsed& p, std::string_view route, const std::string& key,
                         const std::function<std::string()>& render) {
    return cached_answer(page_kind, req, p, route, key, render);
}

handled app::cached_answer(const cached_kind& kind, const request& req, const parsed& p, std::string_view route,
                           const std::string& key, const std::function<std::string()>& render) {
    const auto l = p.ctx.language;
    const auto entry = page_cache_.get(key + "&lang=" + std::string(web::code(l)), page_version(p.ctx.now),
                                       [&]() -> feed_cache::built {
                                           return {std::make_shared<const std::string>(render()), p.ctx.now, true};
                                       });
    const bool packed = p.gzip_ok && entry->gzipped;
    prepare(req, p, entry->version, true, [&](prepared_answer& a) {
        a.head = wire_head(cached_response(kind, *entry, l, packed, false));
        a.head_not_modified = wire_head(cached_response(kind, *entry, l, packed, true));
        a.etag = packed ? entry->gzipped_etag : entry->etag;
        a.last_modified = entry->last_modified;
        a.body = packed ? entry->gzipped : entry->body;
        if (!packed) a.file = entry->sealed;
    });
    const bool current = not_modified(req[http::field::if_none_match], req[http::field::if_modified_since],
                                      packed ? entry->gzipped_etag : entry->etag, entry->last_modified);
    return {cached_response(kind, *entry, l, packed, current), route};
}

handled app::cached_form_page(const request& req, const parsed& p, std::string_view route, const std::string& key,
                              const std::function<std::string(const std::string& placeholder)>& render) {
    const auto l = p.ctx.language;
    const auto entry = page_cache_.get(
        key + "&lang=" + std::string(web::code(l)), page_version(p.ctx.now), [&]() -> feed_cache::built {
            const auto placeholder = new_csrf_token();
            auto page = std::make_shared<const spliced_page>(render(placeholder), placeholder);
            return {.body = nullptr, .last_modified = p.ctx.now, .spliced = page};
        });
    const bool secure = https(config_.base_url);
    if (entry->spliced->tokens() <= spliced_page::max_tokens)
        prepare(req, p, entry->version, true, [&](prepared_answer& a) {
            a.head = wire_head(form_page_head(*entry, l, p.gzip_ok));
            a.spliced = entry->spliced;
            a.gzipped = p.gzip_ok;
            a.secure_cookie = secure;
        });
    const auto token = csrf_for(req);
    auto res = form_page_head(*entry, l, p.gzip_ok);
    res.body() = std::make_shared<const std::string>(entry->spliced->page(token.value, p.gzip_ok));
    if (token.fresh) set_csrf_cookie(res, token.value, secure);
    return {std::move(res), route};
}

std::string page_key(const web::page_context& ctx, std::string_view query) {
    return ctx.path + "?" + std::string(query) + (ctx.lang_in_query ? "&in_query" : "");
}

// Each page reads what it shows inside its render, after page_version was taken: a write in between moves the
// version again, so the page is built anew at the next request rather than kept stale.
handled app::index(const request& req, parsed& p) {
    if (p.filter.network && !store_.network_by_slug(*p.filter.network))
        return bad_request(p, std::string(web::admin_strings_for(p.ctx.language).unknown_network) + *p.filter.network);
    return cached_page(req, p, "index", page_key(p.ctx, web::encode_listing(p.filter)), [&] {
        const auto nets = store_.networks();
        const auto events = store_.events({.network_slug = p.filter.network,
                                           .kinds = p.filter.kinds,
                                           .include_drafts = false,
                                           .ending_after = p.ctx.now});
        const auto shown = web::select_listing(events, p.filter, search_memo_);
        return web::event_list_page(p.ctx, nets, shown, p.filter, seats_of(shown.shown)).str();
    });
}

handled app::series(const request& req, parsed& p, const std::string& slug) {
    const auto found = store_.series_by_slug(slug);
    if (!found || found->status == calendar::event_status::draft) return not_found(p);
    const auto n = store_.network_by_slug(found->network_slug);
    if (!n) return not_found(p);
    return cached_page(req, p, "series", page_key(p.ctx), [&] {
        const auto current = store_.series_by_slug(slug).value_or(*found);
        const auto upcoming = store_.events({.network_slug = std::nullopt,
                                             .kinds = {},
                                             .include_drafts = false,
                                             .ending_after = p.ctx.now,
                                             .include_occurrences = true,
                                             .series_slug = slug});
        return web::series_page(p.ctx, current, store_.network_by_slug(current.network_slug).value_or(*n), upcoming,
                                seats_of(upcoming))
            .str();
    });
}

handled app::privacy(const request& req, parsed& p) {
    return cached_page(req, p, "privacy", page_key(p.ctx),
                       [&] { return web::privacy_page(p.ctx, config_.privacy_notice).str(); });
}

handled app::networks(const request& req, parsed& p) {
    return cached_page(req, p, "networks", page_key(p.ctx),
                       [&] { return web::network_list_page(p.ctx, store_.networks()).str(); });
}

handled app::network(const request& req, parsed& p, const std::string& slug) {
    const auto n = store_.network_by_slug(slug);
    if (!n) return not_found(p);
    return cached_page(req, p, "network", page_key(p.ctx), [&] {
        const auto events =
            store_.events({.network_slug = slug, .kinds = {}, .include_drafts = false, .ending_after = p.ctx.now});
        return web::network_page(p.ctx, store_.network_by_slug(slug).value_or(*n), events, seats_of(events)).str();
    });
}

handled app::event(const request& req, parsed& p, const std::string& slug) {
    const auto e = store_.event_by_slug(slug);
    if (!e || e->status == calendar::event_status::draft) return not_found(p);
    const auto n = store_.network_by_slug(e->network_slug);
    if (!n) return not_found(p);
    return cached_form_page(req, p, "event", page_key(p.ctx), [&](const std::string& placeholder) {
        const auto current = store_.event_by_slug(slug).value_or(*e);
        web::form_state empty;
        empty.csrf = placeholder;
        return event_html(p, current, store_.network_by_slug(current.network_slug).value_or(*n), empty);
    });
}

}  // namespace tp::server
