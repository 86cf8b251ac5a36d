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

namespace {

std::vector<std::string> entry_ids(const std::string& atom) {
    std::vector<std::string> out;
    const std::regex id("<entry><id>([^<]*)</id>");
    for (auto it = std::sregex_iterator(atom.begin(), atom.end(), id); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

}  // namespace

TEST_CASE("the Atom feed lists new and changed events, newest change first, no series' dates and no drafts") {
    testing::cached_site f;
    auto later = testing::sample_event("fachtag");
    later.title = "Fachtag <MINT> & Schule";
    f.now += std::chrono::hours{1};
    f.s.upsert({}, std::array{later});
    auto draft = testing::sample_event("entwurf");
    draft.status = calendar::event_status::draft;
    f.s.upsert({}, std::array{draft});
    auto other = testing::sample_event("nord");
    other.network_slug = "mint-nord";
    other.network_name = "MINT-Region Nord";
    calendar::network nord;
    nord.slug = "mint-nord";
    nord.name = "MINT-Region Nord";
    f.now += std::chrono::hours{1};  // changed last: first in the feed
    f.s.upsert(std::array{nord}, std::array{other});

    const auto h = f.a.handle(testing::cached_site::request("/feed.atom"), "127.0.0.1", "127.0.0.1");
    REQUIRE(h.res.result() == http::status::ok);
    CHECK(h.res[http::field::content_type] == "application/atom+xml; charset=utf-8");
    const auto& atom = *h.res.body();
    CHECK(entry_ids(atom) ==
          std::vector<std::string>{base + "/events/nord", base + "/events/fachtag", base + "/events/barcamp"});
    CHECK_THAT(atom, Catch::Contains("<title>Treffpunkt: neue und geänderte Veranstaltungen</title>"));
    CHECK_THAT(atom, Catch::Contains("<title>Fachtag &lt;MINT&gt; &amp; Schule</title>"));
    CHECK_THAT(atom,
               Catch::Contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + base + "/feed.atom\"/>"));
    CHECK_THAT(atom, Catch::Contains("<summary>Montag, 20. September 2027"));

    const auto network = f.get("/networks/ist-bochum/feed.atom");
    CHECK(entry_ids(network) == std::vector<std::string>{base + "/events/fachtag", base + "/events/barcamp"});
    CHECK_THAT(network, Catch::Contains("<title>zdi-Netzwerk IST.Bochum.NRW: neue und geänderte Veranstaltungen"));
    CHECK_THAT(f.get("/feed.atom", "en"), Catch::Contains("<title>Treffpunkt: new and changed events</title>"));
    const auto unknown =
        f.a.handle(testing::cached_site::request("/networks/nirgendwo/feed.atom"), "127.0.0.1", "127.0.0.1");
    CHECK(unknown.res.result() == http::status::not_found);
}

TEST_CASE("a change moves its event to the top of the Atom feed at once, and a cancelled one says so") {
    testing::cached_site f;
    auto second = testing::sample_event("fachtag");
    f.now += std::chrono::hours{1};
    f.s.upsert({}, std::array{second});
    CHECK(entry_ids(f.get("/feed.atom")).front() == base + "/events/fachtag");
    f.now += std::chrono::hours{1};
    f.e.status = calendar::event_status::cancelled;
    f.save();
    const auto atom = f.get("/feed.atom");
    CHECK(entry_ids(atom).front() == base + "/events/barcamp");
    CHECK_THAT(atom, Catch::Contains("<updated>" + w3c(f.now) + "</updated>"));
    CHECK_THAT(atom, Catch::Contains("<summary>Diese Veranstaltung wurde abgesagt. "));
}
