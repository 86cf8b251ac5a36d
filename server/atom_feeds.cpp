// /feed.atom and /networks/{slug}/feed.atom: new and changed events for newsletter tools and feed readers, the most
// recently changed first. Upcoming and running events that are not a series' date (a weekly round would fill the
// feed with its dates); cancelled ones stay in, saying so. Cached as pages are, per language.
#include <algorithm>

#include "server/app.hpp"
#include "web/atom_feed.hpp"

namespace tp::server {
namespace {

constexpr std::size_t atom_entries = 50;

void add_atom_headers(response& res, web::lang l, bool packed) {
    res.set(http::field::content_language, web::code(l));
    res.set(http::field::vary, "Accept-Language, Accept-Encoding");
    res.set("X-Content-Type-Options", "nosniff");
    if (packed) res.set(http::field::content_encoding, "gzip");
}

const cached_kind atom_kind{"application/atom+xml; charset=utf-8", add_atom_headers};

}  // namespace

handled app::atom(const request& req, parsed& p, const std::optional<std::string>& network_slug) {
    std::optional<calendar::network> n;
    if (network_slug) {
        n = store_.network_by_slug(*network_slug);
        if (!n) return not_found(p);
    }
    const auto route = network_slug ? "network_atom" : "atom";
    return cached_answer(atom_kind, req, p, route, page_key(p.ctx), [&] {
        auto events = store_.events({.network_slug = network_slug,
                                     .include_drafts = false,
                                     .ending_after = p.ctx.now,
                                     .include_occurrences = false});
        std::stable_sort(events.begin(), events.end(),
                         [](const auto& a, const auto& b) { return a.updated_at > b.updated_at; });
        if (events.size() > atom_entries) events.resize(atom_entries);
        const auto self = network_slug ? "/networks/" + *network_slug + "/feed.atom" : std::string("/feed.atom");
        const auto page = network_slug ? "/networks/" + *network_slug : std::string("/");
        return web::atom_xml({web::atom_title(p.ctx.language, n ? n->name : ""), self, page}, events, config_.base_url,
                             p.ctx.language, p.ctx.now);
    });
}

}  // namespace tp::server
