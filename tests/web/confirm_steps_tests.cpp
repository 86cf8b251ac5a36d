// What the page before a destructive action says: who is told, how many mails, what goes; in both languages.
#include <catch2/catch.hpp>

#include "sample_event.hpp"
#include "web/confirm_steps.hpp"

using namespace tp;
using rs = calendar::registration_status;

namespace {

web::page_context context(web::lang l) {
    web::page_context ctx;
    ctx.language = l;
    ctx.base_url = "https://tp.test";
    return ctx;
}

bool says(const web::confirm_step& step, std::string_view words) {
    if (step.title.find(words) != std::string::npos) return true;
    for (const auto& e : step.effects)
        if (e.find(words) != std::string::npos) return true;
    return false;
}

calendar::registration person(rs status) {
    calendar::registration r;
    r.name = "Anna Müller";
    r.email = "anna@example.org";
    r.status = status;
    r.token = "0123456789abcdef0123456789abcdef";
    return r;
}

}  // namespace

TEST_CASE("rejecting says who is mailed, and for a held seat that the invitation goes and the list moves up") {
    const auto e = testing::sample_event();
    struct row {
        rs status;
        bool invitation, seat;
    };
    const row table[] = {{rs::confirmed, true, true}, {rs::pending, false, true}, {rs::waitlisted, false, false}};
    for (const auto& r : table) {
        CAPTURE(calendar::to_string(r.status));
        const auto step = web::reject_step(context(web::lang::de), e, person(r.status), "/x", {{"back", "list"}});
        CHECK(step.title == "Anmeldung von Anna Müller ablehnen?");
        CHECK(says(step, "Anna Müller (anna@example.org) bekommt eine E-Mail"));
        CHECK(says(step, "Kalendereinladung") == r.invitation);
        CHECK(says(step, "Warteliste") == r.seat);
        CHECK(step.reason_label.starts_with("Begründung"));
        CHECK(step.fields == web::query_params{{"back", "list"}});
        CHECK(step.back == "/admin/events/mint-barcamp-2027");
    }
    const auto english = web::reject_step(context(web::lang::en), e, person(rs::confirmed), "/x", {});
    CHECK(english.title == "Reject the registration of Anna Müller?");
    CHECK(english.button == "Yes, reject");
}

TEST_CASE("messaging everyone counts the mails, and says when nobody would get one") {
    const auto e = testing::sample_event();
    const auto step = web::message_step(context(web::lang::de), e, {3, 2}, "Raumänderung", {});
    CHECK(says(step, "5 E-Mails gehen hinaus"));
    CHECK(says(step, "bestätigten (3)"));
    CHECK(says(step, "nicht bestätigten (2)"));
    CHECK(says(step, "Betreff: Raumänderung"));
    const auto none = web::message_step(context(web::lang::en), e, {0, 0}, "Room", {});
    CHECK(says(none, "Nobody is registered: no email goes out."));
    CHECK_FALSE(says(none, "cannot be undone"));
}

TEST_CASE("forgetting a person says how many registrations go and how many are still active") {
    const auto ctx = context(web::lang::de);
    const auto some = web::forget_step(ctx, "zora@example.org", {3, 1}, {{"email", "zora@example.org"}});
    CHECK(some.title == "Alle Daten zu zora@example.org löschen?");
    CHECK(says(some, "3 Anmeldungen mit dieser Adresse"));
    CHECK(says(some, "1 davon sind noch aktiv"));
    CHECK(says(some, "nicht rückgängig"));
    const auto past = web::forget_step(ctx, "zora@example.org", {2, 0}, {});
    CHECK_FALSE(says(past, "noch aktiv"));
    const auto none = web::forget_step(ctx, "niemand@example.org", {0, 0}, {});
    CHECK(says(none, "keine Anmeldung"));
    CHECK(none.effects.size() == 1);
}

TEST_CASE("removing a room or slot counts the sessions placed in it, removing a session its votes") {
    auto e = testing::sample_event();
    calendar::programme p;
    p.rooms = {{1, "Forum", 120}, {2, "Studio", 30}};
    p.slots = {{7, e.start, e.start + std::chrono::minutes{45}}};
    calendar::barcamp_session placed;
    placed.id = 11;
    placed.title = "Löten";
    placed.votes = 4;
    placed.room = 1;
    placed.slot = 7;
    calendar::barcamp_session waiting;
    waiting.id = 12;
    p.sessions = {placed, waiting};
    const auto ctx = context(web::lang::de);
    const auto forum = web::remove_part_step(ctx, e, p, "remove_room", 1, {{"action", "remove_room"}, {"id", "1"}});
    CHECK(forum.title == "Raum „Forum“ entfernen?");
    CHECK(says(forum, "1 Sessions darin"));
    CHECK(says(web::remove_part_step(ctx, e, p, "remove_room", 2, {}), "0 Sessions darin"));
    const auto slot = web::remove_part_step(ctx, e, p, "remove_slot", 7, {});
    CHECK(slot.title == "Zeitfenster Montag, 20. September 2027, 10:00 Uhr entfernen?");
    CHECK(says(slot, "1 Sessions darin"));
    const auto session = web::remove_session_step(ctx, e, placed, {});
    CHECK(session.title == "Session „Löten“ entfernen?");
    CHECK(says(session, "ihre 4 Stimmen"));
    CHECK(session.action == "/admin/events/mint-barcamp-2027/sessions");
}

TEST_CASE("a new feed address warns that the old one stops working") {
    const auto step = web::feed_reset_step(context(web::lang::en), person(rs::confirmed));
    CHECK(step.action == "/r/0123456789abcdef0123456789abcdef/feed");
    CHECK(step.back == "/r/0123456789abcdef0123456789abcdef");
    CHECK(says(step, "stops working at once"));
}
