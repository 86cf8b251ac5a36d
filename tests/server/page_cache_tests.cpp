// The home, network, series, network list and privacy pages come from a cache built once per version of the data, the
// seats and the minute: a repeat is a hit, and no write, registration or passing minute is ever missed.
#include <catch2/catch.hpp>

#include "cached_site.hpp"

using namespace tp;
using namespace std::chrono;
namespace http = tp::server::http;
using fixture = testing::cached_site;

TEST_CASE("a public page asked again comes from the cache, per page, query and language") {
    fixture f;
    const auto target = GENERATE(as<std::string>{}, "/", "/?kind=barcamp", "/networks/ist-bochum", "/series/runde",
                                 "/networks", "/datenschutz");
    CAPTURE(target);
    const auto first = f.get(target);
    const auto hits = f.counter("treffpunkt_page_cache_hits_total");
    const auto misses = f.counter("treffpunkt_page_cache_misses_total");
    CHECK(f.get(target) == first);
    CHECK(f.counter("treffpunkt_page_cache_hits_total") == hits + 1);
    CHECK(f.counter("treffpunkt_page_cache_misses_total") == misses);
    const auto english = f.get(target, "en");
    CHECK(english != first);  // its own entry, not the German one
    CHECK(f.counter("treffpunkt_page_cache_misses_total") == misses + 1);
    CHECK(f.get(target + (target.find('?') == std::string::npos ? "?" : "&") + "lang=en") != first);
}

TEST_CASE("a cached page is never stale after a change to the data") {
    fixture f;
    const auto target = GENERATE(as<std::string>{}, "/", "/networks/ist-bochum");
    CAPTURE(target);
    CHECK_THAT(f.get(target), Catch::Contains("MINT:Barcamp"));
    CHECK_THAT(f.get("/networks"), Catch::Contains(f.network.name));
    f.network.name = "zdi-Netzwerk IST.Bochum, umbenannt";
    f.save();
    CHECK_THAT(f.get("/networks"), Catch::Contains("zdi-Netzwerk IST.Bochum, umbenannt"));
    f.e.title = "MINT-Barcamp Ruhr, neu benannt";
    f.save();
    CHECK_THAT(f.get(target), Catch::Contains("MINT-Barcamp Ruhr, neu benannt"));
    f.e.status = calendar::event_status::draft;
    f.save();
    CHECK(f.get(target).find("MINT-Barcamp Ruhr") == std::string::npos);
}

TEST_CASE("a cached page is never stale after a registration, which moves the seats it shows") {
    fixture f;
    const auto before = f.get("/");
    for (const auto* who : {"ada", "grace"}) f.register_and_confirm(who);
    const auto full = f.get("/");
    CHECK(full != before);
    CHECK_THAT(full, Catch::Contains("ausgebucht") || Catch::Contains("Warteliste"));
}

TEST_CASE("a cached page follows the clock within a minute: an event that ended leaves the list") {
    fixture f;
    CHECK_THAT(f.get("/networks/ist-bochum"), Catch::Contains("MINT:Barcamp"));
    f.now = f.e.end + seconds{1};  // no write, only time
    CHECK(f.get("/networks/ist-bochum").find("MINT:Barcamp") == std::string::npos);
    f.now -= minutes{5};  // a clock that steps back keeps the newest page: versions never go back
    CHECK(f.get("/networks/ist-bochum").find("MINT:Barcamp") == std::string::npos);
}

TEST_CASE("a cached page goes gzipped to a browser that accepts it, the feeds never") {
    fixture f;
    const auto ask = [&f](const std::string& target, std::string_view encoding) {
        server::request req{http::verb::get, target, 11};
        req.set(http::field::host, "treffpunkt.example");
        req.set(http::field::accept_encoding, encoding);
        return f.a.handle(req, "127.0.0.1", "127.0.0.1").res;
    };
    const auto plain = ask("/", "");
    const auto packed = ask("/", "br, gzip;q=0.8");
    CHECK(plain[http::field::content_encoding].empty());
    CHECK(packed[http::field::content_encoding] == "gzip");
    CHECK(packed[http::field::vary] == "Accept-Language, Accept-Encoding");
    CHECK(plain[http::field::vary] == "Accept-Language, Accept-Encoding");  // caches keep the two apart
    CHECK(packed.body()->size() < plain.body()->size() / 2);
    CHECK(packed[http::field::content_length] == std::to_string(packed.body()->size()));
    CHECK(ask("/", "gzip;q=0")[http::field::content_encoding].empty());
    const auto feed = ask("/calendar.ics", "gzip");  // Outlook's subscriptions fail on compressed feeds
    CHECK(feed.result() == http::status::ok);
    CHECK(feed[http::field::content_encoding].empty());
}

TEST_CASE("the stylesheet, the script and the OpenAPI document go gzipped where allowed, as made once") {
    fixture f;
    const auto target = GENERATE(as<std::string>{}, "/static/style.css", "/static/copy.js", "/api/v1/openapi.json");
    CAPTURE(target);
    const auto ask = [&f, &target](std::string_view encoding) {
        server::request req{http::verb::get, target, 11};
        req.set(http::field::host, "treffpunkt.example");
        req.set(http::field::accept_encoding, encoding);
        return f.a.handle(req, "127.0.0.1", "127.0.0.1").res;
    };
    const auto plain = ask("");
    const auto packed = ask("gzip");
    CHECK(plain[http::field::content_encoding].empty());
    CHECK(packed[http::field::content_encoding] == "gzip");
    CHECK(packed[http::field::vary] == "Accept-Encoding");
    CHECK(packed.body()->size() < plain.body()->size());
    CHECK(packed.body()->substr(0, 2) == "\x1f\x8b");
    CHECK(ask("")[http::field::content_length] == std::to_string(plain.body()->size()));
    CHECK(ask("").body() == plain.body());  // the same bytes, shared: no copy per request
}
