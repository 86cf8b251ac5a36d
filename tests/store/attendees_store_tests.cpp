#include <catch2/catch.hpp>

#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::kinds;
using tp::testing::op;
using tp::testing::setup;
using rs = calendar::registration_status;
using action = store::organiser_action;

namespace {

std::vector<std::string> names(const std::vector<store::attendee>& list) {
    std::vector<std::string> out;
    for (const auto& a : list) out.push_back(a.registration.name);
    return out;
}

}  // namespace

TEST_CASE("the attendee list: confirmed, pending, waiting list in order with positions, then the rest") {
    setup t(2);
    const auto zoe = t.add("zoe").registration.value();
    (void)t.add("adam");
    (void)t.add("walter");                               // waiting 1
    const auto bea = t.add("bea").registration.value();  // waiting 2
    (void)t.add("carl");                                 // waiting 3
    (void)t.s.confirm_registration(zoe.token);
    (void)t.s.cancel_registration(bea.token);
    const auto list = t.s.attendees("mint-barcamp-2027").value();
    CHECK(names(list) == std::vector<std::string>{"zoe", "adam", "walter", "carl", "bea"});
    CHECK(list[0].confirmed_at == t.now);
    CHECK_FALSE(list[1].confirmed_at);
    CHECK(list[2].registration.position == 1);
    CHECK(list[3].registration.position == 2);
    CHECK_FALSE(list[4].registration.position);
    CHECK(list[0].delivery == "queued");  // the confirmation, not sent yet
    CHECK_FALSE(t.s.attendees("no-such-event"));
}

TEST_CASE("each person's delivery state is their latest message's") {
    setup t(2);
    (void)t.add("anna");
    const auto claimed = t.s.claim_outbox(60s, 10, "tp.test");
    t.s.outbox_failed(claimed.at(0).id, "550 no such user");
    const auto a = t.s.attendees("mint-barcamp-2027").value().at(0);
    CHECK(a.delivery == "failed");
    CHECK(a.delivery_error == "550 no such user");
}

TEST_CASE("organisers confirm, promote and reject by hand, a rejection frees the seat for the waiting list") {
    setup t(1);
    const auto anna = t.add("anna").registration.value();
    const auto ben = t.add("ben").registration.value();    // waiting 1
    const auto carl = t.add("carl").registration.value();  // waiting 2
    CHECK(t.s.act_on_registration("mint-barcamp-2027", anna.id, action::confirm, op())->registration.status ==
          rs::confirmed);
    const auto rejected = t.s.act_on_registration("mint-barcamp-2027", anna.id, action::reject, op()).value();
    CHECK(rejected.registration.status == rs::rejected);
    CHECK(t.s.registration_by_token(ben.token)->status == rs::pending);  // promoted into the freed seat
    const auto promoted = t.s.act_on_registration("mint-barcamp-2027", carl.id, action::promote, op()).value();
    CHECK(promoted.registration.status == rs::pending);  // by hand, beyond the capacity
    CHECK(kinds(t.s) == std::vector<std::string>{"confirm_request", "waitlisted", "waitlisted", "confirmed", "rejected",
                                                 "promoted", "promoted"});
    CHECK_THROWS_AS(t.s.act_on_registration("mint-barcamp-2027", anna.id, action::confirm, op()),
                    store::registration_conflict);
    CHECK_THROWS_AS(t.s.act_on_registration("mint-barcamp-2027", anna.id, action::promote, op()),
                    store::registration_conflict);
    CHECK_FALSE(t.s.act_on_registration("mint-barcamp-2027", 999, action::confirm, op()));
    const auto log = t.s.audit_log("mint-barcamp-2027");
    REQUIRE(log.size() == 3);
    CHECK(log[0].action == "confirm");
    CHECK(log[1].action == "reject");
    CHECK(log[2].detail == "registration #" + std::to_string(carl.id));
    CHECK_FALSE(t.s.act_on_registration("other-event", anna.id, action::confirm, op()));
}

TEST_CASE("check-in at the door, undone when wrong, only confirmed people") {
    setup t(5);
    const auto anna = t.add("anna").registration.value();
    CHECK_THROWS_AS(t.s.act_on_registration("mint-barcamp-2027", anna.id, action::check_in, op()),
                    store::registration_conflict);
    (void)t.s.confirm_registration(anna.token);
    t.now += hours{1};
    CHECK(t.s.act_on_registration("mint-barcamp-2027", anna.id, action::check_in, op())->checked_in_at == t.now);
    CHECK_FALSE(t.s.act_on_registration("mint-barcamp-2027", anna.id, action::undo_check_in, op())->checked_in_at);
}
