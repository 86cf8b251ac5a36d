#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "server/demo_data.hpp"
#include "temp_path.hpp"
#include "web/import_document.hpp"

using namespace tp;

TEST_CASE("demo data is valid on every day of a year, upcoming, and avoids the Christmas holidays") {
    const auto first = calendar::parse_local_date("2026-01-01");
    for (int offset = 0; offset < 366; offset += 5) {
        const auto today = first + date::days{offset};
        CAPTURE(calendar::format_iso_date(today));
        const auto parsed = web::parse_import(server::demo_document(today));
        REQUIRE(parsed.errors.empty());
        CHECK(parsed.document.networks.size() == 4);
        CHECK(parsed.document.events.size() == 8);
        REQUIRE(parsed.document.series.size() == 1);
        CHECK(parsed.document.series[0].exdates.size() == 1);
        CHECK(parsed.document.series[0].overrides.size() == 1);
        const auto& berlin = *calendar::find_zone("Europe/Berlin");
        for (const auto& e : parsed.document.events) {
            const date::year_month_day day{calendar::local_day_of(e.start, berlin)};
            CHECK(calendar::local_day_of(e.start, berlin) > today);
            const bool holidays = (day.month() == date::December && day.day() >= date::day{20}) ||
                                  (day.month() == date::January && day.day() <= date::day{6});
            CHECK_FALSE(holidays);
        }
    }
}

TEST_CASE("the demo barcamp has a programme: rooms, slots, sessions, most placed, no conflicts") {
    tp::testing::temp_path db;
    store::store s(db.str());
    const auto parsed = web::parse_import(server::demo_document(calendar::parse_local_date("2026-11-22")));
    s.upsert(parsed.document.networks, parsed.document.events, parsed.document.series);
    server::add_demo_programme(s);
    const auto p = s.programme("mint-barcamp").value();
    CHECK(p.rooms.size() == 3);
    CHECK(p.slots.size() == 3);
    REQUIRE(p.sessions.size() == 5);
    CHECK(std::count_if(p.sessions.begin(), p.sessions.end(),
                        [&](const calendar::barcamp_session& x) { return calendar::is_scheduled(p, x); }) == 4);
    CHECK(calendar::conflicts_of(p).empty());
}
