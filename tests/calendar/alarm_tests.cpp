#include <catch2/catch.hpp>

#include "calendar/alarm.hpp"

using namespace tp::calendar;
using std::chrono::minutes;

TEST_CASE("an alarm is chosen from 15 minutes to 2 days, in minutes, hours or days") {
    const auto [text, expected, trigger] = GENERATE(table<std::string, std::optional<int>, std::string>({
        {"15m", 15, "-PT15M"},
        {"30m", 30, "-PT30M"},
        {"90m", 90, "-PT90M"},
        {"120m", 120, "-PT2H"},
        {"2h", 120, "-PT2H"},
        {"1d", 1440, "-P1D"},
        {"2d", 2880, "-P2D"},
        {"14m", std::nullopt, ""},  // too soon to be of use
        {"3d", std::nullopt, ""},   // longer than two days
        {"49h", std::nullopt, ""},
        {"0m", std::nullopt, ""},
        {"30", std::nullopt, ""},
        {"m", std::nullopt, ""},
        {"30s", std::nullopt, ""},
        {"-30m", std::nullopt, ""},
        {"30M", std::nullopt, ""},
        {"99999m", std::nullopt, ""},
        {"", std::nullopt, ""},
    }));
    CAPTURE(text);
    const auto parsed = parse_alarm(text);
    REQUIRE(parsed.has_value() == expected.has_value());
    if (!parsed) return;
    CHECK(parsed->count() == *expected);
    CHECK(alarm_trigger(*parsed) == trigger);
    CHECK(parse_alarm(format_alarm(*parsed)) == parsed);  // written back, read the same
}
