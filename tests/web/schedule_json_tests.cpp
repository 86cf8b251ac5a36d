#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <regex>

#include "sample_event.hpp"
#include "web/schedule_json.hpp"

using namespace tp;
using namespace std::chrono;
namespace json = boost::json;

namespace {

// A two-day barcamp (10:00 on 20 September to 17:00 on the 21st, Berlin) with a session on each day.
struct two_days {
    calendar::event e = testing::sample_event();
    calendar::programme p;
    two_days() {
        e.end += 24h;
        p.rooms = {{7, "Raum 2", 20}, {5, "Aula", 80}};
        p.slots = {{1, e.start + 1h, e.start + 2h}, {2, e.start + 24h, e.start + 24h + 45min}};
        p.sessions = {{.id = 4,
                       .uid = "session-0123456789abcdef0123456789abcdef@treffpunkt",
                       .title = "Löten",
                       .description = "Mit Lötkolben",
                       .host = "Anna",
                       .kind = calendar::session_kind::hands_on,
                       .room = 5,
                       .slot = 2},
                      {.id = 9,
                       .uid = "session-fedcba9876543210fedcba9876543210@treffpunkt",
                       .title = "Drohnen",
                       .host = "Ben",
                       .room = 7,
                       .slot = 1},
                      {.id = 11, .uid = "session-x@treffpunkt", .title = "Offen", .host = "Carl"}};
    }
    json::value document() const { return json::parse(web::schedule_json(e, p, "https://tp.test", e.start - 1h)); }
};

}  // namespace

TEST_CASE("session guids are UUID-shaped, stable and distinct") {
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    const auto a = web::session_guid("session-0123456789abcdef0123456789abcdef@treffpunkt");
    CHECK(std::regex_match(a, uuid));
    CHECK(a == web::session_guid("session-0123456789abcdef0123456789abcdef@treffpunkt"));
    CHECK(a != web::session_guid("session-fedcba9876543210fedcba9876543210@treffpunkt"));
    CHECK(std::regex_match(web::session_guid("x"), uuid));
}

TEST_CASE("the schedule JSON: conference, one day per barcamp day, each room's sessions with local times") {
    const auto doc = two_days().document();
    const auto& conf = doc.at("schedule").at("conference");
    CHECK(conf.at("title") == "MINT:Barcamp");
    CHECK(conf.at("start") == "2027-09-20T10:00:00+02:00");
    CHECK(conf.at("end") == "2027-09-21T17:00:00+02:00");
    CHECK(conf.at("time_zone_name") == "Europe/Berlin");
    CHECK(conf.at("daysCount") == 2);
    CHECK(conf.at("rooms").as_array().size() == 2);
    const auto& days = conf.at("days").as_array();
    REQUIRE(days.size() == 2);
    CHECK(days[0].at("date") == "2027-09-20");
    CHECK(days[0].at("day_start") == "2027-09-20T10:00:00+02:00");
    CHECK(days[1].at("day_end") == "2027-09-21T17:00:00+02:00");
    const auto& first = days[0].at("rooms").at("Raum 2").as_array();
    REQUIRE(first.size() == 1);
    CHECK(first[0].at("title") == "Drohnen");
    CHECK(first[0].at("start") == "11:00");
    CHECK(first[0].at("duration") == "01:00");
    CHECK(first[0].at("date") == "2027-09-20T11:00:00+02:00");
    CHECK(first[0].at("room") == "Raum 2");
    CHECK(first[0].at("persons").as_array().at(0).at("public_name") == "Ben");
    CHECK(first[0].at("url") == "https://tp.test/events/mint-barcamp-2027/sessions#session-9");
    CHECK(days[0].at("rooms").at("Aula").as_array().empty());
    const auto& second = days[1].at("rooms").at("Aula").as_array();
    REQUIRE(second.size() == 1);
    CHECK(second[0].at("type") == "hands-on");
    CHECK(second[0].at("duration") == "00:45");
    CHECK(second[0].at("abstract") == "Mit Lötkolben");
    CHECK(doc.at("schedule").at("version") == "20270920T070000Z");
}

TEST_CASE("unplaced sessions stay out of the schedule") {
    const auto text = web::schedule_json(two_days().e, two_days().p, "https://tp.test", two_days().e.start);
    CHECK(text.find("Offen") == std::string::npos);
    CHECK(text.find("Drohnen") != std::string::npos);
}
