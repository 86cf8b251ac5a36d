#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "sample_event.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "temp_path.hpp"

using namespace tp;
using calendar::event;
using calendar::event_kind;
using calendar::event_status;
using calendar::network;
using tp::testing::sample_event;

namespace {

struct fake_clock {
    calendar::sys_seconds now = calendar::sys_seconds{std::chrono::seconds{1'800'000'000}};
    store::store::clock_fn fn() {
        return [this] { return now; };
    }
};

network sample_network(std::string slug = "ist-bochum") {
    network n;
    n.slug = std::move(slug);
    n.name = "zdi-Netzwerk IST.Bochum.NRW";
    n.region = "Nordrhein-Westfalen";
    return n;
}

event event_of(std::string slug, std::string network_slug, event_kind kind, int day_offset) {
    auto e = sample_event(std::move(slug));
    e.network_slug = std::move(network_slug);
    e.kind = kind;
    e.start += std::chrono::hours{24 * day_offset};
    e.end += std::chrono::hours{24 * day_offset};
    return e;
}

std::vector<std::string> slugs(const std::vector<event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.slug);
    return out;
}

}  // namespace

TEST_CASE("a new database is migrated, and reopening keeps the data") {
    testing::temp_path db;
    {
        store::store s(db.str());
        CHECK(s.empty());
        const network n = sample_network();
        s.upsert({&n, 1}, {});
    }
    store::store again(db.str());
    CHECK_FALSE(again.empty());
    SQLite::Database raw(db.str());
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == store::latest_schema_version());
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("a database from a newer version is refused, untouched") {
    testing::temp_path db;
    {
        SQLite::Database raw(db.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("PRAGMA user_version = 999");
    }
    CHECK_THROWS_WITH(store::store(db.str()), Catch::Contains("newer than this Treffpunkt"));
    SQLite::Database raw(db.str());
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 999);
}

TEST_CASE("events are filtered by network, kind, status and time, ordered by start") {
    testing::temp_path db;
    store::store s(db.str());
    const std::vector<network> nets{sample_network("a"), sample_network("b")};
    auto draft = event_of("draft", "a", event_kind::webinar, 1);
    draft.status = event_status::draft;
    auto cancelled = event_of("cancelled", "b", event_kind::meeting, 4);
    cancelled.status = event_status::cancelled;
    const std::vector<event> events{event_of("late", "a", event_kind::barcamp, 3), draft,
                                    event_of("early", "b", event_kind::webinar, 0), cancelled};
    s.upsert(nets, events);

    CHECK(slugs(s.events({})) == std::vector<std::string>{"early", "late", "cancelled"});
    CHECK(slugs(s.events({.network_slug = "a"})) == std::vector<std::string>{"late"});
    CHECK(slugs(s.events({.kinds = {event_kind::webinar, event_kind::meeting}})) ==
          std::vector<std::string>{"early", "cancelled"});
    CHECK(slugs(s.events({.include_drafts = true})) == std::vector<std::string>{"early", "draft", "late", "cancelled"});
    CHECK(slugs(s.events({.ending_after = events[0].start})) == std::vector<std::string>{"late", "cancelled"});
    const auto found = s.event_by_slug("late");
    REQUIRE(found);
    CHECK(found->network_name == "zdi-Netzwerk IST.Bochum.NRW");
    CHECK(found->start == events[0].start);
    CHECK(found->capacity == 120);
    CHECK(found->uid.size() > 20);
    CHECK_FALSE(s.event_by_slug("missing"));
    CHECK_FALSE(s.network_by_slug("missing"));
    CHECK(s.networks().size() == 2);
}

TEST_CASE("re-importing unchanged data changes nothing, changes move stamps and SEQUENCE") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    const network n = sample_network();
    auto e = event_of("barcamp", "ist-bochum", event_kind::barcamp, 0);
    s.upsert({&n, 1}, {&e, 1});
    const auto first = *s.event_by_slug("barcamp");
    const auto version = s.data_version();

    clock.now += std::chrono::hours{1};
    s.upsert({&n, 1}, {&e, 1});
    CHECK(s.event_by_slug("barcamp")->updated_at == first.updated_at);
    CHECK(s.data_version() == version);

    e.title = "MINT:Barcamp 2027";
    s.upsert({&n, 1}, {&e, 1});
    const auto retitled = *s.event_by_slug("barcamp");
    CHECK(retitled.updated_at == clock.now);
    CHECK(retitled.sequence == 0);
    CHECK(retitled.uid == first.uid);
    CHECK(s.data_version() != version);

    const auto [what, change] = GENERATE(table<std::string, std::function<void(event&)>>({
        {"start", [](event& x) { x.start -= std::chrono::hours{1}; }},
        {"end", [](event& x) { x.end += std::chrono::hours{1}; }},
        {"status", [](event& x) { x.status = event_status::cancelled; }},
        {"venue", [](event& x) { x.venue = "Elsewhere"; }},
    }));
    CAPTURE(what);
    change(e);
    s.upsert({&n, 1}, {&e, 1});
    CHECK(s.event_by_slug("barcamp")->sequence == 1);
}

TEST_CASE("a bad entry rolls the whole import back") {
    testing::temp_path db;
    store::store s(db.str());
    const network n = sample_network();
    const std::vector<event> events{event_of("good", "ist-bochum", event_kind::barcamp, 0),
                                    event_of("orphan", "nowhere", event_kind::barcamp, 0)};
    CHECK_THROWS_WITH(s.upsert({&n, 1}, events), Catch::Contains("event 'orphan': unknown network 'nowhere'"));
    CHECK(s.empty());

    auto backwards = event_of("backwards", "ist-bochum", event_kind::barcamp, 0);
    std::swap(backwards.start, backwards.end);
    CHECK_THROWS_AS(s.upsert({&n, 1}, {&backwards, 1}), store::import_error);
    CHECK(s.empty());
}

TEST_CASE("last change only moves forward and sees drafts leaving a feed") {
    testing::temp_path db;
    fake_clock clock;
    store::store s(db.str(), clock.fn());
    const network n = sample_network();
    auto e = event_of("e", "ist-bochum", event_kind::barcamp, 0);
    s.upsert({&n, 1}, {&e, 1});
    const auto before = s.last_change({});
    clock.now += std::chrono::hours{2};
    e.status = event_status::draft;
    s.upsert({&n, 1}, {&e, 1});
    CHECK(s.last_change({}) == clock.now);
    CHECK(s.last_change({}) > before);
    CHECK(s.last_change({.kinds = {event_kind::webinar}}) == before - std::chrono::hours{0});
}

TEST_CASE("writes by another process are noticed through the data version") {
    testing::temp_path db;
    store::store server(db.str());
    store::store importer(db.str());
    const auto before = server.data_version();
    server.refresh_data_version();
    CHECK(server.data_version() == before);
    const network n = sample_network();
    importer.upsert({&n, 1}, {});
    server.refresh_data_version();
    CHECK(server.data_version() != before);
}

TEST_CASE("reads after a write see it, on every pooled connection") {
    // A statement left stepped would hold its read snapshot open and hide later writes.
    testing::temp_path db;
    store::store s(db.str());
    CHECK(s.empty());
    CHECK(s.events({}).empty());
    CHECK_FALSE(s.event_by_slug("e"));
    const network n = sample_network();
    const auto e = event_of("e", "ist-bochum", event_kind::barcamp, 0);
    s.upsert({&n, 1}, {&e, 1});
    CHECK(s.events({}).size() == 1);
    CHECK(s.event_by_slug("e"));
    CHECK(s.last_change({}) > calendar::sys_seconds{});
    CHECK_FALSE(s.empty());
}

TEST_CASE("a database written by the first version upgrades without loss") {
    testing::temp_path db;
    {
        SQLite::Database raw(db.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        REQUIRE(store::migrate(raw, 1) == 1);
        raw.exec("INSERT INTO networks (slug, name, created_at, updated_at) VALUES ('old-net', 'Old', 1, 2)");
        raw.exec(
            "INSERT INTO events (uid, slug, network_id, kind, title, start_utc, end_utc, time_zone, format, "
            "status, created_at, updated_at) VALUES ('u1@old', 'old-event', 1, 'webinar', 'Old webinar', "
            "1800000000, 1800003600, 'Europe/Berlin', 'online', 'published', 1, 2)");
    }
    store::store upgraded(db.str());
    const auto e = upgraded.event_by_slug("old-event");
    REQUIRE(e);
    CHECK(e->uid == "u1@old");
    CHECK(e->title == "Old webinar");
    CHECK_FALSE(e->series_slug);
    CHECK(upgraded.events({}).size() == 1);
    SQLite::Database raw(db.str());
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == store::latest_schema_version());
}
