// Our iTIP messages through libical (Debian libical-dev), the parser behind Evolution and many servers: it
// checks each METHOD's rules from RFC 5546 (required and forbidden properties per method) and reports problems
// as X-LIC-ERROR properties.
#include <catch2/catch.hpp>

#include <libical/ical.h>

#include <memory>

#include "calendar/itip.hpp"
#include "calendar/session_ics.hpp"
#include "sample_event.hpp"

using namespace tp::calendar;
using tp::testing::sample_event;

namespace {

struct component_deleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using component_ptr = std::unique_ptr<icalcomponent, component_deleter>;

// The number of problems libical finds, after its RFC 5546 restriction check.
int problems(const std::string& text, icalproperty_method expected) {
    component_ptr root(icalparser_parse_string(text.c_str()));
    REQUIRE(root);
    CHECK(icalcomponent_get_method(root.get()) == expected);
    icalrestriction_check(root.get());
    const int errors = icalcomponent_count_errors(root.get());
    if (errors > 0) INFO(icalcomponent_as_ical_string(root.get()));
    return errors;
}

std::vector<event> variants() {
    auto timed = sample_event();
    auto online = sample_event("webinar");
    online.format = event_format::online;
    online.join_url = "https://meet.example/room?id=1,2;x";
    online.sequence = 3;
    auto all_day = sample_event("fachtag");
    all_day.all_day = true;
    auto utc = sample_event("utc");
    utc.time_zone = "UTC";
    return {timed, online, all_day, utc};
}

}  // namespace

TEST_CASE("libical accepts our REQUEST and CANCEL messages under RFC 5546's rules") {
    for (const auto& e : variants()) {
        for (const auto method : {itip_method::request, itip_method::cancel}) {
            CAPTURE(e.slug, to_string(method));
            itip_message m;
            m.method = method;
            m.organizer = {"MINT-Region, Team \"Nord\"", "team@mint.example"};
            m.attendee = {"Müller; Anna", "anna@example.org"};
            m.base_url = "https://tp.test";
            m.sequence = e.sequence + (method == itip_method::cancel ? 1 : 0);
            m.stamp = e.updated_at;
            const auto text = write_itip(e, m);
            CHECK(problems(text, method == itip_method::request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL) == 0);
        }
    }
}

TEST_CASE("the libical check can fail: a REQUEST without ORGANIZER is reported") {
    itip_message m;
    m.organizer = {"Team", "team@mint.example"};
    m.attendee = {"Anna", "anna@example.org"};
    auto text = write_itip(sample_event(), m);
    const auto at = text.find("ORGANIZER");
    text.erase(at, text.find("\r\n", at) + 2 - at);
    CHECK(problems(text, ICAL_METHOD_REQUEST) > 0);
}

TEST_CASE("libical reads the sessions feed: each session with its room, its parent barcamp and its instant") {
    const auto barcamp = sample_event();
    programme p;
    p.rooms = {{1, "Aula; groß", 80}};
    p.slots = {{2, barcamp.start + std::chrono::hours{1}, barcamp.start + std::chrono::hours{2}}};
    p.sessions = {{.id = 3,
                   .uid = "session-3@treffpunkt",
                   .title = "Roboter, Calliope & Co.",
                   .host = "Anna",
                   .room = 1,
                   .slot = 2,
                   .sequence = 4,
                   .created_at = barcamp.created_at,
                   .updated_at = barcamp.updated_at}};
    const feed_info feed{"Sessions", "", "https://tp.test/events/mint-barcamp-2027/sessions", "https://tp.test", false};
    component_ptr root(icalparser_parse_string(write_sessions_ics(feed, barcamp, p).c_str()));
    REQUIRE(root);
    CHECK(icalcomponent_count_errors(root.get()) == 0);
    auto* vevent = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(vevent);
    CHECK(std::string(icalcomponent_get_summary(vevent)) == "Roboter, Calliope & Co.");
    CHECK(std::string(icalcomponent_get_location(vevent)) == "Aula; groß, Körber-Forum");
    CHECK(icalcomponent_get_sequence(vevent) == 4);
    auto* related = icalcomponent_get_first_property(vevent, ICAL_RELATEDTO_PROPERTY);
    REQUIRE(related);
    CHECK(std::string(icalproperty_get_relatedto(related)) == barcamp.uid);
    CHECK(icalparameter_get_reltype(icalproperty_get_first_parameter(related, ICAL_RELTYPE_PARAMETER)) ==
          ICAL_RELTYPE_PARENT);
    // The start through our VTIMEZONE (libical resolves the TZID inside the calendar): 11:00 Berlin = 09:00 UTC.
    const auto start = icalcomponent_get_dtstart(vevent);
    const auto* zone = icalcomponent_get_timezone(root.get(), "Europe/Berlin");
    REQUIRE(zone);
    CHECK(icaltime_as_timet_with_zone(start, zone) ==
          std::chrono::system_clock::to_time_t(std::chrono::system_clock::time_point{p.slots[0].start}));
    CHECK(icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT) == nullptr);
}
