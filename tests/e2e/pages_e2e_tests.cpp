#include <catch2/catch.hpp>

#include "e2e/fixture_server.hpp"

using namespace tp;
using testing::get;
namespace http = testing::http;

TEST_CASE("the start page lists upcoming events in the visitor's language") {
    testing::fixture_server s;
    const auto de = get(s.port(), "/");
    REQUIRE(de.result() == http::status::ok);
    CHECK(de[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(de[http::field::content_language] == "de");
    CHECK(de[http::field::vary] == "Accept-Language, Accept-Encoding");  // cached pages also come gzipped
    CHECK_THAT(de.body(), Catch::Contains("Kommende Veranstaltungen"));
    CHECK_THAT(de.body(), Catch::Contains("aria-current=\"page\">Januar 2027 <span"));  // the first month
    CHECK(de.body().find("Entwurf") == std::string::npos);
    const auto september = get(s.port(), "/?month=2027-09");
    CHECK_THAT(september.body(), Catch::Contains("Montag, 20. September 2027, 10:00–17:00 Uhr"));
    CHECK_THAT(get(s.port(), "/?month=2027-03").body(), Catch::Contains("MINT &amp; Mädchen 🎉"));
    const auto en = get(s.port(), "/?month=2027-09", {{"Accept-Language", "en-GB,en;q=0.9,de;q=0.5"}});
    CHECK(en[http::field::content_language] == "en");
    CHECK_THAT(en.body(), Catch::Contains("Monday, 20 September 2027, 10:00–17:00"));
    const auto by_query = get(s.port(), "/?lang=en&month=2027-09", {{"Accept-Language", "de"}});
    CHECK_THAT(by_query.body(), Catch::Contains("Upcoming events"));
    CHECK_THAT(by_query.body(), Catch::Contains("href=\"/events/mint-barcamp-2027?lang=en\""));
    CHECK_THAT(by_query.body(), Catch::Contains("href=\"/?month=2027-09&amp;lang=de\""));  // the month stays
}

TEST_CASE("the start page's search finds events by title, network and place, and a bad month is a 400") {
    testing::fixture_server s;
    const auto found = get(s.port(), "/?q=barcamp+HAMBURG").body();
    CHECK_THAT(found, Catch::Contains("Eine Veranstaltung gefunden für „barcamp HAMBURG“."));
    CHECK_THAT(found, Catch::Contains("href=\"/events/mint-barcamp-2027\""));
    const auto by_network = get(s.port(), "/?q=thuringen&month=2027-07&lang=en").body();  // "MINT-Regionen Thüringen"
    CHECK_THAT(by_network, Catch::Contains("STEM webinar from Bengaluru"));
    const auto none = get(s.port(), "/?q=gibt-es-nicht");
    CHECK(none.result() == http::status::ok);
    CHECK_THAT(none.body(), Catch::Contains("Keine Veranstaltung gefunden"));
    const auto bad = get(s.port(), "/?month=2027-13");
    CHECK(bad.result() == http::status::bad_request);
    CHECK_THAT(bad.body(), Catch::Contains("„2027-13“ ist kein Monat"));
    CHECK(get(s.port(), "/?page=0&lang=en").result() == http::status::bad_request);
}

TEST_CASE("past events leave the start page but keep their page") {
    testing::fixture_server s;
    s.now = calendar::sys_seconds{std::chrono::seconds{1'800'000'000}};  // 2027-01-15
    s.now += std::chrono::hours{24 * 180};                               // mid-July 2027
    const auto page = get(s.port(), "/").body();
    CHECK(page.find("Tag der offenen Labore") == std::string::npos);
    CHECK(get(s.port(), "/?q=barcamp").body().find("MINT:Barcamp 2027") != std::string::npos);
    CHECK(get(s.port(), "/?q=labore").body().find("Keine Veranstaltung gefunden") != std::string::npos);
    const auto past = get(s.port(), "/events/tag-der-offenen-labore");
    CHECK(past.result() == http::status::ok);
    CHECK_THAT(past.body(), Catch::Contains("bereits stattgefunden"));
}

TEST_CASE("filters narrow the list and bad filters get a 400 page") {
    testing::fixture_server s;
    const auto filtered = get(s.port(), "/?network=mint-thueringen&kind=webinar").body();
    CHECK_THAT(filtered, Catch::Contains("STEM webinar from Bengaluru"));
    CHECK(filtered.find("MINT:Barcamp") == std::string::npos);
    CHECK_THAT(filtered, Catch::Contains("webcal://127.0.0.1:" + std::to_string(s.port()) +
                                         "/calendar.ics?network=mint-thueringen&amp;kind=webinar"));
    const auto bad = get(s.port(), "/?kind=party");
    CHECK(bad.result() == http::status::bad_request);
    CHECK_THAT(bad.body(), Catch::Contains("Ungültige Anfrage"));
    CHECK(get(s.port(), "/?network=nowhere").result() == http::status::bad_request);
    CHECK(get(s.port(), "/?network=%ZZ").result() == http::status::bad_request);
}

TEST_CASE("event, network and error pages") {
    testing::fixture_server s;
    const auto event = get(s.port(), "/events/mint-barcamp-2027");
    REQUIRE(event.result() == http::status::ok);
    CHECK_THAT(event.body(), Catch::Contains("<h1>MINT:Barcamp 2027</h1>"));
    CHECK_THAT(event.body(), Catch::Contains("<dt>Plätze</dt><dd>120</dd>"));
    CHECK_THAT(event.body(), Catch::Contains("Körber-Forum<br>Kehrwieder 12, 20457 Hamburg"));
    CHECK_THAT(event.body(), Catch::Contains("Dienstag, 1. Juni 2027, 09:00 Uhr"));
    CHECK(event[http::field::x_frame_options].empty());
    CHECK_THAT(std::string(event["Content-Security-Policy"]), Catch::Contains("frame-ancestors 'none'"));
    const auto online = get(s.port(), "/events/webinar-mint-maedchen").body();
    CHECK(online.find("private-room") == std::string::npos);
    const auto cancelled = get(s.port(), "/events/abgesagtes-treffen?lang=en").body();
    CHECK_THAT(cancelled, Catch::Contains("This event has been cancelled."));
    const auto ny = get(s.port(), "/events/transatlantic-exchange").body();
    CHECK_THAT(ny, Catch::Contains("Mittwoch, 10. März 2027, 12:00–13:00 Uhr (Zeitzone America/New_York)"));
    const auto network = get(s.port(), "/networks/ist-bochum");
    CHECK(network.result() == http::status::ok);
    CHECK_THAT(network.body(), Catch::Contains("mailto:anna@ist-bochum.example"));
    CHECK_THAT(network.body(), Catch::Contains("/networks/ist-bochum/calendar.ics"));
    CHECK_THAT(get(s.port(), "/networks").body(), Catch::Contains("MINT-Regionen Thüringen"));
    CHECK(get(s.port(), "/networks/").result() == http::status::ok);
    const auto missing = get(s.port(), "/events/entwurf-geheim");
    CHECK(missing.result() == http::status::not_found);
    CHECK_THAT(missing.body(), Catch::Contains("Seite nicht gefunden"));
    CHECK(get(s.port(), "/no/such/page").result() == http::status::not_found);
    const auto css = get(s.port(), "/static/style.css");
    CHECK(css[http::field::content_type] == "text/css; charset=utf-8");
    CHECK(css.body().size() > 500);
}

TEST_CASE("series pages describe the rule and list upcoming dates, occurrences link back") {
    testing::fixture_server s;
    const auto series = get(s.port(), "/series/alumni-austauschrunde");
    REQUIRE(series.result() == http::status::ok);
    CHECK_THAT(series.body(), Catch::Contains("alle 2 Monate am letzten Dienstag, 17:00–18:30 Uhr"));
    CHECK_THAT(series.body(), Catch::Contains("Alumni-Austauschrunde (verschoben)"));
    CHECK_THAT(series.body(), Catch::Contains("Donnerstag, 27. Mai 2027, 17:00–18:30 Uhr"));
    // The skipped date is not among the upcoming ones; the list of changed dates says it is skipped.
    const auto skipped = series.body().find("Dienstag, 27. Juli 2027, 17:00 Uhr entfällt.");
    CHECK(skipped != std::string::npos);
    CHECK(series.body().rfind("27. Juli 2027") == skipped + std::string("Dienstag, ").size());  // only there
    CHECK_THAT(
        series.body(),
        Catch::Contains("Dienstag, 25. Mai 2027, 17:00 Uhr ist verschoben auf Donnerstag, 27. Mai 2027, 17:00 Uhr."));
    CHECK_THAT(series.body(), Catch::Contains("/series/alumni-austauschrunde.ics"));
    CHECK_THAT(get(s.port(), "/series/alumni-austauschrunde?lang=en").body(),
               Catch::Contains("every 2 months on the last Tuesday, 17:00–18:30"));
    const auto occurrence = get(s.port(), "/events/alumni-austauschrunde-2027-03-30");
    REQUIRE(occurrence.result() == http::status::ok);
    CHECK_THAT(occurrence.body(),
               Catch::Contains("<dt>Teil der Reihe</dt><dd><a href=\"/series/alumni-austauschrunde\">"));
    CHECK_THAT(get(s.port(), "/?month=2027-03").body(), Catch::Contains("/events/alumni-austauschrunde-2027-03-30"));
    CHECK(get(s.port(), "/series/nothing").result() == http::status::not_found);
}
