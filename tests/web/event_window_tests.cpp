// The public API's ?from= and ?to=: days in Berlin time or RFC 3339 instants; every bad value is refused with a
// message in the asked language.
#include <catch2/catch.hpp>

#include <date/date.h>

#include "web/event_window.hpp"

using namespace tp::web;
using namespace std::chrono;
using tp::calendar::sys_seconds;

namespace {

sys_seconds utc(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
    return sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} + hours{h} + minutes{min};
}

}  // namespace

TEST_CASE("a window's bounds: days in Berlin time and instants with their offset", "[event_window]") {
    struct row {
        const char* query;
        std::optional<sys_seconds> from, to;
    };
    const auto r = GENERATE(values<row>({
        {"", std::nullopt, std::nullopt},
        {"network=ist-bochum&page=2", std::nullopt, std::nullopt},                      // not its parameters
        {"from=2027-09-20", utc(2027, 9, 19, 22), std::nullopt},                        // summer: UTC+2
        {"from=2027-01-15", utc(2027, 1, 14, 23), std::nullopt},                        // winter: UTC+1
        {"to=2027-09-20", std::nullopt, utc(2027, 9, 20, 22)},                          // the whole day is in
        {"to=2027-03-28", std::nullopt, utc(2027, 3, 28, 22)},                          // the day the clocks go on
        {"from=2027-09-20T10:00:00Z", utc(2027, 9, 20, 10), std::nullopt},              // UTC
        {"from=2027-09-20T10:00:00%2B02:00", utc(2027, 9, 20, 8), std::nullopt},        // +02:00, encoded
        {"from=2027-09-20T10:00:00-05:30", utc(2027, 9, 20, 15, 30), std::nullopt},     // a negative offset
        {"from=2027-09-20t10:00:00z", utc(2027, 9, 20, 10), std::nullopt},              // RFC 3339 allows lower case
        {"from=2027-09-20&to=2027-09-20", utc(2027, 9, 19, 22), utc(2027, 9, 20, 22)},  // one day
        {"from=&to=", std::nullopt, std::nullopt},                                      // empty: open
    }));
    CAPTURE(r.query);
    const auto parsed = parse_event_window(r.query);
    REQUIRE(std::holds_alternative<event_window>(parsed));
    const auto& w = std::get<event_window>(parsed);
    CHECK(w.from == r.from);
    CHECK(w.to == r.to);
}

TEST_CASE("a bad bound is refused in the visitor's language", "[event_window]") {
    struct row {
        const char* query;
        const char* english;
        const char* german;
    };
    const auto r = GENERATE(values<row>({
        {"from=tomorrow", "from: 'tomorrow' is not a date", "„tomorrow“ ist kein Datum"},
        {"from=2027-02-30", "from: '2027-02-30' is not a date", "„2027-02-30“ ist kein Datum"},
        {"to=2027-13-01", "to: '2027-13-01' is not a date", "„2027-13-01“ ist kein Datum"},
        {"from=2027-09-20T25:00:00Z", "is not a date", "ist kein Datum"},
        {"from=2027-09-20T10:00:00", "is not a date", "ist kein Datum"},  // an instant needs its offset
        {"from=2027-09-20T10:00:00%2B15:00", "is not a date", "ist kein Datum"},
        {"from=27-09-20", "is not a date", "ist kein Datum"},
        {"from=2027-09-20&from=2027-09-21", "give from only once", "nur einmal"},
        {"from=2027-09-21&to=2027-09-20", "from must be before to", "vor dem Ende"},
        {"from=%ZZ", "malformed", "fehlerhaft"},
    }));
    CAPTURE(r.query);
    const auto en = parse_event_window(r.query, lang::en);
    REQUIRE(std::holds_alternative<std::string>(en));
    CHECK_THAT(std::get<std::string>(en), Catch::Contains(r.english));
    const auto de = parse_event_window(r.query, lang::de);
    REQUIRE(std::holds_alternative<std::string>(de));
    CHECK_THAT(std::get<std::string>(de), Catch::Contains(r.german));
}

TEST_CASE("a window encodes canonically, in UTC, and reads back the same", "[event_window]") {
    CHECK(encode_window({}).empty());
    const event_window w{utc(2027, 9, 19, 22), utc(2027, 9, 20, 22)};
    CHECK(encode_window(w) == "from=2027-09-19T22:00:00Z&to=2027-09-20T22:00:00Z");
    const auto again = parse_event_window(encode_window(w));
    REQUIRE(std::holds_alternative<event_window>(again));
    CHECK(std::get<event_window>(again).from == w.from);
    CHECK(std::get<event_window>(again).to == w.to);
    CHECK(encode_window({std::nullopt, utc(2027, 1, 1)}) == "to=2027-01-01T00:00:00Z");
}
