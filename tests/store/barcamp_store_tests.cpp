#include <catch2/catch.hpp>

#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::op;
using tp::testing::setup;
using refusal = store::programme_refusal;
using calendar::session_kind;

namespace {

const std::string slug = "mint-barcamp-2027";

// A participant with a confirmed registration; returns the manage token.
std::string confirmed(setup& t, const std::string& who) {
    const auto r = t.add(who).registration.value();
    (void)t.s.confirm_registration(r.token);
    return r.token;
}

calendar::session_proposal proposal(std::string title, std::string host = "Anna Schmidt") {
    return {std::move(title), "", std::move(host), session_kind::talk};
}

refusal refusal_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const store::programme_error& e) {
        return e.why;
    }
    FAIL("no programme_error");
    return refusal::closed;
}

const calendar::barcamp_session& session(const calendar::programme& p, std::int64_t id) {
    for (const auto& s : p.sessions)
        if (s.id == id) return s;
    throw std::runtime_error("no session " + std::to_string(id));
}

}  // namespace

TEST_CASE("participants propose sessions and vote once each, votes order the list") {
    setup t(10);
    const auto anna = confirmed(t, "anna"), ben = confirmed(t, "ben"), carl = confirmed(t, "carl");
    const auto a = t.s.propose_session(anna, {"Roboter im Sachunterricht", "Erfahrungen", "Anna", session_kind::talk});
    const auto b = t.s.propose_session(ben, proposal("MINT & Mädchen", "Ben"));
    t.s.vote(carl, b, true);
    t.s.vote(carl, b, true);  // a second vote by the same person counts once
    t.s.vote(anna, b, true);
    t.s.vote(ben, a, true);
    const auto p = t.s.programme(slug, anna).value();
    REQUIRE(p.sessions.size() == 2);
    CHECK(p.sessions[0].id == b);
    CHECK(p.sessions[0].votes == 2);
    CHECK(p.sessions[0].my_vote);
    CHECK_FALSE(p.sessions[0].mine);
    CHECK(p.sessions[1].title == "Roboter im Sachunterricht");
    CHECK(p.sessions[1].description == "Erfahrungen");
    CHECK(p.sessions[1].votes == 1);
    CHECK(p.sessions[1].mine);
    CHECK_FALSE(p.sessions[1].my_vote);
    CHECK(p.sessions[1].uid.starts_with("session-"));
    t.s.vote(carl, b, false);
    t.s.vote(carl, b, false);
    CHECK(session(t.s.programme(slug).value(), b).votes == 1);
}

TEST_CASE("votes count while the voter's registration is confirmed") {
    setup t(10);
    const auto anna = confirmed(t, "anna"), ben = confirmed(t, "ben");
    const auto a = t.s.propose_session(anna, proposal("Drohnen"));
    t.s.vote(ben, a, true);
    CHECK(session(t.s.programme(slug).value(), a).votes == 1);
    (void)t.s.cancel_registration(ben);
    CHECK(session(t.s.programme(slug).value(), a).votes == 0);
}

TEST_CASE("who may propose and vote, and until when") {
    setup t(1);
    const auto anna = confirmed(t, "anna");
    const auto waiting = t.add("ben").registration.value().token;  // on the waiting list (capacity 1)
    const auto a = t.s.propose_session(anna, proposal("Drohnen"));
    CHECK(refusal_of([&] { (void)t.s.propose_session(waiting, proposal("x")); }) == refusal::not_confirmed);
    CHECK(refusal_of([&] { t.s.vote(waiting, a, true); }) == refusal::not_confirmed);
    CHECK(refusal_of([&] { t.s.vote("no-such-token", a, true); }) == refusal::not_confirmed);
    CHECK(refusal_of([&] { t.s.vote(anna, a + 100, true); }) == refusal::unknown_session);
    t.now = t.event.end;
    CHECK(refusal_of([&] { (void)t.s.propose_session(anna, proposal("zu spät")); }) == refusal::closed);
    CHECK(refusal_of([&] { t.s.vote(anna, a, true); }) == refusal::closed);
    t.now = t.event.start;
    t.event.status = calendar::event_status::cancelled;
    t.update();
    CHECK(refusal_of([&] { t.s.vote(anna, a, true); }) == refusal::closed);
}

TEST_CASE("only a barcamp has a programme") {
    setup t(10);
    const auto anna = confirmed(t, "anna");
    t.event.kind = calendar::event_kind::webinar;
    t.update();
    CHECK(refusal_of([&] { (void)t.s.propose_session(anna, proposal("x")); }) == refusal::not_a_barcamp);
    CHECK(refusal_of([&] { (void)t.s.add_room(slug, "Aula", 80, op("orga")); }) == refusal::not_a_barcamp);
    CHECK_THROWS_AS(t.s.add_room("no-such-event", "Aula", 80, op("orga")), store::not_found_error);
    CHECK_FALSE(t.s.programme("no-such-event"));
}

TEST_CASE("the proposer withdraws a session, nobody else does, it leaves grid and votes behind") {
    setup t(10);
    const auto anna = confirmed(t, "anna"), ben = confirmed(t, "ben");
    const auto a = t.s.propose_session(anna, proposal("Drohnen"));
    const auto room = t.s.add_room(slug, "Aula", 80, op("orga"));
    const auto slot = t.s.add_slot(slug, t.event.start, t.event.start + 45min, op("orga"));
    CHECK(t.s.place_sessions(slug, std::array{store::placement{a, room, slot}}, op("orga")) == 1);
    t.s.vote(ben, a, true);
    CHECK(refusal_of([&] { t.s.withdraw_session(ben, a); }) == refusal::not_yours);
    t.s.withdraw_session(anna, a);
    CHECK(t.s.programme(slug)->sessions.empty());
    CHECK(refusal_of([&] { t.s.withdraw_session(anna, a); }) == refusal::unknown_session);
    CHECK(refusal_of([&] { t.s.vote(ben, a, true); }) == refusal::unknown_session);
}

TEST_CASE("limits: proposals per person, rooms with one name") {
    setup t(10);
    const auto anna = confirmed(t, "anna");
    std::vector<std::int64_t> ids;
    for (int i = 0; i < store::max_proposals_per_person; ++i)
        ids.push_back(t.s.propose_session(anna, proposal("Session " + std::to_string(i))));
    CHECK(refusal_of([&] { (void)t.s.propose_session(anna, proposal("one more")); }) == refusal::too_many_proposals);
    t.s.withdraw_session(anna, ids[0]);
    CHECK_NOTHROW(t.s.propose_session(anna, proposal("room again")));
    (void)t.s.add_room(slug, "Aula", 80, op("orga"));
    CHECK(refusal_of([&] { (void)t.s.add_room(slug, "Aula", 10, op("orga")); }) == refusal::duplicate_room);
    for (int i = 1; i < store::max_rooms_per_barcamp; ++i)
        (void)t.s.add_room(slug, "Raum " + std::to_string(i), 10, op("orga"));
    CHECK(refusal_of([&] { (void)t.s.add_room(slug, "one more", 10, op("orga")); }) == refusal::programme_full);
}

TEST_CASE("organisers enter sessions on the day, up to the barcamp's limit") {
    setup t(10);
    for (int i = 0; i < store::max_sessions_per_barcamp; ++i)
        (void)t.s.add_session(slug, proposal("Board " + std::to_string(i)), op("orga"));
    CHECK(refusal_of([&] { (void)t.s.add_session(slug, proposal("one more"), op("orga")); }) ==
          refusal::programme_full);
    const auto first = t.s.programme(slug)->sessions.front().id;
    t.s.remove_session(slug, first, op("orga"));
    CHECK(t.s.programme(slug)->sessions.size() == store::max_sessions_per_barcamp - 1);
}

TEST_CASE("slots lie within the barcamp, a barcamp may last several days") {
    setup t(10);
    t.event.end = t.event.start + hours{24 + 7};
    t.update();
    const auto day2 = t.event.start + 24h;
    CHECK(t.s.add_slot(slug, day2, day2 + 1h, op("orga")) > 0);
    CHECK(refusal_of([&] { (void)t.s.add_slot(slug, t.event.start - 1h, t.event.start, op("orga")); }) ==
          refusal::slot_outside_event);
    CHECK(refusal_of([&] { (void)t.s.add_slot(slug, t.event.end, t.event.end + 1h, op("orga")); }) ==
          refusal::slot_outside_event);
    CHECK(refusal_of([&] { (void)t.s.add_slot(slug, day2, day2, op("orga")); }) == refusal::slot_outside_event);
    CHECK(t.s.add_slot(slug, t.event.start, t.event.start + 1h, op("orga")) > 0);
    const auto p = t.s.programme(slug).value();
    REQUIRE(p.slots.size() == 2);
    CHECK(p.slots[0].start == t.event.start);  // by start, whatever order they came in
}

TEST_CASE("placing sessions: SEQUENCE rises when a placed session moves, bad rooms and slots change nothing") {
    setup t(10);
    const auto a = t.s.add_session(slug, proposal("Drohnen"), op("orga"));
    const auto aula = t.s.add_room(slug, "Aula", 80, op("orga")), r2 = t.s.add_room(slug, "Raum 2", 20, op("orga"));
    const auto s1 = t.s.add_slot(slug, t.event.start, t.event.start + 45min, op("orga"));
    const auto s2 = t.s.add_slot(slug, t.event.start + 1h, t.event.start + 2h, op("orga"));
    const auto seq = [&] { return session(t.s.programme(slug).value(), a).sequence; };
    CHECK(t.s.place_sessions(slug, std::array{store::placement{a, aula, s1}}, op("orga")) == 1);
    CHECK(seq() == 0);  // first placed: first published
    CHECK(t.s.place_sessions(slug, std::array{store::placement{a, aula, s1}}, op("orga")) == 0);
    CHECK(seq() == 0);
    CHECK(t.s.place_sessions(slug, std::array{store::placement{a, r2, s1}}, op("orga")) == 1);
    CHECK(seq() == 1);
    CHECK(t.s.place_sessions(slug, std::array{store::placement{a, r2, s2}}, op("orga")) == 1);
    CHECK(seq() == 2);
    const auto before = t.s.programme(slug).value();
    CHECK(refusal_of([&] {
              (void)t.s.place_sessions(
                  slug, std::array{store::placement{a, aula, s1}, store::placement{a, aula + 99, s1}}, op("o"));
          }) == refusal::unknown_room);
    CHECK(refusal_of([&] {
              (void)t.s.place_sessions(slug, std::array{store::placement{a, aula, s2 + 99}}, op("o"));
          }) == refusal::unknown_slot);
    CHECK(refusal_of([&] {
              (void)t.s.place_sessions(slug, std::array{store::placement{a, aula, std::nullopt}}, op("o"));
          }) == refusal::unknown_slot);
    CHECK(refusal_of([&] {
              (void)t.s.place_sessions(slug, std::array{store::placement{a + 99, aula, s1}}, op("o"));
          }) == refusal::unknown_session);
    const auto after = t.s.programme(slug).value();
    CHECK(session(after, a).room == r2);  // the whole batch was refused
    CHECK(session(after, a).slot == s2);
    CHECK(session(after, a).sequence == session(before, a).sequence);
    // Removing the room takes the session out of the grid; placed again later, it is a change.
    t.s.remove_room(slug, r2, op("orga"));
    CHECK_FALSE(session(t.s.programme(slug).value(), a).room);
    CHECK(refusal_of([&] { t.s.remove_room(slug, r2, op("orga")); }) == refusal::unknown_room);
    CHECK(t.s.place_sessions(slug, std::array{store::placement{a, aula, s1}}, op("orga")) == 1);
    CHECK(seq() == 4);
    t.s.remove_slot(slug, s1, op("orga"));
    CHECK_FALSE(session(t.s.programme(slug).value(), a).slot);
}

TEST_CASE("the programme's change time moves with every change, and the audit log names them") {
    setup t(10);
    const auto first = t.s.programme_changed(slug).value();
    t.now += 1min;
    (void)t.s.add_room(slug, "Aula", 80, op("orga@example.org"));
    const auto after_room = t.s.programme_changed(slug).value();
    CHECK(after_room == first + 1min);
    t.now += 1min;
    (void)t.s.add_session(slug, proposal("Drohnen"), op("orga@example.org"));
    CHECK(t.s.programme_changed(slug).value() > after_room);
    std::vector<std::string> actions;
    for (const auto& a : t.s.audit_log(slug)) actions.push_back(a.action);
    CHECK(std::count(actions.begin(), actions.end(), "add_room") == 1);
    CHECK(std::count(actions.begin(), actions.end(), "add_session") == 1);
}

TEST_CASE("forgetting a person withdraws their sessions and blanks the host") {
    setup t(10);
    const auto anna = confirmed(t, "anna"), ben = confirmed(t, "ben");
    const auto a = t.s.propose_session(anna, proposal("Drohnen", "Anna Schmidt"));
    const auto b = t.s.propose_session(ben, proposal("Löten", "Ben"));
    t.s.vote(anna, b, true);
    (void)t.s.forget_person("ANNA@example.org", op("admin"));
    const auto p = t.s.programme(slug).value();
    REQUIRE(p.sessions.size() == 1);
    CHECK(p.sessions[0].id == b);
    CHECK(p.sessions[0].votes == 0);
    CHECK(a != b);
}
