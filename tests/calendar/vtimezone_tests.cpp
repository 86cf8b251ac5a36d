#include <catch2/catch.hpp>

#include "calendar/ics_lint.hpp"
#include "calendar/vtimezone.hpp"
#include "calendar/zoned.hpp"

using namespace tp::calendar;

namespace {
std::string vtimezone(const char* zone, const char* from, const char* to) {
    const auto& z = *find_zone(zone);
    std::string out;
    append_vtimezone(out, z, resolve_local(parse_local_date_time(from), z),
                     resolve_local(parse_local_date_time(to), z));
    return out;
}
std::string lines(std::initializer_list<const char*> ls) {
    std::string s;
    for (const char* l : ls) s += std::string(l) + "\r\n";
    return s;
}
}  // namespace

TEST_CASE("Europe/Berlin becomes two yearly rules on the last Sundays of March and October") {
    const auto text = vtimezone("Europe/Berlin", "2027-09-20T10:00", "2027-09-20T17:00");
    CHECK(text == lines({"BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "TZNAME:CET", "TZOFFSETFROM:+0200",
                         "TZOFFSETTO:+0100", "DTSTART:20261025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                         "END:STANDARD", "BEGIN:DAYLIGHT", "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
                         "DTSTART:20260329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                         "END:VTIMEZONE"}));
}

TEST_CASE("many years of one rule stay one block per kind") {
    const auto text = vtimezone("Europe/Berlin", "2026-01-10T10:00", "2031-12-10T10:00");
    CHECK(text.find("BEGIN:STANDARD") == text.rfind("BEGIN:STANDARD"));
    CHECK(text.find("BEGIN:DAYLIGHT") == text.rfind("BEGIN:DAYLIGHT"));
    CHECK(text.find("UNTIL") == std::string::npos);
}

TEST_CASE("America/New_York uses the second Sunday of March and the first of November") {
    const auto text = vtimezone("America/New_York", "2027-07-01T09:00", "2027-07-01T10:00");
    CHECK_THAT(text, Catch::Contains("DTSTART:20260308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"));
    CHECK_THAT(text, Catch::Contains("DTSTART:20261101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"));
    CHECK_THAT(text, Catch::Contains("TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400"));
}

TEST_CASE("a rule change splits the rule and ends the old one with a UTC UNTIL at the end of its last local day") {
    // The US moved DST in 2007: first Sunday of April / last of October before, second of March / first of
    // November after. UNTIL exactly on the last onset loses that onset in some readers (dateutil, rrule.js); the
    // end of its local day (23:59:59 in the offset it starts) is included by every reader and adds none.
    const auto text = vtimezone("America/New_York", "2006-01-10T10:00", "2008-01-10T10:00");
    CHECK_THAT(text, Catch::Contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060403T035959Z"));
    CHECK_THAT(text, Catch::Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061030T045959Z"));
    CHECK_THAT(text, Catch::Contains("DTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"));
    CHECK_THAT(text, Catch::Contains("DTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"));
}

TEST_CASE("a zone without DST gets one STANDARD block") {
    const auto text = vtimezone("Asia/Tokyo", "2027-07-01T09:00", "2027-07-01T10:00");
    CHECK(text == lines({"BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "TZNAME:JST", "TZOFFSETFROM:+0900",
                         "TZOFFSETTO:+0900", "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE"}));
}

TEST_CASE("a zone that gave up DST keeps its last change and no rule") {
    // Iran's last change: 2022-09-21 24:00 local DST, written as the next midnight.
    const auto text = vtimezone("Asia/Tehran", "2027-07-01T09:00", "2027-07-01T10:00");
    CHECK(text.find("RRULE") == std::string::npos);
    CHECK(text.find("BEGIN:DAYLIGHT") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("TZOFFSETFROM:+0430\r\nTZOFFSETTO:+0330\r\nDTSTART:20220922T000000"));
}

TEST_CASE("southern hemisphere zones start DST in spring of their own") {
    const auto text = vtimezone("Australia/Sydney", "2027-07-01T09:00", "2027-07-01T10:00");
    CHECK_THAT(text, Catch::Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"));
    CHECK_THAT(text, Catch::Contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"));
    CHECK_THAT(text, Catch::Contains("TZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100"));
}

TEST_CASE("a rule still in force when the tz files end (2037) stays open") {
    const auto text = vtimezone("Europe/Berlin", "2037-09-20T10:00", "2037-09-20T12:00");
    CHECK(text.find("UNTIL") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("BYMONTH=10;BYDAY=-1SU"));
}
