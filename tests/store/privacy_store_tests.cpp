#include <catch2/catch.hpp>

#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::op;
using tp::testing::setup;
using rs = calendar::registration_status;

TEST_CASE("forgetting a person blanks every registration of the email, frees the seat and names no one in the log") {
    setup t(1);
    const auto anna = t.add("anna").registration.value();
    const auto ben = t.add("ben").registration.value();  // waiting
    (void)t.s.confirm_registration(anna.token);
    const auto feed = t.s.personal_feed_token(anna);
    CHECK(t.s.forget_person("ANNA@example.org", op("admin@mint.example")) == 1);
    const auto gone = t.s.registration_by_token(anna.token).value();
    CHECK(gone.name.empty());
    CHECK(gone.email.empty());
    CHECK(gone.status == rs::cancelled);
    CHECK(t.s.registration_by_token(ben.token)->status == rs::pending);  // moved up into the freed seat
    CHECK_FALSE(t.s.personal_feed_events(feed));
    for (const auto& m : t.s.outbox()) CHECK(m.recipient != "anna@example.org");
    const auto log = t.s.audit_log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "forget_person");
    CHECK(log[0].detail.find("anna") == std::string::npos);
    CHECK(t.s.forget_person("anna@example.org", op("admin")) == 0);  // nothing left
    // The same address may register again later, as a new person.
    CHECK(t.s.register_person("mint-barcamp-2027", {"Anna", "anna@example.org", "", "de", std::nullopt}).outcome ==
          store::registration_outcome::created);
}

TEST_CASE("attendees of past events are anonymised after the set time, keeping the counts") {
    setup t(10);
    const auto anna = t.add("anna").registration.value();
    (void)t.s.confirm_registration(anna.token);
    const auto end = t.event.end;
    CHECK(t.s.anonymise_past_events(end) == 0);  // not ended before this instant
    CHECK(t.s.anonymise_past_events(end + seconds{1}) == 1);
    const auto list = t.s.attendees("mint-barcamp-2027").value();
    REQUIRE(list.size() == 1);
    CHECK(list[0].registration.name.empty());
    CHECK(list[0].registration.status == rs::confirmed);  // still counts as having attended
    CHECK(t.s.anonymise_past_events(end + days{1}) == 0);
}

TEST_CASE("organisers' event changes are logged with who and what, registrants hear of the time") {
    setup t(10);
    (void)t.add("anna");
    auto e = t.event;
    e.title = "MINT:Barcamp Ruhr";
    e.start += hours{1};
    e.end += hours{1};
    using mode = store::store::save_mode;
    const auto jana = op("jana@ist-bochum.example");
    t.s.save_event(e, jana, mode::change);
    auto fresh = testing::sample_event("neues-treffen");
    t.s.save_event(fresh, jana, mode::create);
    t.s.save_event(fresh, jana, mode::change);  // unchanged: no entry
    const auto log = t.s.audit_log("mint-barcamp-2027");
    REQUIRE(log.size() == 1);
    CHECK(log[0].actor == "jana@ist-bochum.example");
    CHECK(log[0].action == "update_event");
    CHECK(
        log[0].detail ==
        R"([{"field":"title","from":"MINT:Barcamp","to":"MINT:Barcamp Ruhr"},)"
        R"({"field":"time","from":"2027-09-20T10:00 – 2027-09-20T17:00","to":"2027-09-20T11:00 – 2027-09-20T18:00"}])");
    CHECK(t.s.audit_log("neues-treffen").size() == 1);
    CHECK(t.s.event_by_slug("mint-barcamp-2027")->sequence == 1);
    CHECK(tp::testing::kinds(t.s).back() == "event_changed");
    auto unknown = testing::sample_event("irgendwo");
    unknown.network_slug = "nowhere";
    CHECK_THROWS_AS(t.s.save_event(unknown, op("x"), mode::create), store::import_error);
}
