#include <catch2/catch.hpp>

#include "calendar/ics_lint.hpp"
#include "e2e/fixture_server.hpp"
#include "server/conditional.hpp"

using namespace tp;
using testing::get;
namespace http = testing::http;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

void require_valid_feed(const testing::client_response& res) {
    REQUIRE(res.result() == http::status::ok);
    CHECK(res[http::field::content_type] == "text/calendar; charset=utf-8");
    const auto problems = calendar::lint_ics(res.body());
    INFO(res.body());
    CAPTURE(problems);
    CHECK(problems.empty());
}

}  // namespace

TEST_CASE("every feed is lint-clean, keeps drafts and private join links out") {
    testing::fixture_server s;
    for (const char* target :
         {"/calendar.ics", "/calendar.ics?kind=webinar&kind=barcamp", "/calendar.ics?lang=en",
          "/networks/ist-bochum/calendar.ics", "/networks/mint-thueringen/calendar.ics",
          "/calendar.ics?network=mint-thueringen&kind=meeting", "/events/mint-barcamp-2027.ics",
          "/events/webinar-mint-maedchen.ics", "/events/tag-der-offenen-labore.ics", "/events/abgesagtes-treffen.ics",
          "/series/alumni-austauschrunde.ics", "/events/alumni-austauschrunde-2027-03-30.ics"}) {
        CAPTURE(target);
        const auto res = get(s.port(), target);
        require_valid_feed(res);
        CHECK(res.body().find("Entwurf") == std::string::npos);
        CHECK(res.body().find("private-room") == std::string::npos);
        CHECK(res.body().find("festival-secret") == std::string::npos);
        CHECK(res.body().find("alumni-private") == std::string::npos);
        CHECK(res.body().find("METHOD") == std::string::npos);
    }
}

TEST_CASE("feeds hold exactly the events their filter names") {
    testing::fixture_server s;
    // 10 single events; 3 series masters with 2 overrides; occurrences are not repeated as events.
    CHECK(count(get(s.port(), "/calendar.ics").body(), "BEGIN:VEVENT") == 15);
    const auto series_url = "URL;VALUE=URI:http://127.0.0.1:" + std::to_string(s.port()) + "/series/";
    CHECK(count(get(s.port(), "/calendar.ics").body(), series_url) == 3);  // one master per series
    CHECK(count(get(s.port(), "/networks/ist-bochum/calendar.ics").body(), "BEGIN:VEVENT") == 6);
    const auto webinars = get(s.port(), "/calendar.ics?kind=webinar").body();
    CHECK(count(webinars, "BEGIN:VEVENT") == 3);
    CHECK(count(webinars, "CATEGORIES:Webinar") == 3);
    CHECK(count(get(s.port(), "/calendar.ics?network=mint-thueringen&kind=meeting").body(), "BEGIN:VEVENT") == 3);
    const auto one = get(s.port(), "/events/abgesagtes-treffen.ics");
    CHECK(count(one.body(), "BEGIN:VEVENT") == 1);
    CHECK(one.body().find("STATUS:CANCELLED") != std::string::npos);
    CHECK(one.body().find("SUMMARY:Abgesagt: Abgesagtes Netzwerktreffen\r\n") != std::string::npos);
    CHECK(get(s.port(), "/events/abgesagtes-treffen.ics?lang=en")
              .body()
              .find("SUMMARY:Cancelled: Abgesagtes Netzwerktreffen\r\n") != std::string::npos);
    CHECK(one[http::field::content_disposition] == "attachment; filename=\"abgesagtes-treffen.ics\"");
    CHECK(count(get(s.port(), "/calendar.ics").body(), "BEGIN:VTIMEZONE") == 3);
}

TEST_CASE("bad feed queries and unknown feeds are answered clearly") {
    testing::fixture_server s;
    const auto bad_kind = get(s.port(), "/calendar.ics?kind=party");
    CHECK(bad_kind.result() == http::status::bad_request);
    CHECK_THAT(bad_kind.body(), Catch::Contains("„party“ ist keine Art von Veranstaltung"));  // German by default
    const auto english = get(s.port(), "/calendar.ics?kind=party", {{"Accept-Language", "en"}});
    CHECK_THAT(english.body(), Catch::Contains("kind: &#39;party&#39; is not one of"));
    CHECK(get(s.port(), "/calendar.ics?network=nowhere").result() == http::status::bad_request);
    CHECK(get(s.port(), "/calendar.ics?lang=fr").result() == http::status::bad_request);
    CHECK(get(s.port(), "/networks/nowhere/calendar.ics").result() == http::status::not_found);
    CHECK(get(s.port(), "/events/entwurf-geheim.ics").result() == http::status::not_found);
    CHECK(get(s.port(), "/events/nothing.ics").result() == http::status::not_found);
    CHECK(get(s.port(), "/series/nothing.ics").result() == http::status::not_found);
}

TEST_CASE("revalidation answers 304 by ETag and by date") {
    testing::fixture_server s;
    const auto first = get(s.port(), "/calendar.ics");
    const std::string etag(first[http::field::etag]);
    const std::string modified(first[http::field::last_modified]);
    REQUIRE(etag.size() == 34);
    REQUIRE_FALSE(modified.empty());
    // One server for all rows: each server's import gives new UIDs and so another ETag.
    const std::vector<std::pair<testing::header_list, http::status>> rows{
        {{{"If-None-Match", etag}}, http::status::not_modified},
        {{{"If-None-Match", "W/" + etag}}, http::status::not_modified},
        {{{"If-None-Match", "\"other\", " + etag}}, http::status::not_modified},
        {{{"If-None-Match", "*"}}, http::status::not_modified},
        {{{"If-None-Match", "\"other\""}}, http::status::ok},
        {{{"If-Modified-Since", modified}}, http::status::not_modified},
        {{{"If-Modified-Since", "Sun, 01 Jan 2090 00:00:00 GMT"}}, http::status::not_modified},
        {{{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}}, http::status::ok},
        {{{"If-Modified-Since", "yesterday"}}, http::status::ok},
        {{{"If-None-Match", "\"other\""}, {"If-Modified-Since", modified}}, http::status::ok},
    };
    for (const auto& [headers, status] : rows) {
        std::string shown;
        for (const auto& [k, v] : headers) shown += k + ": " + v + "; ";
        CAPTURE(shown);
        const auto res = get(s.port(), "/calendar.ics", headers);
        CHECK(res.result() == status);
        CHECK(res[http::field::etag] == etag);
        if (status == http::status::not_modified) CHECK(res.body().empty());
    }
}

TEST_CASE("HEAD gives the headers of GET and no body") {
    testing::fixture_server s;
    testing::http_connection c(s.port());
    const auto head = c.request(http::verb::head, "/calendar.ics");
    const auto full = c.request(http::verb::get, "/calendar.ics");  // same connection: HEAD left no stray bytes
    CHECK(head.result() == http::status::ok);
    CHECK(head.body().empty());
    CHECK(head[http::field::content_length] == std::to_string(full.body().size()));
    CHECK(head[http::field::etag] == full[http::field::etag]);
}

TEST_CASE("a write is visible in the next feed, with a new ETag and a later Last-Modified") {
    testing::fixture_server s;
    const auto before = get(s.port(), "/networks/ist-bochum/calendar.ics");
    auto changed = s.db().event_by_slug("mint-barcamp-2027").value();
    changed.title = "MINT:Barcamp 2027 – neuer Titel";
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // Last-Modified has one-second resolution
    s.db().upsert({}, {&changed, 1});
    const auto after = get(s.port(), "/networks/ist-bochum/calendar.ics");
    CHECK(after.body().find("neuer Titel") != std::string::npos);
    CHECK(after[http::field::etag] != before[http::field::etag]);
    const auto t0 = server::parse_http_date(before[http::field::last_modified]);
    const auto t1 = server::parse_http_date(after[http::field::last_modified]);
    REQUIRE((t0 && t1));
    CHECK(*t1 > *t0);
    const auto revalidated = get(s.port(), "/networks/ist-bochum/calendar.ics",
                                 {{"If-Modified-Since", std::string(before[http::field::last_modified])}});
    CHECK(revalidated.result() == http::status::ok);
}

TEST_CASE("a write by another process reaches the feed once the server refreshes") {
    testing::fixture_server s;
    const auto before = get(s.port(), "/calendar.ics").body();
    {
        store::store other(s.db_path());
        auto e = other.event_by_slug("india-webinar").value();
        e.title = "Changed elsewhere";
        other.upsert({}, {&e, 1});
    }
    s.db().refresh_data_version();  // the serve command does this every second
    const auto after = get(s.port(), "/calendar.ics").body();
    CHECK(after != before);
    CHECK(after.find("Changed elsewhere") != std::string::npos);
}

TEST_CASE("metrics count requests by route and status and the feed cache") {
    testing::fixture_server s;
    (void)get(s.port(), "/calendar.ics");
    (void)get(s.port(), "/calendar.ics");
    (void)get(s.port(), "/nowhere");
    const auto m = get(s.port(), "/metrics");
    REQUIRE(m.result() == http::status::ok);
    CHECK_THAT(m.body(), Catch::Contains("treffpunkt_http_requests_total{route=\"feed\",status=\"200\"} 2"));
    CHECK_THAT(m.body(), Catch::Contains("treffpunkt_http_requests_total{route=\"not_found\",status=\"404\"} 1"));
    CHECK_THAT(m.body(), Catch::Contains("treffpunkt_feed_cache_hits_total 1\n"));
    CHECK_THAT(m.body(), Catch::Contains("treffpunkt_feed_cache_misses_total 1\n"));
    CHECK_THAT(m.body(), Catch::Contains("treffpunkt_http_request_duration_seconds_bucket{le=\"+Inf\"} 3"));
    CHECK(get(s.port(), "/healthz").body() == "ok\n");
}
