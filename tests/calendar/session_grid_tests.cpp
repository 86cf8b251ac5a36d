#include <catch2/catch.hpp>

#include "calendar/session_grid.hpp"

using namespace tp::calendar;
using namespace std::chrono;
using kind = grid_conflict_kind;

namespace {

const sys_seconds day{seconds{1'800'000'000}};
const std::vector<grid_room> rooms{{1, "Aula", 80}, {2, "Raum 2", 20}};
// Two slots in a row, and a long workshop slot overlapping both.
const std::vector<grid_slot> slots{{10, day, day + minutes{45}},
                                   {11, day + minutes{45}, day + minutes{90}},
                                   {12, day + minutes{30}, day + minutes{120}}};

std::vector<grid_conflict> conflicts(const std::vector<placed_session>& s) { return find_conflicts(rooms, slots, s); }

}  // namespace

TEST_CASE("a clean grid has no conflicts, unplaced sessions count for nothing") {
    CHECK(conflicts({{1, "anna", 50, 1, 10}, {2, "ben", 10, 2, 10}, {3, "anna", 5, 2, 11}, {4, "carl", 500, {}, {}}})
              .empty());
}

TEST_CASE("grid conflicts are found, each once, in a stable order") {
    struct row {
        const char* what;
        std::vector<placed_session> sessions;
        std::vector<grid_conflict> expected;
    };
    const row table[] = {
        {"two sessions in one room and slot",
         {{1, "anna", 5, 2, 10}, {2, "ben", 5, 2, 10}},
         {{kind::room_double_booked, {1, 2}}}},
        {"one room, overlapping slots",
         {{1, "anna", 5, 2, 10}, {2, "ben", 5, 2, 12}},
         {{kind::room_double_booked, {1, 2}}}},
        {"one room, slots that only touch", {{1, "anna", 5, 2, 10}, {2, "ben", 5, 2, 11}}, {}},
        {"one host in two rooms at once",
         {{3, "anna", 5, 1, 10}, {1, "anna", 5, 2, 10}},
         {{kind::host_in_two_places, {1, 3}}}},
        {"one host in overlapping slots",
         {{1, "anna", 5, 1, 11}, {2, "anna", 5, 2, 12}},
         {{kind::host_in_two_places, {1, 2}}}},
        {"more votes than seats", {{1, "anna", 21, 2, 10}}, {{kind::room_too_small, {1}}}},
        {"votes equal to seats fit", {{1, "anna", 20, 2, 10}}, {}},
        {"everything at once",
         {{1, "anna", 30, 2, 10}, {2, "anna", 5, 2, 10}},
         {{kind::room_double_booked, {1, 2}}, {kind::host_in_two_places, {1, 2}}, {kind::room_too_small, {1}}}},
        {"an unknown room or slot is ignored", {{1, "anna", 5, 9, 10}, {2, "anna", 5, 1, 99}}, {}},
    };
    for (const auto& r : table) {
        CAPTURE(r.what);
        const auto found = conflicts(r.sessions);
        REQUIRE(found.size() == r.expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            CHECK(found[i].kind == r.expected[i].kind);
            CHECK(found[i].sessions == r.expected[i].sessions);
        }
    }
}
