#include <catch2/catch.hpp>

#include <vector>

#include "calendar/reminders.hpp"

using namespace tp::calendar;
using namespace std::chrono;

TEST_CASE("reminder offsets are read in days, hours or minutes within their limits") {
    const std::pair<std::string_view, std::optional<seconds>> table[] = {
        {"7d", days{7}},        {"1d", days{1}},       {"36h", hours{36}},    {"90m", minutes{90}},
        {"15m", minutes{15}},   {"60d", days{60}},     {"14m", std::nullopt}, {"61d", std::nullopt},
        {"0d", std::nullopt},   {"-1d", std::nullopt}, {"d", std::nullopt},   {"1w", std::nullopt},
        {"1.5d", std::nullopt}, {"", std::nullopt},    {"7 d", std::nullopt}, {"99999999999d", std::nullopt},
    };
    for (const auto& [text, offset] : table) {
        CAPTURE(text);
        CHECK(parse_reminder_offset(text) == offset);
    }
}

TEST_CASE("reminder offsets are written in their shortest form and read back") {
    for (const auto offset : {seconds{days{7}}, seconds{hours{36}}, seconds{minutes{90}}, seconds{hours{48}}}) {
        CAPTURE(offset.count());
        CHECK(parse_reminder_offset(format_reminder_offset(offset)) == offset);
    }
    CHECK(format_reminder_offset(hours{48}) == "2d");
    CHECK(format_reminder_offset(minutes{90}) == "90m");
}

TEST_CASE("when a reminder goes out") {
    const sys_seconds start{seconds{1'800'000'000}};
    const std::vector<seconds> offsets{days{7}, days{1}};
    const auto early = start - days{30};  // confirmed a month before
    struct row {
        const char* what;
        seconds offset;
        sys_seconds confirmed;
        sys_seconds now;
        reminder_decision expected;
    };
    const row table[] = {
        {"a week before, not yet", days{7}, early, start - days{8}, reminder_decision::wait},
        {"a week before, at the moment", days{7}, early, start - days{7}, reminder_decision::send},
        {"a week before, six days later than planned (server was down)", days{7}, early, start - days{2},
         reminder_decision::send},
        {"a week before, but the day-before moment also passed", days{7}, early, start - hours{20},
         reminder_decision::skip},
        {"the day before, at its moment", days{1}, early, start - days{1}, reminder_decision::send},
        {"the day before, one hour before the start", days{1}, early, start - hours{1}, reminder_decision::send},
        {"the event has started", days{1}, early, start, reminder_decision::skip},
        {"the event is over", days{1}, early, start + days{1}, reminder_decision::skip},
        {"confirmed three days before: no week-before reminder", days{7}, start - days{3}, start - days{3},
         reminder_decision::skip},
        {"confirmed three days before: the day-before one waits", days{1}, start - days{3}, start - days{3},
         reminder_decision::wait},
        {"confirmed at the very moment", days{1}, start - days{1}, start - days{1}, reminder_decision::send},
    };
    for (const auto& r : table) {
        CAPTURE(r.what);
        CHECK(decide_reminder(start, r.offset, offsets, r.confirmed, r.now) == r.expected);
    }
}
