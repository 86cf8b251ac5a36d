#include <catch2/catch.hpp>

#include "calendar/accounts.hpp"

using namespace tp::calendar;
using namespace std::chrono;

TEST_CASE("admins manage every network, organisers only their own") {
    const organiser admin{1, "a@x.de", "A", role::admin, {}};
    const organiser bochum{2, "b@x.de", "B", role::organiser, {"ist-bochum"}};
    const organiser two{3, "c@x.de", "C", role::organiser, {"ist-bochum", "mint-nord"}};
    const organiser none{4, "d@x.de", "D", role::organiser, {}};
    struct row {
        const organiser* who;
        const char* network;
        bool allowed;
    };
    const row table[] = {
        {&admin, "ist-bochum", true},  {&admin, "anything", true},       {&bochum, "ist-bochum", true},
        {&bochum, "mint-nord", false}, {&bochum, "ist-bochum-2", false}, {&bochum, "", false},
        {&two, "mint-nord", true},     {&none, "ist-bochum", false},
    };
    for (const auto& r : table) {
        CAPTURE(r.who->email, r.network);
        CHECK(may_manage(*r.who, r.network) == r.allowed);
    }
}

TEST_CASE("roles read back and unknown ones are refused") {
    CHECK(parse_role(to_string(role::admin)) == role::admin);
    CHECK(parse_role(to_string(role::organiser)) == role::organiser);
    CHECK_FALSE(parse_role("Admin"));
    CHECK_FALSE(parse_role("root"));
}

TEST_CASE("failed logins slow the next attempt more and more, up to 15 minutes") {
    const std::pair<int, seconds> table[] = {{0, 0s}, {1, 0s},    {2, 0s},    {3, 1s},    {4, 2s},
                                             {5, 4s}, {10, 128s}, {13, 900s}, {100, 900s}};
    for (const auto& [failures, delay] : table) {
        CAPTURE(failures);
        CHECK(login_delay(failures) == delay);
    }
}
