// /robots.txt and /sitemap.xml: what search engines may read, and every public page with its last change, never
// a draft, a personal or an admin page; never stale after a write.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "cached_site.hpp"
#include "web/sitemap.hpp"

using namespace tp;
namespace http = tp::server::http;

namespace {

const std::string base = "http://127.0.0.1:8080";

// loc -> lastmod ("" when none), read with a pattern per <url> element.
std::map<std::string, std::string> urls_of(const std::string& xml) {
    std::map<std::string, std::string> out;
    const std::regex url("<url><loc>([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?</url>");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), url); it != std::sregex_iterator(); ++it)
        out[(*it)[1]] = (*it)[2];
    return out;
}

std::string w3c(calendar::sys_seconds t) { return date::format("%FT%TZ", t); }

}  // namespace

TEST_CASE("robots.txt keeps personal, admin and API paths out and names the sitemap") {
    testing::cached_site f;
    const auto h = f.a.handle(testing::cached_site::request("/robots.txt"), "127.0.0.1", "127.0.0.1");
    REQUIRE(h.res.result() == http::status::ok);
    CHECK(h.res[http::field::content_type] == "text/plain; charset=utf-8");
    const auto& body = *h.res.body();
    CHECK_THAT(body, Catch::StartsWith("User-agent: *\n"));
    for (const auto* path : {"/admin", "/r/", "/feeds/", "/api/", "/metrics", "/events/*/registered"})
        CHECK_THAT(body, Catch::Contains(std::string("\nDisallow: ") + path + "\n"));
    CHECK_THAT(body, Catch::Contains("\nSitemap: " + base + "/sitemap.xml\n"));
    CHECK_THAT(body, !Catch::Contains("Disallow: /events/\n"));
    CHECK_THAT(body, !Catch::Contains("Disallow: /\n"));
}

TEST_CASE("the sitemap lists every public page with its last change, and no draft") {
    testing::cached_site f;
    auto draft = testing::sample_event("entwurf");
    draft.status = calendar::event_status::draft;
    f.s.upsert({}, std::array{draft});
    const auto h = f.a.handle(testing::cached_site::request("/sitemap.xml"), "127.0.0.1", "127.0.0.1");
    REQUIRE(h.res.result() == http::status::ok);
    CHECK(h.res[http::field::content_type] == "application/xml; charset=utf-8");
    const auto& xml = *h.res.body();
    CHECK_THAT(xml, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    const auto urls = urls_of(xml);
    const auto event = f.s.event_by_slug("barcamp");
    REQUIRE(event);
    CHECK(urls.at(base + "/events/barcamp") == w3c(event->updated_at));
    CHECK(urls.at(base + "/events/barcamp/sessions").empty());
    CHECK(urls.count(base + "/"));
    CHECK(urls.count(base + "/networks"));
    CHECK(urls.count(base + "/networks/ist-bochum"));
    CHECK(urls.count(base + "/series/runde"));
    CHECK(urls.count(base + "/datenschutz"));
    std::size_t dates = 0;
    for (const auto& [loc, lastmod] : urls) {
        CAPTURE(loc);
        CHECK(loc.starts_with(base + "/"));
        CHECK(loc.find("entwurf") == std::string::npos);
        for (const auto out : web::robots_disallowed)
            if (out.find('*') == std::string_view::npos) CHECK_FALSE(loc.starts_with(base + std::string(out)));
        if (!lastmod.empty())
            CHECK(std::regex_match(lastmod, std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));
        if (loc.starts_with(base + "/events/runde")) ++dates;
    }
    CHECK(dates == 3);                                                // each date of the series has its page
    CHECK(urls.at(base + "/") >= urls.at(base + "/events/barcamp"));  // the home page changed with the newest
}

TEST_CASE("a change to an event moves its lastmod in the sitemap at once") {
    testing::cached_site f;
    const auto before = urls_of(f.get("/sitemap.xml")).at(base + "/events/barcamp");
    f.now += std::chrono::hours{5};
    f.e.title = "MINT:Barcamp Ruhr";
    f.save();
    const auto after = urls_of(f.get("/sitemap.xml")).at(base + "/events/barcamp");
    CHECK(after > before);
    CHECK(after == w3c(f.now));
}

TEST_CASE("the sitemap escapes what XML must") {
    const std::vector<web::sitemap_entry> entries{{"/events/a?x=1&y=<2>", std::nullopt}};
    const auto xml = web::sitemap_xml(entries, "https://mint.example/'\"");
    CHECK_THAT(xml, Catch::Contains("<loc>https://mint.example/&apos;&quot;/events/a?x=1&amp;y=&lt;2&gt;</loc>"));
}
