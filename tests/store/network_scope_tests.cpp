// Every organiser write checks, inside its transaction, that the rows it finds belong to a network the writer
// manages; no write moves a row to another network; a series never claims another event's address.
#include <catch2/catch.hpp>

#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::op;
using tp::testing::setup;
using mode = store::store::save_mode;

namespace {

// The sample event belongs to ist-bochum; mint-nord is the other network, with an organiser of its own.
struct two_networks : setup {
    two_networks() : setup(10) {
        calendar::network other;
        other.slug = "mint-nord";
        other.name = "MINT-Region Nord";
        s.upsert({&other, 1}, {});
    }
    [[nodiscard]] static store::actor nord() {
        calendar::organiser o;
        o.email = "nils@mint-nord.example";
        o.networks = {"mint-nord"};
        return store::actor::organiser(o);
    }
};

// A weekly series of mint-nord whose first date is the sample event's day, so its first occurrence's address is
// "{slug}-2027-09-20".
calendar::series weekly(const std::string& slug) {
    calendar::series s;
    s.slug = slug;
    s.network_slug = "mint-nord";
    s.title = "Runde";
    s.rule = "FREQ=WEEKLY;COUNT=3";
    s.first_start = calendar::parse_local_date_time("2027-09-20T17:00");
    s.duration = hours{1};
    return s;
}

}  // namespace

TEST_CASE("a series whose date takes another event's address is refused and the event stays as it was") {
    two_networks t;
    auto squatter = testing::sample_event("treff-2027-09-20");
    t.s.upsert({}, {&squatter, 1});
    const auto before = t.s.event_by_slug("treff-2027-09-20").value();
    try {
        t.s.save_series(weekly("treff"), two_networks::nord(), mode::create);
        FAIL("the series was saved");
    } catch (const store::field_refusal& refused) {
        CHECK(refused.why == store::field_refusal::kind::date_taken);
        CHECK(refused.field == "slug");
        CHECK(refused.other == "treff-2027-09-20");
    }
    const auto after = t.s.event_by_slug("treff-2027-09-20").value();
    CHECK(after.network_slug == "ist-bochum");
    CHECK(after.title == before.title);
    CHECK(after.capacity == before.capacity);
    CHECK_FALSE(after.series_slug);
    CHECK_FALSE(t.s.series_by_slug("treff"));  // nothing of the series was written
}

TEST_CASE("extending series skips a date whose address another event took, and says which") {
    two_networks t;
    auto endless = weekly("runde");
    endless.rule = "FREQ=WEEKLY";
    t.s.save_series(endless, two_networks::nord(), mode::create);
    const auto dates = t.s.events({.series_slug = "runde"});
    REQUIRE(!dates.empty());
    // The first date beyond today's horizon: an event of ist-bochum takes its address before the horizon moves.
    const auto& zone = *calendar::find_zone("Europe/Berlin");
    const auto next_day = calendar::local_day_of(dates.back().start, zone) + date::days{7};
    const auto taken = "runde-" + date::format("%F", next_day);
    auto squatter = testing::sample_event(taken);
    t.s.upsert({}, {&squatter, 1});
    t.now += days{14};
    CHECK(t.s.extend_series() == std::vector<std::string>{taken});
    const auto kept = t.s.event_by_slug(taken).value();
    CHECK(kept.network_slug == "ist-bochum");
    CHECK_FALSE(kept.series_slug);
    CHECK(t.s.events({.series_slug = "runde"}).size() > dates.size());  // the dates after it still came
}

TEST_CASE("organisers of another network can change nothing of ist-bochum, whatever they name") {
    two_networks t;
    const auto anna = t.add("anna").registration.value();
    auto barcamp = t.event;
    const auto nord = two_networks::nord();
    auto moved = t.event;
    moved.network_slug = "mint-nord";
    moved.title = "Übernommen";
    CHECK_THROWS_AS(t.s.save_event(moved, nord, mode::change), store::forbidden_error);
    CHECK_THROWS_AS(t.s.save_event(t.event, nord, mode::change), store::forbidden_error);
    CHECK_THROWS_AS(t.s.act_on_registration(t.event.slug, anna.id, store::organiser_action::reject, nord),
                    store::forbidden_error);
    CHECK_THROWS_AS(t.s.message_attendees(t.event.slug, "Hallo", "Text", nord), store::forbidden_error);
    CHECK_THROWS_AS(t.s.add_room(t.event.slug, "Keller", 5, nord), store::forbidden_error);
    CHECK_THROWS_AS(t.s.add_session(t.event.slug, {"Drohnen", "", "Nils", calendar::session_kind::talk}, nord),
                    store::forbidden_error);
    CHECK_THROWS_AS(t.s.forget_person("anna@example.org", nord), store::forbidden_error);
    CHECK_THROWS_AS(t.s.invite_organiser({"x@example.org", "X", calendar::role::organiser, {"ist-bochum"}, ""}, nord),
                    store::forbidden_error);
    CHECK_THROWS_AS(t.s.invite_organiser({"y@example.org", "Y", calendar::role::admin, {}, ""}, nord),
                    store::forbidden_error);
    CHECK(t.s.event_by_slug(t.event.slug)->title == barcamp.title);
    CHECK(t.s.registration_by_token(anna.token)->status == calendar::registration_status::pending);
    CHECK(t.s.programme(t.event.slug)->rooms.empty());
    CHECK(t.s.audit_log().empty());
}

TEST_CASE("nobody moves a saved event or series to another network, not even an administrator") {
    two_networks t;
    auto moved = t.event;
    moved.network_slug = "mint-nord";
    try {
        t.s.save_event(moved, op("admin"), mode::change);
        FAIL("the event moved");
    } catch (const store::field_refusal& refused) {
        CHECK(refused.why == store::field_refusal::kind::network_fixed);
        CHECK(refused.field == "network");
        CHECK(refused.other == "ist-bochum");
    }
    CHECK_THROWS_AS(t.s.upsert({}, {&moved, 1}), store::field_refusal);  // nor an import
    t.s.save_series(weekly("runde"), op("admin"), mode::create);
    auto series = weekly("runde");
    series.network_slug = "ist-bochum";
    CHECK_THROWS_AS(t.s.save_series(series, op("admin"), mode::change), store::field_refusal);
    CHECK(t.s.event_by_slug(t.event.slug)->network_slug == "ist-bochum");
    CHECK(t.s.series_by_slug("runde")->network_slug == "mint-nord");
}

TEST_CASE("creating takes only a free address, changing only an existing one") {
    two_networks t;
    auto copy = t.event;
    CHECK_THROWS_AS(t.s.save_event(copy, op(), mode::create), store::field_refusal);
    auto fresh = testing::sample_event("ganz-neu");
    CHECK_THROWS_AS(t.s.save_event(fresh, op(), mode::change), store::not_found_error);
    t.s.save_event(fresh, op(), mode::create);
    CHECK(t.s.event_by_slug("ganz-neu"));
}

TEST_CASE("a series' rule cannot change how calendars know its dates while someone holds one") {
    two_networks t;
    auto s = weekly("runde");
    s.network_slug = "ist-bochum";
    t.s.save_series(s, op(), mode::create);
    auto outside = s;
    outside.rule = "FREQ=MONTHLY;BYMONTHDAY=20,27;COUNT=3";  // two days a month: written as its dates
    t.s.save_series(outside, op(), mode::change);            // nobody holds a date yet: allowed
    t.s.save_series(s, op(), mode::change);                  // and back
    const auto token = t.s.register_person("runde-2027-09-20", {"Ada", "ada@example.org", "", "de", std::nullopt})
                           .registration.value()
                           .token;
    t.s.confirm_registration(token);
    try {
        t.s.save_series(outside, op(), mode::change);
        FAIL("the rule changed");
    } catch (const store::field_refusal& refused) {
        CHECK(refused.why == store::field_refusal::kind::identity_fixed);
        CHECK(refused.field == "rrule");
    }
    CHECK(t.s.series_by_slug("runde").value().rule == "FREQ=WEEKLY;COUNT=3");
    auto longer = s;  // a change within the same form stays possible
    longer.rule = "FREQ=WEEKLY;COUNT=5";
    t.s.save_series(longer, op(), mode::change);
    CHECK(t.s.series_by_slug("runde").value().rule == "FREQ=WEEKLY;COUNT=5");
}
