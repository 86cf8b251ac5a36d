#include <catch2/catch.hpp>

#include <algorithm>
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/migrations.hpp"
#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::kinds;
using tp::testing::op;
using tp::testing::setup;

namespace {

std::vector<store::outbox_message> of_kind(store::store& s, const std::string& kind) {
    std::vector<store::outbox_message> out;
    for (auto& m : s.outbox())
        if (calendar::to_string(m.kind) == kind) out.push_back(m);
    return out;
}

// A registration confirmed now.
calendar::registration confirmed(setup& t, const std::string& who) {
    const auto r = t.add(who).registration.value();
    return t.s.confirm_registration(r.token).value();
}

}  // namespace

TEST_CASE("claiming gives each due message once, with a lease and a stable Message-ID") {
    setup t(10);
    (void)t.add("a");
    (void)t.add("b");
    const auto first = t.s.claim_outbox(60s, 10, "tp.test");
    REQUIRE(first.size() == 2);
    CHECK(first[0].status == calendar::delivery_status::sending);
    CHECK(first[0].attempts == 1);
    CHECK(first[0].message_id.ends_with("@tp.test"));
    CHECK(first[0].message_id != first[1].message_id);
    CHECK(t.s.claim_outbox(60s, 10, "tp.test").empty());  // leased
    t.now += 61s;                                         // the sender died: the lease runs out
    const auto again = t.s.claim_outbox(60s, 10, "tp.test");
    REQUIRE(again.size() == 2);
    CHECK(again[0].message_id == first[0].message_id);
    CHECK(again[0].attempts == 2);
}

TEST_CASE("a claim takes at most the limit, oldest first") {
    setup t(10);
    for (const auto* who : {"a", "b", "c"}) (void)t.add(who);
    const auto claimed = t.s.claim_outbox(60s, 2, "tp.test");
    REQUIRE(claimed.size() == 2);
    CHECK(claimed[0].recipient == "a@example.org");
    CHECK(claimed[1].recipient == "b@example.org");
}

TEST_CASE("sent, retried, failed and skipped messages are counted and kept with their reason") {
    setup t(10);
    for (const auto* who : {"a", "b", "c", "d"}) (void)t.add(who);
    const auto claimed = t.s.claim_outbox(60s, 10, "tp.test");
    REQUIRE(claimed.size() == 4);
    t.s.outbox_sent(claimed[0].id);
    t.s.outbox_retry(claimed[1].id, t.now + 30s, "451 try later");
    t.s.outbox_failed(claimed[2].id, "550 no such user");
    t.s.outbox_skipped(claimed[3].id, "event cancelled");
    const auto n = t.s.count_outbox();
    CHECK(n.sent == 1);
    CHECK(n.retrying == 1);
    CHECK(n.failed == 1);
    CHECK(n.skipped == 1);
    CHECK(n.queued == 0);
    CHECK(n.sending == 0);
    const auto all = t.s.outbox();
    CHECK(all[1].last_error == "451 try later");
    CHECK(all[2].last_error == "550 no such user");
    CHECK(t.s.next_due() == t.now + 30s);
    CHECK(t.s.claim_outbox(60s, 10, "tp.test").empty());  // the retry is not due yet
    t.now += 30s;
    const auto retried = t.s.claim_outbox(60s, 10, "tp.test");
    REQUIRE(retried.size() == 1);
    CHECK(retried[0].id == claimed[1].id);
    CHECK(retried[0].message_id == claimed[1].message_id);
}

TEST_CASE("marking needs the message to be held: a late sender cannot undo a newer state") {
    setup t(10);
    (void)t.add("a");
    const auto claimed = t.s.claim_outbox(60s, 10, "tp.test");
    t.s.outbox_sent(claimed[0].id);
    t.s.outbox_retry(claimed[0].id, t.now, "late");  // not 'sending' any more: ignored
    CHECK(t.s.outbox()[0].status == calendar::delivery_status::sent);
    CHECK(t.s.outbox()[0].last_error.empty());
}

TEST_CASE("what a message is about is read when it is sent") {
    setup t(10);
    const auto r = confirmed(t, "anna");
    const auto m = of_kind(t.s, "confirmed").at(0);
    const auto subject = t.s.subject_of(m);
    REQUIRE(subject);
    CHECK(subject->registration.id == r.id);
    CHECK(subject->event.slug == "mint-barcamp-2027");
    CHECK(subject->network.contact_email == "joerg@ist-bochum.example");
    CHECK(subject->confirmed_at == t.now);
}

TEST_CASE("reminders are queued once each, at their moment, for confirmed registrations only") {
    setup t(10);
    const auto start = testing::sample_event().start;
    (void)confirmed(t, "anna");
    (void)t.add("ben");  // pending: no reminders
    const auto c = confirmed(t, "carla");
    (void)t.s.cancel_registration(c.token);
    CHECK(t.s.schedule_reminders() == 0);
    t.now = start - days{7};
    CHECK(t.s.schedule_reminders() == 1);
    CHECK(t.s.schedule_reminders() == 0);  // not twice
    t.now = start - days{1} + 1s;
    CHECK(t.s.schedule_reminders() == 1);
    t.now = start + 1s;
    CHECK(t.s.schedule_reminders() == 0);
    const auto reminders = of_kind(t.s, "reminder");
    REQUIRE(reminders.size() == 2);
    CHECK(reminders[0].recipient == "anna@example.org");
    CHECK(reminders[0].payload == "{\"offset\":604800}");
    CHECK(reminders[1].payload == "{\"offset\":86400}");
}

TEST_CASE("after a long downtime only the reminder closest to the start goes out, the other is recorded as skipped") {
    setup t(10);
    const auto start = testing::sample_event().start;
    (void)confirmed(t, "anna");
    t.now = start - hours{20};  // both moments passed while the server was down
    CHECK(t.s.schedule_reminders() == 1);
    const auto reminders = of_kind(t.s, "reminder");
    REQUIRE(reminders.size() == 2);
    const auto skipped = std::count_if(reminders.begin(), reminders.end(),
                                       [](auto& m) { return m.status == calendar::delivery_status::skipped; });
    CHECK(skipped == 1);
    CHECK(t.s.schedule_reminders() == 0);
}

TEST_CASE("reminders follow the event when it moves, and stop when it is cancelled") {
    setup t(10);
    (void)confirmed(t, "anna");
    t.event.start += days{14};
    t.event.end += days{14};
    t.event.reminders = {days{2}};
    t.update();
    CHECK(of_kind(t.s, "event_changed").size() == 1);
    t.now = testing::sample_event().start - days{7};  // the old moment: nothing
    CHECK(t.s.schedule_reminders() == 0);
    t.now = t.event.start - days{2};
    CHECK(t.s.schedule_reminders() == 1);
    t.event.status = calendar::event_status::cancelled;
    t.update();
    CHECK(of_kind(t.s, "event_cancelled").size() == 1);
    CHECK(of_kind(t.s, "event_changed").size() == 1);
}

TEST_CASE("changes that matter to attendees notify every active registration, others notify nobody") {
    setup t(1);
    (void)confirmed(t, "anna");
    (void)t.add("ben");                   // waiting
    t.event.title = "MINT:Barcamp 2027";  // not significant
    t.update();
    CHECK(of_kind(t.s, "event_changed").empty());
    t.event.venue = "Zeche Zollverein";
    t.update();
    const auto changed = of_kind(t.s, "event_changed");
    REQUIRE(changed.size() == 2);
    CHECK(changed[0].recipient == "anna@example.org");
    CHECK(changed[1].recipient == "ben@example.org");
    CHECK(t.s.event_by_slug("mint-barcamp-2027")->sequence == 1);
}

TEST_CASE("an organisers' message goes to confirmed and pending registrations") {
    setup t(2);
    (void)confirmed(t, "anna");
    (void)t.add("ben");
    (void)t.add("carla");  // waiting: not an attendee
    CHECK(t.s.message_attendees("mint-barcamp-2027", "Raumänderung", "Wir sind in Halle 2.", op()) == 2);
    CHECK_FALSE(t.s.message_attendees("no-such-event", "x", "y", op()));
    const auto sent = of_kind(t.s, "organiser_message");
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].payload == "{\"subject\":\"Raumänderung\",\"body\":\"Wir sind in Halle 2.\"}");
}

TEST_CASE("upgrading keeps the outbox rows of a version-6 database") {
    const testing::temp_path db;
    {
        SQLite::Database raw(db.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(raw, 6);
        raw.exec("INSERT INTO networks (slug, name, created_at, updated_at) VALUES ('n', 'N', 0, 0)");
        raw.exec(
            "INSERT INTO events (uid, slug, network_id, kind, title, start_utc, end_utc, time_zone, format, status, "
            "created_at, updated_at) VALUES ('u', 'e', 1, 'webinar', 'E', 0, 1, 'UTC', 'online', 'published', 0, 0)");
        raw.exec(
            "INSERT INTO registrations (event_id, token, email, email_key, name, status, created_at, updated_at) "
            "VALUES (1, 't', 'a@b.de', 'a@b.de', 'A', 'pending', 0, 0)");
        raw.exec(
            "INSERT INTO outbox (kind, registration_id, recipient, language, created_at, due_at, status) "
            "VALUES ('confirm_request', 1, 'a@b.de', 'en', 5, 5, 'queued')");
    }
    store::store s(db.str());
    const auto all = s.outbox();
    REQUIRE(all.size() == 1);
    CHECK(all[0].kind == calendar::message_kind::confirm_request);
    CHECK(all[0].language == "en");
    CHECK(all[0].attempts == 0);
    CHECK(all[0].payload == "{}");
    CHECK(s.event_by_slug("e")->reminders == std::vector<seconds>{days{7}, days{1}});
}
