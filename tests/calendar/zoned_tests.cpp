#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"

using namespace tp::calendar;

namespace {
const date::time_zone& berlin() { return *find_zone("Europe/Berlin"); }
std::string utc_of(std::string_view local, const char* zone = "Europe/Berlin") {
    return format_utc(resolve_local(parse_local_date_time(local), *find_zone(zone)));
}
}  // namespace

TEST_CASE("local date-times parse only in the strict ISO form") {
    const auto [text, ok] = GENERATE(table<std::string, bool>({
        {"2027-09-20T10:00", true},
        {"2027-09-20T10:00:30", true},
        {"2027-09-20 10:00", false},
        {"2027-09-20T10", false},
        {"2027-9-20T10:00", false},
        {"2027-02-29T10:00", false},
        {"2028-02-29T10:00", true},
        {"2027-13-01T10:00", false},
        {"2027-04-31T10:00", false},
        {"2027-09-20T24:00", false},
        {"2027-09-20T10:60", false},
        {"2027-09-20T10:00Z", false},
        {"", false},
        {"1969-12-31T23:00", false},
        {"2038-01-01T00:00", false},
        {"2037-12-31T23:59", true},
    }));
    CAPTURE(text);
    if (ok)
        CHECK_NOTHROW(parse_local_date_time(text));
    else
        CHECK_THROWS_AS(parse_local_date_time(text), invalid_time);
}

TEST_CASE("dates parse strictly") {
    CHECK(format_iso_date(parse_local_date("2027-09-20")) == "2027-09-20");
    for (const char* bad : {"2027-09-31", "20270920", "2027-09-20T10:00", "abcd-ef-gh", "2027-00-10"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_local_date(bad), invalid_time);
    }
}

TEST_CASE("wall times resolve to instants in their zone") {
    const auto [local, zone, utc] = GENERATE(table<std::string, std::string, std::string>({
        {"2027-09-20T10:00", "Europe/Berlin", "20270920T080000Z"},
        {"2027-01-26T17:00", "Europe/Berlin", "20270126T160000Z"},
        {"2027-03-28T01:59", "Europe/Berlin", "20270328T005900Z"},
        {"2027-03-28T03:00", "Europe/Berlin", "20270328T010000Z"},
        {"2027-10-31T03:00", "Europe/Berlin", "20271031T020000Z"},
        {"2027-07-01T09:00", "America/New_York", "20270701T130000Z"},
        {"2027-07-01T09:00", "Asia/Kolkata", "20270701T033000Z"},
        {"2027-07-01T09:00", "UTC", "20270701T090000Z"},
    }));
    CAPTURE(local, zone);
    CHECK(utc_of(local, zone.c_str()) == utc);
}

TEST_CASE("a wall time in a DST gap or overlap is an error, not a guess") {
    CHECK_THROWS_WITH(utc_of("2027-03-28T02:30"), Catch::Contains("does not exist"));
    CHECK_THROWS_WITH(utc_of("2027-10-31T02:30"), Catch::Contains("happens twice"));
    CHECK_THROWS_WITH(utc_of("2027-03-14T02:30", "America/New_York"), Catch::Contains("does not exist"));
}

TEST_CASE("start of day survives a gap at midnight") {
    // Santiago skipped 2019-09-08 00:00-01:00; the day begins at 01:00 local.
    const auto& santiago = *find_zone("America/Santiago");
    const auto d = parse_local_date("2019-09-08");
    const auto start = start_of_day(d, santiago);
    CHECK(format_iso_local(to_local(start, santiago)) == "2019-09-08T01:00");
    CHECK(local_day_of(start, santiago) == d);
    CHECK(format_utc(start_of_day(parse_local_date("2027-09-20"), berlin())) == "20270919T220000Z");
}

TEST_CASE("unknown zones are reported as absent") {
    CHECK(find_zone("Europe/Berlin") != nullptr);
    CHECK(find_zone("Mars/Olympus") == nullptr);
    CHECK(find_zone("") == nullptr);
}
