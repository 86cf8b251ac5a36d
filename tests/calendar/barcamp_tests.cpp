#include <catch2/catch.hpp>

#include "calendar/barcamp.hpp"

using namespace tp::calendar;
using namespace std::chrono;

TEST_CASE("session kinds by name, and nothing else") {
    for (const auto k : all_session_kinds) CHECK(parse_session_kind(to_string(k)) == k);
    CHECK(to_string(session_kind::hands_on) == "hands-on");
    for (const auto* bad : {"", "Talk", "hands_on", "talk ", "keynote"}) CHECK_FALSE(parse_session_kind(bad));
}

TEST_CASE("host keys: letter case, umlauts and spaces do not make another person") {
    const std::pair<const char*, const char*> table[] = {
        {"Anna Schmidt", "anna schmidt"},
        {"  Anna   Schmidt ", "anna schmidt"},
        {"ÖZLEM ÜNAL", "özlem ünal"},
        {"Jörg\tMÄRZ", "jörg märz"},
        {"", ""},
        {"   ", ""},
    };
    for (const auto& [in, key] : table) {
        INFO(in);
        CHECK(host_key(in) == key);
    }
    CHECK(host_key("Anna Schmidt") != host_key("Anna Schmitt"));
}

TEST_CASE("a programme's conflicts compare hosts by key") {
    const sys_seconds t0{seconds{1'800'000'000}};
    programme p;
    p.rooms = {{1, "Aula", 80}, {2, "Raum 2", 2}};
    p.slots = {{10, t0, t0 + 45min}};
    p.sessions = {{.id = 1, .host = "Anna Schmidt", .votes = 1, .room = 1, .slot = 10},
                  {.id = 2, .host = "anna  SCHMIDT", .votes = 3, .room = 2, .slot = 10},
                  {.id = 3, .host = "Ben", .votes = 90, .room = std::nullopt, .slot = std::nullopt}};
    const auto found = conflicts_of(p);
    REQUIRE(found.size() == 2);
    CHECK(found[0].kind == grid_conflict_kind::host_in_two_places);
    CHECK(found[0].sessions == std::vector<std::int64_t>{1, 2});
    CHECK(found[1].kind == grid_conflict_kind::room_too_small);
    CHECK(found[1].sessions == std::vector<std::int64_t>{2});
    CHECK(is_scheduled(p, p.sessions[0]));
    CHECK_FALSE(is_scheduled(p, p.sessions[2]));
    CHECK(find_room(p, 2)->name == "Raum 2");
    CHECK_FALSE(find_slot(p, 11));
}
