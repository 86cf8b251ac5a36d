#include <catch2/catch.hpp>

#include "calendar/registration.hpp"
#include "sample_event.hpp"

using namespace tp::calendar;
using rs = registration_status;

TEST_CASE("newcomers get a seat while one is free and nobody waits") {
    const auto [capacity, confirmed, pending, waiting, expected] =
        GENERATE(table<std::optional<int>, int, int, int, rs>({
            {std::nullopt, 500, 0, 0, rs::pending},  // no capacity: no waiting list
            {120, 0, 0, 0, rs::pending},
            {120, 100, 19, 0, rs::pending},
            {120, 100, 20, 0, rs::waitlisted},  // unexpired pending registrations hold seats
            {120, 120, 0, 0, rs::waitlisted},
            {120, 119, 0, 1, rs::waitlisted},  // a free seat goes to the waiting list first
            {0, 0, 0, 0, rs::waitlisted},
        }));
    CAPTURE(capacity, confirmed, pending, waiting);
    CHECK(admit(capacity, {confirmed, pending}, waiting) == expected);
}

TEST_CASE("only the allowed transitions are allowed") {
    const std::vector<rs> all{rs::pending, rs::confirmed, rs::waitlisted, rs::cancelled, rs::expired, rs::rejected};
    const std::vector<std::pair<rs, rs>> allowed{
        {rs::pending, rs::confirmed},  {rs::pending, rs::expired},      {rs::pending, rs::cancelled},
        {rs::pending, rs::rejected},   {rs::confirmed, rs::cancelled},  {rs::confirmed, rs::rejected},
        {rs::waitlisted, rs::pending}, {rs::waitlisted, rs::cancelled}, {rs::waitlisted, rs::rejected},
        {rs::cancelled, rs::pending},  {rs::cancelled, rs::waitlisted}, {rs::expired, rs::pending},
        {rs::expired, rs::waitlisted}};
    for (auto from : all)
        for (auto to : all) {
            CAPTURE(to_string(from), to_string(to));
            const bool expected = std::find(allowed.begin(), allowed.end(), std::pair{from, to}) != allowed.end();
            CHECK(allowed_transition(from, to) == expected);
        }
    for (auto s : all) CHECK(parse_registration_status(to_string(s)) == s);
    CHECK_FALSE(parse_registration_status("maybe"));
}

TEST_CASE("registration opens and closes with the event's window") {
    auto e = tp::testing::sample_event();
    e.registration_opens = e.start - std::chrono::hours{24 * 60};
    e.registration_closes = e.start - std::chrono::hours{24 * 5};
    const auto [offset_hours, status, expected] = GENERATE(table<int, event_status, registration_window>({
        {-24 * 61, event_status::published, registration_window::not_yet_open},
        {-24 * 60, event_status::published, registration_window::open},
        {-24 * 6, event_status::published, registration_window::open},
        {-24 * 5, event_status::published, registration_window::closed},
        {1, event_status::published, registration_window::event_past},
        {-24 * 6, event_status::cancelled, registration_window::event_cancelled},
        {-24 * 6, event_status::draft, registration_window::not_published},
    }));
    CAPTURE(offset_hours);
    e.status = status;
    CHECK(registration_window_of(e, e.start + std::chrono::hours{offset_hours}) == expected);
}

TEST_CASE("answers can be changed by an active registration while registration is open and questions are asked") {
    auto e = tp::testing::sample_event();
    e.registration_closes = e.start - std::chrono::hours{24 * 5};
    e.questions = {{"diet", "Essen", question_type::text, {}, false}};
    const auto open = e.start - std::chrono::hours{24 * 6};
    const auto [status, questions, at, expected] = GENERATE_COPY(table<rs, bool, sys_seconds, bool>({
        {rs::pending, true, open, true},
        {rs::confirmed, true, open, true},
        {rs::waitlisted, true, open, true},
        {rs::cancelled, true, open, false},
        {rs::expired, true, open, false},
        {rs::rejected, true, open, false},
        {rs::confirmed, false, open, false},                                 // nothing to answer
        {rs::confirmed, true, e.start - std::chrono::hours{24 * 5}, false},  // registration closed
        {rs::confirmed, true, e.start + std::chrono::hours{1}, false},       // the event has begun
    }));
    CAPTURE(to_string(status), questions);
    registration r;
    r.status = status;
    auto asked = e;
    if (!questions) asked.questions.clear();
    CHECK(answers_changeable(asked, r, at) == expected);
}
