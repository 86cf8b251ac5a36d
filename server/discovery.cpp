// What search engines read: /robots.txt and /sitemap.xml. The sitemap lists the home page, the networks, each
// network's page, each published event's page (and a barcamp's plan) from a year back on, each series' page and
// the privacy notice, each with its last change; cached as pages are, so it is never stale after a write.
#include <algorithm>

#include "server/app.hpp"
#include "web/sitemap.hpp"

namespace tp::server {
namespace {

void add_discovery_headers(response& res, web::lang, bool packed) {
    res.set(http::field::vary, "Accept-Encoding");
    res.set("X-Content-Type-Options", "nosniff");
    if (packed) res.set(http::field::content_encoding, "gzip");
}

const cached_kind sitemap_kind{"application/xml; charset=utf-8", add_discovery_headers};
const cached_kind robots_kind{"text/plain; charset=utf-8", add_discovery_headers};

constexpr auto sitemap_past = std::chrono::days{365};  // past events stay findable this long
constexpr std::size_t sitemap_limit = 50000;           // the protocol's most per file

using calendar::sys_seconds;

sys_seconds later(sys_seconds a, std::optional<sys_seconds> b) { return b ? std::max(a, *b) : a; }

}  // namespace

handled app::robots(const request& req, parsed& p) {
    return cached_answer(robots_kind, req, p, "robots", page_key(p.ctx),
                         [&] { return web::robots_txt(config_.base_url); });
}

handled app::sitemap(const request& req, parsed& p) {
    return cached_answer(sitemap_kind, req, p, "sitemap", page_key(p.ctx), [&] {
        const auto networks = store_.networks();
        const auto events = store_.events({.include_drafts = false, .ending_after = p.ctx.now - sitemap_past});
        const auto series = store_.series_list({.include_drafts = false});
        std::vector<web::sitemap_entry> entries;
        std::optional<sys_seconds> newest;  // of everything: the home page's last change
        for (const auto& n : networks) newest = later(n.updated_at, newest);
        entries.push_back({"/networks", newest});
        for (const auto& n : networks) {
            auto changed = n.updated_at;
            for (const auto& e : events)
                if (e.network_slug == n.slug) changed = std::max(changed, e.updated_at);
            entries.push_back({"/networks/" + n.slug, changed});
        }
        for (const auto& e : events) {
            newest = later(e.updated_at, newest);
            entries.push_back({"/events/" + e.slug, e.updated_at});
            if (e.kind == calendar::event_kind::barcamp)
                entries.push_back({"/events/" + e.slug + "/sessions", std::nullopt});  // the plan changes on the day
        }
        for (const auto& s : series) entries.push_back({"/series/" + s.slug, s.updated_at});
        entries.push_back({"/datenschutz", std::nullopt});
        entries.insert(entries.begin(), {"/", newest});
        if (entries.size() > sitemap_limit) entries.resize(sitemap_limit);
        return web::sitemap_xml(entries, config_.base_url);
    });
}

}  // namespace tp::server
