// A pending registration holds its seat for 48 hours, counted at the moment a registration arrives, whether or
// not the expiry sweep has run yet.
#include <catch2/catch.hpp>

#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::setup;
using rs = calendar::registration_status;

TEST_CASE("the hold lasts 48 hours from registering") {
    setup t(1);
    const auto anna = t.add("anna").registration.value();
    REQUIRE(anna.expires_at);
    CHECK(*anna.expires_at - t.now == hours{48});
    CHECK(calendar::default_hold == hours{48});
}

TEST_CASE("an unconfirmed hold counts at 47 h 59 min and not at 48 h 1 s, without the sweep") {
    const auto [after, second_status] = GENERATE(table<seconds, rs>({
        {hours{47} + minutes{59}, rs::waitlisted},  // anna's seat is still held
        {hours{48} + seconds{1}, rs::pending},      // her hold has passed: the seat is free for ben
    }));
    setup t(1);
    const auto anna = t.add("anna").registration.value();
    REQUIRE(anna.status == rs::pending);
    t.now += after;  // no expire_pending(): the sweep has not run
    const auto ben = t.add("ben").registration.value();
    CHECK(ben.status == second_status);
    CHECK(t.s.registration_by_token(anna.token)->status == rs::pending);  // only the sweep moves her
}
