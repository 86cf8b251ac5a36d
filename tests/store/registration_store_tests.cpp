#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "store/registration_setup.hpp"

using namespace tp;
using rs = calendar::registration_status;
using tp::testing::kinds;
using tp::testing::setup;

TEST_CASE("seats go in arrival order, then the waiting list, with gap-free positions") {
    setup t(2);
    const auto a = t.add("a"), b = t.add("b"), c = t.add("c"), d = t.add("d");
    CHECK(a.registration->status == rs::pending);
    CHECK(b.registration->status == rs::pending);
    CHECK(c.registration->status == rs::waitlisted);
    CHECK(c.registration->position == 1);
    CHECK(d.registration->position == 2);
    CHECK_FALSE(a.registration->position);
    CHECK(a.registration->token.size() == 32);
    CHECK(a.registration->token != b.registration->token);
    CHECK(kinds(t.s) == std::vector<std::string>{"confirm_request", "confirm_request", "waitlisted", "waitlisted"});
}

TEST_CASE("no capacity means no waiting list") {
    setup t(std::nullopt);
    for (int i = 0; i < 5; ++i) CHECK(t.add("p" + std::to_string(i)).registration->status == rs::pending);
}

TEST_CASE("the same email twice makes no second row and resends the link") {
    setup t(10);
    const auto first = t.add("anna");
    const auto again = t.s.register_person("mint-barcamp-2027", {"Anna", "ANNA@Example.org", "", "de", std::nullopt});
    CHECK(again.outcome == store::registration_outcome::repeated);
    CHECK(again.registration->id == first.registration->id);
    CHECK(kinds(t.s) == std::vector<std::string>{"confirm_request", "resend"});
}

TEST_CASE("an idempotency key returns the first answer") {
    setup t(1);
    const auto first = t.add("a", "key-1");
    const auto retry = t.add("a", "key-1");
    CHECK(retry.outcome == store::registration_outcome::created);
    CHECK(retry.registration->id == first.registration->id);
    CHECK(t.s.outbox().size() == 1);
}

TEST_CASE("double opt-in confirms, cancelling frees the seat for the first person waiting") {
    setup t(1);
    const auto a = t.add("a"), b = t.add("b"), c = t.add("c");
    CHECK(t.s.confirm_registration(a.registration->token)->status == rs::confirmed);
    CHECK(t.s.confirm_registration(a.registration->token)->status == rs::confirmed);  // a second click is fine
    CHECK_THROWS_AS(t.s.confirm_registration(b.registration->token), store::registration_conflict);
    CHECK(t.s.cancel_registration(a.registration->token)->status == rs::cancelled);
    CHECK(t.s.registration_by_token(b.registration->token)->status == rs::pending);  // promoted
    CHECK(t.s.registration_by_token(c.registration->token)->position == 1);          // moved up
    CHECK(kinds(t.s).back() == "promoted");
    CHECK_FALSE(t.s.confirm_registration("no-such-token"));
}

TEST_CASE("an unconfirmed hold expires and the seat goes to the waiting list") {
    setup t(1);
    const auto a = t.add("a"), b = t.add("b");
    t.now += calendar::default_hold + std::chrono::seconds{1};
    t.s.expire_pending();
    CHECK(t.s.registration_by_token(a.registration->token)->status == rs::expired);
    CHECK(t.s.registration_by_token(b.registration->token)->status == rs::pending);
    CHECK_THROWS_AS(t.s.confirm_registration(a.registration->token), store::registration_conflict);
    // Expired people may register again; they queue behind those already waiting.
    CHECK(t.add("a").registration->status == rs::waitlisted);
}

TEST_CASE("a late confirmation still gets a seat while one is free") {
    setup t(2);
    const auto a = t.add("a");
    t.now += calendar::default_hold + std::chrono::seconds{1};
    CHECK(t.s.confirm_registration(a.registration->token)->status == rs::confirmed);
}

TEST_CASE("registration outside its window is refused and writes nothing") {
    setup t(10);
    t.now -= std::chrono::hours{24 * 60};
    const auto early = t.add("a");
    CHECK(early.outcome == store::registration_outcome::window_closed);
    CHECK(early.window == calendar::registration_window::not_yet_open);
    CHECK(t.s.register_person("nothing", {"a", "a@example.org", "", "de", std::nullopt}).outcome ==
          store::registration_outcome::unknown_event);
    CHECK(t.s.outbox().empty());
}

TEST_CASE("raising the capacity moves the waiting list up at once") {
    setup t(1);
    t.add("a");
    const auto b = t.add("b"), c = t.add("c");
    auto e = t.s.event_by_slug("mint-barcamp-2027").value();
    e.capacity = 2;
    t.s.upsert({}, {&e, 1});
    CHECK(t.s.registration_by_token(b.registration->token)->status == rs::pending);
    CHECK(t.s.registration_by_token(c.registration->token)->position == 1);
    e.capacity = std::nullopt;  // no limit at all
    t.s.upsert({}, {&e, 1});
    CHECK(t.s.registration_by_token(c.registration->token)->status == rs::pending);
    CHECK(kinds(t.s).back() == "promoted");
}

TEST_CASE("a newcomer's waiting-list position is right after people left the list in every way") {
    setup t(1);
    const auto a = t.add("a");  // the seat
    std::vector<calendar::registration> waiting;
    for (const auto* who : {"b", "c", "d", "e", "f"}) waiting.push_back(t.add(who).registration.value());
    (void)t.s.cancel_registration(waiting[1].token);       // c leaves the list
    (void)t.s.cancel_registration(a.registration->token);  // b is promoted off the list
    t.now += std::chrono::hours{49};
    t.s.expire_pending();  // b's hold expires: d is promoted
    const auto again = t.s.register_person("mint-barcamp-2027", {"c", "c@example.org", "", "de", std::nullopt});
    const auto g = t.add("g");
    CHECK(again.registration->position.value() == 3);  // e, f, then c again
    CHECK(g.registration->position.value() == 4);
    CHECK(t.s.registration_by_token(g.registration->token)->position.value() == 4);
    CHECK(t.s.registration_by_token(again.registration->token)->position.value() == 3);
    CHECK(t.s.registration_by_token(waiting[3].token)->position.value() == 1);  // e
}

TEST_CASE("a person changes their answers while registration is open, never after it closes or they cancelled") {
    setup t(2);
    t.event.questions = {{"diet", "Essen", calendar::question_type::text, {}, false}};
    t.update();
    const auto a = t.add("a");
    const auto token = a.registration->token;
    const calendar::answers given{{"diet", {"vegan"}}};
    const auto answers_now = [&] { return t.s.registration_by_token(token)->answers_given; };
    const auto sent = t.s.outbox().size();
    CHECK(t.s.change_answers(token, given));
    CHECK(answers_now() == given);
    CHECK(t.s.outbox().size() == sent);  // nothing is mailed
    CHECK_FALSE(t.s.change_answers("no-such-token", {{"diet", {"x"}}}));

    t.now = *t.event.registration_closes;
    CHECK_FALSE(t.s.change_answers(token, {{"diet", {"Fisch"}}}));
    CHECK(answers_now() == given);

    t.now = *t.event.registration_closes - std::chrono::hours{1};
    (void)t.s.cancel_registration(token);
    CHECK_FALSE(t.s.change_answers(token, {{"diet", {"Fisch"}}}));
    CHECK(answers_now() == given);
}
