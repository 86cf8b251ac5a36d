#include <catch2/catch.hpp>

#include <sodium.h>

#include "server/door_code.hpp"

using namespace tp::server;

TEST_CASE("a check-in code is 32 hex digits, the same for the same link, different for another") {
    REQUIRE(sodium_init() >= 0);
    const std::string token = "0123456789abcdef0123456789abcdef";
    const auto code = door_code(token);
    CHECK(code.size() == 32);
    CHECK(code.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(code == door_code(token));
    CHECK(code != door_code("0123456789abcdef0123456789abcdee"));
    CHECK(code.find(token.substr(0, 8)) == std::string::npos);  // not the link itself
    CHECK(door_code_matches(token, code));
    CHECK_FALSE(door_code_matches(token, code.substr(1)));
    CHECK_FALSE(door_code_matches(token, std::string(32, '0')));
    CHECK_FALSE(door_code_matches(token, ""));
    tp::calendar::registration r;
    r.id = 42;
    r.event_slug = "mint-barcamp";
    r.token = token;
    CHECK(door_path(r) == "/admin/events/mint-barcamp/door/42/" + code);
}
