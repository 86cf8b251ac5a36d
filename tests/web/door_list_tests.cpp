// The check-in desk's list: everyone expected before any search, by name, with how many are here.
#include <catch2/catch.hpp>

#include "web/door_list.hpp"

using namespace tp;
using rs = calendar::registration_status;

namespace {

calendar::attendee person(std::string name, rs status, bool here = false, std::string organisation = "") {
    calendar::attendee a;
    a.registration.name = std::move(name);
    a.registration.email = "x@example.org";
    a.registration.organisation = std::move(organisation);
    a.registration.status = status;
    if (here) a.checked_in_at = calendar::sys_seconds{std::chrono::seconds{1'800'000'000}};
    return a;
}

std::vector<calendar::attendee> crowd() {
    return {person("Öztürk, Mehmet", rs::confirmed, true),
            person("Jörg Schmidt", rs::confirmed),
            person("Ülkü Yılmaz", rs::pending),
            person("Zoe Weg", rs::cancelled),
            person("Anna Wartet", rs::waitlisted),
            person("ada lovelace", rs::confirmed, true, "Gymnasium Bochum"),
            person("Rolf Raus", rs::rejected)};
}

std::vector<std::string> names(const web::door_list& l) {
    std::vector<std::string> out;
    for (const auto& a : l.shown) out.push_back(a.registration.name);
    return out;
}

}  // namespace

TEST_CASE("the door list shows everyone expected before a search, by name, with how many are here") {
    const auto list = web::door_list_of(crowd(), "");
    CHECK(names(list) == std::vector<std::string>{"ada lovelace", "Jörg Schmidt", "Öztürk, Mehmet", "Ülkü Yılmaz"});
    CHECK(list.expected == 4);  // cancelled, waiting and rejected people are not expected
    CHECK(list.arrived == 2);
}

TEST_CASE("a search narrows the door list, the counts stay the event's") {
    struct row {
        const char* search;
        std::vector<std::string> found;
    };
    const auto [search, found] = GENERATE(values<row>({
        {"ülkü", {"Ülkü Yılmaz"}},
        {"yilmaz", {"Ülkü Yılmaz"}},
        {"ozturk", {"Öztürk, Mehmet"}},
        {"JÖRG", {"Jörg Schmidt"}},
        {"bochum", {"ada lovelace"}},  // the organisation counts too
        {"zoe", {}},                   // cancelled: not expected, not found
        {"nobody", {}},
    }));
    const auto list = web::door_list_of(crowd(), search);
    CHECK(names(list) == found);
    CHECK(list.expected == 4);
    CHECK(list.arrived == 2);
}
