// GET /api/v1/public/events: the networks' published events for their own websites and for regional platforms
// that gather them. No token, any origin (CORS *), paginated, and cached as the public pages are: rebuilt when the
// data, the seats or the minute moved, prepared as wire bytes, gzipped for those who accept it.
#include <boost/url/parse.hpp>

#include "server/app.hpp"
#include "web/admin_strings.hpp"
#include "web/event_listing.hpp"
#include "web/event_window.hpp"
#include "web/public_events_json.hpp"
#include "web/url_text.hpp"

namespace tp::server {
namespace {

constexpr std::size_t public_per_page = web::events_per_page;

void add_public_api_headers(response& res, web::lang, bool packed) {
    res.set(http::field::access_control_allow_origin, "*");
    res.set(http::field::vary, "Accept-Encoding");
    res.set(http::field::cache_control, "public, max-age=60");
    res.set("X-Content-Type-Options", "nosniff");
    if (packed) res.set(http::field::content_encoding, "gzip");
}

const cached_kind public_api_kind{"application/json; charset=utf-8", add_public_api_headers};

// The query as the API reads it, canonical: the filter, q, page, and the window (the home page's month is not an
// API parameter).
std::string canonical_query(web::listing_query filter, const web::event_window& window) {
    filter.month.reset();
    filter.language.reset();
    auto out = web::encode_listing(filter);
    const auto bounds = web::encode_window(window);
    if (!bounds.empty()) out += (out.empty() ? "" : "&") + bounds;
    return out;
}

}  // namespace

handled app::public_events(const request& req, parsed& p) {
    const auto target = boost::urls::parse_origin_form(web::url_text(req.target()));  // admit has checked it
    const std::string_view encoded_query = target ? std::string_view(target->encoded_query()) : std::string_view{};
    const auto parsed_window = web::parse_event_window(encoded_query, p.ctx.language);
    if (const auto* message = std::get_if<std::string>(&parsed_window)) return bad_request(p, *message);
    const auto window = std::get<web::event_window>(parsed_window);
    if (p.filter.network && !store_.network_by_slug(*p.filter.network))
        return bad_request(p, std::string(web::admin_strings_for(p.ctx.language).unknown_network) + *p.filter.network);
    const auto query = canonical_query(p.filter, window);
    return cached_answer(public_api_kind, req, p, "api_public_events", page_key(p.ctx, query), [&] {
        auto events = store_.events({.network_slug = p.filter.network,
                                     .kinds = p.filter.kinds,
                                     .include_drafts = false,
                                     .ending_after = window.from.value_or(p.ctx.now)});
        if (window.to) std::erase_if(events, [&](const calendar::event& e) { return e.start >= *window.to; });
        const auto selected = web::select_page(events, p.filter.search, p.filter.page, search_memo_, public_per_page);
        std::string next;
        if (p.filter.page < selected.pages) {
            auto following = p.filter;
            following.page = p.filter.page + 1;
            next = config_.base_url + "/api/v1/public/events?" + canonical_query(following, window);
        }
        const auto seats = seats_of(selected.shown);
        return web::public_events_document({.shown = selected.shown,
                                            .seats = seats,
                                            .page = p.filter.page,
                                            .pages = selected.pages,
                                            .per_page = public_per_page,
                                            .total = selected.matching,
                                            .next = std::move(next)},
                                           config_.base_url) +
               "\n";
    });
}

}  // namespace tp::server
