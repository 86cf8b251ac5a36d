#include <catch2/catch.hpp>

#include <chrono>

#include "calendar/rrule_expand.hpp"
#include "calendar/zoned.hpp"

using namespace tp::calendar;

namespace {

std::vector<occurrence> occurrences(const std::string& rule, const std::string& start, const char* zone,
                                    std::size_t limit) {
    const auto& z = *find_zone(zone);
    return expand(parse_rrule(rule), parse_local_date_time(start), z, sys_seconds{},
                  sys_seconds{std::chrono::seconds{2'145'916'800}}, limit);  // until 2038
}

std::vector<std::string> local_dates(const std::string& rule, const std::string& start, std::size_t limit = 8,
                                     const char* zone = "Europe/Berlin") {
    std::vector<std::string> out;
    for (const auto& o : occurrences(rule, start, zone, limit)) out.push_back(format_iso_local(o.local));
    return out;
}

std::vector<std::string> instants(const std::string& rule, const std::string& start, std::size_t limit,
                                  const char* zone = "Europe/Berlin") {
    std::vector<std::string> out;
    for (const auto& o : occurrences(rule, start, zone, limit)) out.push_back(format_utc(o.start));
    return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("rules parse and write back canonically") {
    const auto [text, canonical] = GENERATE(table<std::string, std::string>({
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU"},
        {"RRULE:FREQ=MONTHLY;BYDAY=1WE", "FREQ=MONTHLY;BYDAY=1WE"},
        {"BYDAY=MO,WE;FREQ=WEEKLY;COUNT=10", "FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE"},
        {"FREQ=WEEKLY;INTERVAL=1;WKST=MO", "FREQ=WEEKLY"},
        {"FREQ=WEEKLY;WKST=SU;BYDAY=TU,TH", "FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU"},
        {"FREQ=DAILY;UNTIL=20271231T225959Z", "FREQ=DAILY;UNTIL=20271231T225959Z"},
        {"FREQ=DAILY;UNTIL=20271231", "FREQ=DAILY;UNTIL=20271231"},
        {"FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU"},
        {"FREQ=MONTHLY;BYMONTHDAY=-1,15", "FREQ=MONTHLY;BYMONTHDAY=-1,15"},
        {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"},
        {"FREQ=MONTHLY;BYDAY=+2TU", "FREQ=MONTHLY;BYDAY=2TU"},
    }));
    CAPTURE(text);
    const auto r = parse_rrule(text);
    CHECK(to_string(r) == canonical);
    CHECK(parse_rrule(to_string(r)) == r);
}

TEST_CASE("bad and unsupported rules are rejected with a reason") {
    const auto [text, reason] = GENERATE(table<std::string, std::string>({
        {"", "the rule is empty"},
        {"INTERVAL=2", "FREQ is required"},
        {"FREQ", "is not of the form NAME=VALUE"},
        {"FREQ=HOURLY", "FREQ=HOURLY is not supported"},
        {"FREQ=FORTNIGHTLY", "is not one of DAILY, WEEKLY, MONTHLY, YEARLY"},
        {"FREQ=WEEKLY;BYHOUR=9", "BYHOUR is not supported"},
        {"FREQ=YEARLY;BYWEEKNO=3", "BYWEEKNO is not supported"},
        {"FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY is not supported"},
        {"FREQ=WEEKLY;X-FOO=1", "'X-FOO' is not a rule part"},
        {"FREQ=WEEKLY;INTERVAL=0", "INTERVAL: '0' is not a number from 1 to 1000"},
        {"FREQ=WEEKLY;INTERVAL=abc", "INTERVAL: 'abc'"},
        {"FREQ=WEEKLY;COUNT=1001", "COUNT: '1001'"},
        {"FREQ=WEEKLY;COUNT=5;UNTIL=20270101", "COUNT and UNTIL must not both be given"},
        {"FREQ=WEEKLY;BYDAY=2TU", "needs FREQ=MONTHLY or FREQ=YEARLY"},
        {"FREQ=MONTHLY;BYDAY=0TU", "must not be 0"},
        {"FREQ=MONTHLY;BYDAY=XX", "'XX' is not a weekday"},
        {"FREQ=MONTHLY;BYDAY=6", "is not a weekday"},
        {"FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY: '32'"},
        {"FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY: 0 is not a day"},
        {"FREQ=YEARLY;BYMONTH=13", "BYMONTH: '13'"},
        {"FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BY part"},
        {"FREQ=MONTHLY;BYDAY=", "BYDAY: the list is empty"},
        {"FREQ=WEEKLY;FREQ=DAILY", "FREQ is given twice"},
        {"FREQ=WEEKLY;UNTIL=2027-01-01", "UNTIL: '2027-01-01' must be a date"},
        {"FREQ=WEEKLY;UNTIL=20270101T000000", "must be a date (YYYYMMDD) or a UTC time"},
        {"FREQ=WEEKLY;UNTIL=20270230", "is not a valid date"},
        // Found by fuzz/fuzz_rrule: year 54 parsed, but was written back as "541202", which does not parse.
        {"FREQ=DAILY;UNTIL=00541202", "the year must lie between 1900 and 2999"},
        {"FREQ=DAILY;UNTIL=18991231T235959Z", "the year must lie between 1900 and 2999"},
        {"FREQ=DAILY;UNTIL=30000101", "the year must lie between 1900 and 2999"},
        {"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY does not go with FREQ=WEEKLY"},
        {"FREQ=WEEKLY;WKST=XY", "WKST: 'XY' is not a weekday"},
    }));
    CAPTURE(text);
    CHECK_THROWS_WITH(parse_rrule(text), Catch::Contains(reason));
}

TEST_CASE("expansion matches hand-checked dates") {
    const auto [rule, start, expected] = GENERATE(table<std::string, std::string, strings>({
        // The alumni exchange round: every second month on the last Tuesday.
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU",
         "2027-01-26T17:00",
         {"2027-01-26T17:00", "2027-03-30T17:00", "2027-05-25T17:00", "2027-07-27T17:00", "2027-09-28T17:00",
          "2027-11-30T17:00", "2028-01-25T17:00"}},
        {"FREQ=MONTHLY;BYDAY=1WE",
         "2027-01-06T16:00",
         {"2027-01-06T16:00", "2027-02-03T16:00", "2027-03-03T16:00", "2027-04-07T16:00", "2027-05-05T16:00"}},
        // The 31st skips short months, with and without BYMONTHDAY.
        {"FREQ=MONTHLY;BYMONTHDAY=31",
         "2027-01-31T10:00",
         {"2027-01-31T10:00", "2027-03-31T10:00", "2027-05-31T10:00", "2027-07-31T10:00", "2027-08-31T10:00"}},
        {"FREQ=MONTHLY", "2027-01-31T10:00", {"2027-01-31T10:00", "2027-03-31T10:00", "2027-05-31T10:00"}},
        {"FREQ=MONTHLY;BYMONTHDAY=-1",
         "2027-01-31T10:00",
         {"2027-01-31T10:00", "2027-02-28T10:00", "2027-03-31T10:00", "2027-04-30T10:00"}},
        // Leap years.
        {"FREQ=YEARLY", "2028-02-29T09:00", {"2028-02-29T09:00", "2032-02-29T09:00", "2036-02-29T09:00"}},
        {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
         "2027-02-28T09:00",
         {"2027-02-28T09:00", "2028-02-29T09:00", "2029-02-28T09:00"}},
        // The last working day of the month.
        {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
         "2027-01-29T15:00",
         {"2027-01-29T15:00", "2027-02-26T15:00", "2027-03-31T15:00", "2027-04-30T15:00"}},
        {"FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5",
         "2027-03-01T18:00",
         {"2027-03-01T18:00", "2027-03-03T18:00", "2027-03-08T18:00", "2027-03-10T18:00", "2027-03-15T18:00"}},
        // RFC 5545's WKST example: the week start changes which weeks count.
        {"FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
         "1997-08-05T09:00",
         {"1997-08-05T09:00", "1997-08-10T09:00", "1997-08-19T09:00", "1997-08-24T09:00"}},
        {"FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
         "1997-08-05T09:00",
         {"1997-08-05T09:00", "1997-08-17T09:00", "1997-08-19T09:00", "1997-08-31T09:00"}},
        // RFC 5545: the 20th Monday of the year.
        {"FREQ=YEARLY;BYDAY=20MO", "1997-05-19T09:00", {"1997-05-19T09:00", "1998-05-18T09:00", "1999-05-17T09:00"}},
        {"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
         "2027-03-28T10:00",
         {"2027-03-28T10:00", "2028-03-26T10:00", "2029-03-25T10:00"}},
        {"FREQ=DAILY;INTERVAL=10;COUNT=3",
         "2027-12-25T09:00",
         {"2027-12-25T09:00", "2028-01-04T09:00", "2028-01-14T09:00"}},
        {"FREQ=DAILY;BYDAY=SA,SU;UNTIL=20270612",
         "2027-06-05T10:00",
         {"2027-06-05T10:00", "2027-06-06T10:00", "2027-06-12T10:00"}},
    }));
    CAPTURE(rule, start);
    CHECK(
        local_dates(rule, start,
                    expected.size() +
                        (rule.find("COUNT") != std::string::npos || rule.find("UNTIL") != std::string::npos ? 5 : 0)) ==
        expected);
}

TEST_CASE("17:00 stays 17:00 across DST in both directions") {
    CHECK(instants("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU", "2027-01-26T17:00", 6) ==
          strings{"20270126T160000Z", "20270330T150000Z", "20270525T150000Z", "20270727T150000Z", "20270928T150000Z",
                  "20271130T160000Z"});
    CHECK(instants("FREQ=WEEKLY", "2027-10-24T17:00", 3) ==
          strings{"20271024T150000Z", "20271031T160000Z", "20271107T160000Z"});
}

TEST_CASE("occurrences in a DST gap shift by its length, in an overlap they take the first instance") {
    CHECK(instants("FREQ=DAILY;COUNT=3", "2027-03-27T02:30", 3) ==
          strings{"20270327T013000Z", "20270328T013000Z", "20270329T003000Z"});             // 28th: 03:30 CEST
    CHECK(local_dates("FREQ=DAILY;COUNT=3", "2027-03-27T02:30")[1] == "2027-03-28T02:30");  // identity kept
    CHECK(instants("FREQ=DAILY;COUNT=3", "2027-10-30T02:30", 3) ==
          strings{"20271030T003000Z", "20271031T003000Z", "20271101T013000Z"});  // 31st: 02:30 CEST
}

TEST_CASE("UNTIL is an instant: it is compared in UTC, not in the series' wall time") {
    // 22:00 in New York is 02:00Z the next day; UNTIL 2027-06-04T01:59:59Z admits only two occurrences.
    CHECK(local_dates("FREQ=DAILY;UNTIL=20270604T015959Z", "2027-06-01T22:00", 8, "America/New_York") ==
          strings{"2027-06-01T22:00", "2027-06-02T22:00"});
}

TEST_CASE("the window selects occurrences while COUNT still counts from the start") {
    const auto rule = parse_rrule("FREQ=WEEKLY;COUNT=10");
    const auto& berlin = *find_zone("Europe/Berlin");
    const auto first = parse_local_date_time("2027-01-04T10:00");
    const auto from = resolve_local(parse_local_date_time("2027-02-01T00:00"), berlin);
    const auto to = resolve_local(parse_local_date_time("2027-12-31T00:00"), berlin);
    const auto in_window = expand(rule, first, berlin, from, to);
    REQUIRE(in_window.size() == 6);  // 4 Jan .. 8 Mar is ten; six of them lie in February or later
    CHECK(format_iso_local(in_window.front().local) == "2027-02-01T10:00");
    CHECK(format_iso_local(in_window.back().local) == "2027-03-08T10:00");
}

TEST_CASE("expansion is bounded") {
    const auto& berlin = *find_zone("Europe/Berlin");
    const auto far = sys_seconds{std::chrono::seconds{4'102'444'800}};  // 2100
    // Never matches again: 30 February.
    const auto never = expand(parse_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
                              parse_local_date_time("2027-01-30T10:00"), berlin, sys_seconds{}, far);
    CHECK(never.size() == 1);
    const auto daily =
        expand(parse_rrule("FREQ=DAILY"), parse_local_date_time("2027-01-01T10:00"), berlin, sys_seconds{}, far);
    CHECK(daily.size() == max_occurrences);
    CHECK(expand(parse_rrule("FREQ=DAILY"), parse_local_date_time("2027-01-01T10:00"), berlin, sys_seconds{}, far, 7)
              .size() == 7);
}

TEST_CASE("a start that is not a date of its rule is detected") {
    CHECK(starts_on_rule(parse_rrule("FREQ=MONTHLY;BYDAY=-1TU"), parse_local_date_time("2027-01-26T17:00")));
    CHECK_FALSE(starts_on_rule(parse_rrule("FREQ=MONTHLY;BYDAY=-1TU"), parse_local_date_time("2027-01-27T17:00")));
    CHECK(starts_on_rule(parse_rrule("FREQ=WEEKLY"), parse_local_date_time("2027-01-27T17:00")));
    CHECK_FALSE(starts_on_rule(parse_rrule("FREQ=WEEKLY;BYDAY=MO"), parse_local_date_time("2027-01-27T17:00")));
    CHECK_FALSE(
        starts_on_rule(parse_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), parse_local_date_time("2027-01-30T10:00")));
}
