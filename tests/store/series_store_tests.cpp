#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "store/store.hpp"
#include "temp_path.hpp"

using namespace tp;
using calendar::event_status;

namespace {

struct fake_clock {
    calendar::sys_seconds now = calendar::resolve_local(calendar::parse_local_date_time("2027-01-01T12:00"),
                                                        *calendar::find_zone("Europe/Berlin"));
    store::store::clock_fn fn() {
        return [this] { return now; };
    }
};

calendar::network net() {
    calendar::network n;
    n.slug = "mint-regionen";
    n.name = "Netzwerk MINT-Regionen";
    return n;
}

calendar::sys_seconds berlin(const char* local) {
    return calendar::resolve_local(calendar::parse_local_date_time(local), *calendar::find_zone("Europe/Berlin"));
}

// The alumni exchange round: every second month on the last Tuesday, 17:00-18:30.
calendar::series exchange_round() {
    calendar::series s;
    s.slug = "alumni-austauschrunde";
    s.network_slug = "mint-regionen";
    s.title = "Alumni-Austauschrunde";
    s.rule = "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU";
    s.first_start = calendar::parse_local_date_time("2027-01-26T17:00");
    s.duration = std::chrono::minutes{90};
    s.join_url = "https://meet.example/alumni";
    s.capacity = 30;
    return s;
}

calendar::series_override moved() {
    calendar::series_override o;
    o.original_start = calendar::parse_local_date_time("2027-05-25T17:00");
    o.start = berlin("2027-05-27T17:00");
    o.end = berlin("2027-05-27T18:30");
    o.title = "Alumni-Austauschrunde (verschoben)";
    return o;
}

std::vector<std::string> occurrence_slugs(store::store& s) {
    std::vector<std::string> out;
    for (const auto& e : s.events({})) out.push_back(e.slug);
    return out;
}

}  // namespace

TEST_CASE("a series becomes occurrences up to 18 months ahead, skipping and moving dates") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    auto series = exchange_round();
    series.exdates = {calendar::parse_local_date_time("2027-07-27T17:00")};
    series.overrides = {moved()};
    const auto n = net();
    s.upsert({&n, 1}, {}, {&series, 1});

    const auto slugs = occurrence_slugs(s);
    // Jan 2027 .. Jul 2028 (18 months from 2027-01-01) every other month, without 27 July 2027.
    CHECK(slugs == std::vector<std::string>{"alumni-austauschrunde-2027-01-26", "alumni-austauschrunde-2027-03-30",
                                            "alumni-austauschrunde-2027-05-25", "alumni-austauschrunde-2027-09-28",
                                            "alumni-austauschrunde-2027-11-30", "alumni-austauschrunde-2028-01-25",
                                            "alumni-austauschrunde-2028-03-28", "alumni-austauschrunde-2028-05-30"});
    const auto may = s.event_by_slug("alumni-austauschrunde-2027-05-25").value();
    CHECK(may.start == berlin("2027-05-27T17:00"));
    CHECK(may.title == "Alumni-Austauschrunde (verschoben)");
    CHECK(may.series_slug == "alumni-austauschrunde");
    CHECK(may.capacity == 30);
    const auto march = s.event_by_slug("alumni-austauschrunde-2027-03-30").value();
    CHECK(march.start == berlin("2027-03-30T17:00"));  // wall time kept across DST
    CHECK(march.end - march.start == std::chrono::minutes{90});

    const auto stored = s.series_by_slug("alumni-austauschrunde").value();
    CHECK(stored.exdates == series.exdates);
    REQUIRE(stored.overrides.size() == 1);
    CHECK(stored.overrides[0].sequence == 1);  // above the series' 0
    CHECK(s.series_list({}).size() == 1);
    CHECK(s.events({.include_occurrences = false}).empty());
}

TEST_CASE("re-importing a series unchanged changes nothing, overrides survive re-materialisation") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    auto series = exchange_round();
    series.overrides = {moved()};
    const auto n = net();
    s.upsert({&n, 1}, {}, {&series, 1});
    const auto id_before = s.event_by_slug("alumni-austauschrunde-2027-05-25")->id;
    const auto version = s.data_version();
    clock.now += std::chrono::hours{1};
    s.upsert({&n, 1}, {}, {&series, 1});
    s.extend_series();
    CHECK(s.data_version() == version);

    clock.now += std::chrono::days{120};  // the horizon moves: more occurrences, the moved one stays moved
    s.extend_series();
    CHECK(occurrence_slugs(s).back() == "alumni-austauschrunde-2028-09-26");
    const auto may = s.event_by_slug("alumni-austauschrunde-2027-05-25").value();
    CHECK(may.id == id_before);
    CHECK(may.start == berlin("2027-05-27T17:00"));
}

TEST_CASE("changes raise SEQUENCE of the series and, separately, of each override") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    auto series = exchange_round();
    series.overrides = {moved()};
    const auto n = net();
    s.upsert({&n, 1}, {}, {&series, 1});

    series.overrides[0].end = berlin("2027-05-27T19:00");  // the override changes: its SEQUENCE rises
    s.upsert({&n, 1}, {}, {&series, 1});
    auto stored = s.series_by_slug(series.slug).value();
    CHECK(stored.sequence == 0);
    CHECK(stored.overrides[0].sequence == 2);

    series.title = "Alumni-Runde";  // a title is no significant change
    s.upsert({&n, 1}, {}, {&series, 1});
    CHECK(s.series_by_slug(series.slug)->sequence == 0);
    CHECK(s.event_by_slug("alumni-austauschrunde-2027-03-30")->title == "Alumni-Runde");

    series.exdates = {calendar::parse_local_date_time("2027-03-30T17:00")};  // skipping a date is
    s.upsert({&n, 1}, {}, {&series, 1});
    CHECK(s.series_by_slug(series.slug)->sequence == 1);
    CHECK_FALSE(s.event_by_slug("alumni-austauschrunde-2027-03-30"));
}

TEST_CASE("a cancelled occurrence stays as a cancelled event") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    auto series = exchange_round();
    calendar::series_override cancel;
    cancel.original_start = calendar::parse_local_date_time("2027-03-30T17:00");
    cancel.status = event_status::cancelled;
    series.overrides = {cancel};
    const auto n = net();
    s.upsert({&n, 1}, {}, {&series, 1});
    const auto march = s.event_by_slug("alumni-austauschrunde-2027-03-30").value();
    CHECK(march.status == event_status::cancelled);
    CHECK(march.sequence == 1);
}

TEST_CASE("a series of an unknown network rolls back the whole import") {
    testing::temp_path db;
    store::store s(db.str());
    auto series = exchange_round();
    series.network_slug = "nowhere";
    const auto n = net();
    CHECK_THROWS_WITH(s.upsert({&n, 1}, {}, {&series, 1}),
                      Catch::Contains("series 'alumni-austauschrunde': unknown network"));
    CHECK(s.empty());
}

TEST_CASE("changing a series from a date on splits it and leaves the past untouched") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    auto series = exchange_round();
    series.overrides = {moved()};
    const auto n = net();
    s.upsert({&n, 1}, {}, {&series, 1});
    const auto march_before = s.event_by_slug("alumni-austauschrunde-2027-03-30").value();

    // From September on the round meets on the first Thursday, 18:00, in person.
    auto next = exchange_round();
    next.slug = "alumni-austauschrunde-ab-september";
    next.rule = "FREQ=MONTHLY;INTERVAL=2;BYDAY=1TH";
    next.first_start = calendar::parse_local_date_time("2027-09-02T18:00");
    next.format = calendar::event_format::in_person;
    next.venue = "Erfurt";
    next.overrides.clear();
    clock.now += std::chrono::hours{1};
    s.split_series("alumni-austauschrunde", calendar::parse_local_date_time("2027-09-01T00:00"), next);

    const auto old = s.series_by_slug("alumni-austauschrunde").value();
    CHECK(old.rule == "FREQ=MONTHLY;INTERVAL=2;UNTIL=20270831T215959Z;BYDAY=-1TU");
    CHECK(old.sequence == 1);
    REQUIRE(old.overrides.size() == 1);  // May's move was before the split
    const auto march_after = s.event_by_slug("alumni-austauschrunde-2027-03-30").value();
    CHECK(march_after.id == march_before.id);
    CHECK(march_after.start == march_before.start);
    CHECK(s.event_by_slug("alumni-austauschrunde-2027-05-25")->start == berlin("2027-05-27T17:00"));
    CHECK_FALSE(s.event_by_slug("alumni-austauschrunde-2027-09-28"));  // the old rule's later dates are gone
    const auto september = s.event_by_slug("alumni-austauschrunde-ab-september-2027-09-02").value();
    CHECK(september.venue == "Erfurt");
    CHECK(september.start == berlin("2027-09-02T18:00"));
    CHECK(s.series_by_slug(next.slug)->uid != old.uid);

    CHECK_THROWS_WITH(s.split_series("nowhere", calendar::parse_local_date_time("2027-09-01T00:00"), next),
                      Catch::Contains("does not exist"));
}

TEST_CASE("occurrences take the series' questions and reminders, also when they change") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    auto series = exchange_round();
    calendar::question q;
    q.key = "thema";
    q.label = "Ihr Thema";
    series.questions = {q};
    series.reminders = {std::chrono::hours{2}};
    const auto n = net();
    s.upsert({&n, 1}, {}, {&series, 1});
    const auto first = s.event_by_slug("alumni-austauschrunde-2027-03-30").value();
    CHECK(first.questions == series.questions);
    CHECK(first.reminders == series.reminders);
    series.questions[0].label = "Worüber möchten Sie sprechen?";
    series.reminders = {};
    s.upsert({&n, 1}, {}, {&series, 1});
    const auto changed = s.event_by_slug("alumni-austauschrunde-2027-03-30").value();
    CHECK(changed.questions.at(0).label == "Worüber möchten Sie sprechen?");
    CHECK(changed.reminders.empty());
    CHECK(s.series_by_slug("alumni-austauschrunde")->questions == series.questions);
}
