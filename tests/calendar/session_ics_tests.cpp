#include <catch2/catch.hpp>

#include "calendar/ics_lint.hpp"
#include "calendar/session_ics.hpp"
#include "sample_event.hpp"

using namespace tp::calendar;
using namespace std::chrono;
using tp::testing::sample_event;

namespace {

const feed_info feed{"MINT:Barcamp – Sessions", "", "https://tp.test/events/mint-barcamp-2027/sessions",
                     "https://tp.test", false};

// Two rooms and two slots of the sample barcamp (10:00 Berlin); session 3 is unplaced.
programme sample_programme() {
    const auto start = sample_event().start;
    programme p;
    p.rooms = {{7, "Raum 2", 20}, {5, "Aula", 80}};
    p.slots = {{1, start, start + 45min}, {2, start + 1h, start + 2h}};
    p.sessions = {
        {.id = 1,
         .uid = "session-a@treffpunkt",
         .title = "Roboter; im Unterricht",
         .description = "Mit Calliope",
         .host = "Anna Schmidt",
         .kind = session_kind::workshop,
         .votes = 12,
         .room = 5,
         .slot = 2,
         .sequence = 2,
         .created_at = start - 24h,
         .updated_at = start - 1h},
        {.id = 2,
         .uid = "session-b@treffpunkt",
         .title = "MINT & Mädchen",
         .host = "Ben",
         .room = 7,
         .slot = 1,
         .created_at = start - 24h,
         .updated_at = start - 2h},
        {.id = 3,
         .uid = "session-c@treffpunkt",
         .title = "Noch offen",
         .host = "Carl",
         .created_at = start,
         .updated_at = start},
    };
    return p;
}

std::string unfolded(std::string text) {
    for (std::size_t p; (p = text.find("\r\n ")) != std::string::npos;) text.erase(p, 3);
    return text;
}

}  // namespace

TEST_CASE("scheduled sessions are VEVENTs in plan order: room as LOCATION, related to the barcamp") {
    const auto raw = write_sessions_ics(feed, sample_event(), sample_programme());
    CHECK(lint_ics(raw).empty());
    const auto text = unfolded(raw);
    const auto b = text.find("UID:session-b@treffpunkt"), a = text.find("UID:session-a@treffpunkt");
    REQUIRE(b != std::string::npos);
    REQUIRE(a != std::string::npos);
    CHECK(b < a);                                        // 10:00 before 11:00
    CHECK(text.find("session-c") == std::string::npos);  // not placed: not in the feed
    const auto first = text.substr(a, text.find("END:VEVENT", a) - a);
    for (const char* line :
         {"DTSTART;TZID=Europe/Berlin:20270920T110000\r\n", "DTEND;TZID=Europe/Berlin:20270920T120000\r\n",
          "SUMMARY:Roboter\\; im Unterricht\r\n", "LOCATION:Aula\\, Körber-Forum\r\n",
          "RELATED-TO;RELTYPE=PARENT:mint-barcamp-2027@treffpunkt.test\r\n", "SEQUENCE:2\r\n",
          "CONTACT:Anna Schmidt\r\n", "CATEGORIES:Workshop\r\n", "STATUS:CONFIRMED\r\n",
          "DESCRIPTION:Anna Schmidt\\n\\nMit Calliope\\n\\nhttps://tp.test/events/mint-barcamp-2027/sessions\r\n",
          "URL;VALUE=URI:https://tp.test/events/mint-barcamp-2027/sessions#session-1\r\n"}) {
        CAPTURE(line);
        CHECK_THAT(first, Catch::Contains(line));
    }
    CHECK_THAT(text, Catch::Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    CHECK_THAT(text, Catch::Contains("X-WR-CALNAME:MINT:Barcamp – Sessions\r\n"));
}

TEST_CASE("the sessions feed: same data, same bytes, an empty plan is still a valid calendar") {
    CHECK(write_sessions_ics(feed, sample_event(), sample_programme()) ==
          write_sessions_ics(feed, sample_event(), sample_programme()));
    const auto empty = write_sessions_ics(feed, sample_event(), {});
    CHECK(lint_ics(empty).empty());
    CHECK(empty.find("BEGIN:VEVENT") == std::string::npos);
    CHECK(empty.find("BEGIN:VTIMEZONE") == std::string::npos);
}

TEST_CASE("a cancelled barcamp cancels its sessions, a UTC barcamp writes UTC times") {
    auto e = sample_event();
    e.status = event_status::cancelled;
    const auto cancelled = write_sessions_ics(feed, e, sample_programme());
    CHECK_THAT(cancelled, Catch::Contains("STATUS:CANCELLED\r\n"));
    CHECK(cancelled.find("STATUS:CONFIRMED") == std::string::npos);
    e.status = event_status::published;
    e.time_zone = "UTC";
    const auto utc = write_sessions_ics(feed, e, sample_programme());
    CHECK_THAT(utc, Catch::Contains("DTSTART:20270920T080000Z\r\n"));
    CHECK(utc.find("VTIMEZONE") == std::string::npos);
    CHECK(lint_ics(utc).empty());
}
