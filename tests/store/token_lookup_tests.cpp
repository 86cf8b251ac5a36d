// Registration links and personal feeds are found by their token's digest (migration 14), so how long a lookup
// takes depends on nothing an attacker can steer towards a real token.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "store/migrations.hpp"
#include "store/registration_setup.hpp"
#include "store/tokens.hpp"

using namespace tp;
using tp::testing::setup;
using rs = calendar::registration_status;

namespace {

// Overwrites the stored tokens, keeping their digests: a lookup that still succeeds went by the digest.
void replace_stored_tokens(const std::string& db) {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE registrations SET token = 'replaced-' || id");
    raw.exec("UPDATE personal_feeds SET token = 'replaced-' || email_key");
}

std::string stored(const std::string& db, const std::string& sql) {
    SQLite::Database raw(db);
    return raw.execAndGet(sql).getString();
}

}  // namespace

TEST_CASE("a registration is stored with its token's digest and found by it, not by the token") {
    setup t(10);
    const auto anna = t.add("anna").registration.value();
    CHECK(stored(t.db.str(), "SELECT token_digest FROM registrations WHERE id = " + std::to_string(anna.id)) ==
          store::token_digest(anna.token));
    replace_stored_tokens(t.db.str());
    REQUIRE(t.s.registration_by_token(anna.token));
    CHECK(t.s.registration_by_token(anna.token)->id == anna.id);
    CHECK_FALSE(t.s.registration_by_token("replaced-" + std::to_string(anna.id)));
    CHECK_FALSE(t.s.registration_by_token(store::token_digest(anna.token)));  // the digest is no key either
    CHECK(t.s.confirm_registration(anna.token)->status == rs::confirmed);
    CHECK(t.s.cancel_registration(anna.token)->status == rs::cancelled);
    CHECK_FALSE(t.s.confirm_registration("replaced-" + std::to_string(anna.id)));
    CHECK_FALSE(t.s.cancel_registration(""));
}

TEST_CASE("a personal feed is found by its token's digest, a new token replaces the old one") {
    setup t(10);
    const auto anna = t.s.confirm_registration(t.add("anna").registration.value().token).value();
    const auto feed = t.s.personal_feed_token(anna);
    CHECK(t.s.personal_feed_token(anna) == feed);  // one feed per person
    CHECK(stored(t.db.str(), "SELECT token_digest FROM personal_feeds") == store::token_digest(feed));
    replace_stored_tokens(t.db.str());
    REQUIRE(t.s.personal_feed_events(feed));
    CHECK(t.s.personal_feed_events(feed)->events.size() == 1);
    CHECK_FALSE(t.s.personal_feed_events("replaced-anna@example.org"));

    const auto fresh = t.s.reset_personal_feed(anna);
    CHECK(fresh != feed);
    CHECK(stored(t.db.str(), "SELECT token_digest FROM personal_feeds") == store::token_digest(fresh));
    CHECK_FALSE(t.s.personal_feed_events(feed));
    CHECK(t.s.personal_feed_events(fresh)->events.size() == 1);
}

TEST_CASE("tokens stored before migration 14 get their digests and keep working") {
    testing::temp_path db;
    {
        SQLite::Database raw(db.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        REQUIRE(store::migrate(raw, 13) == 13);
        raw.exec("INSERT INTO networks (slug, name, created_at, updated_at) VALUES ('n', 'N', 0, 0)");
        raw.exec(
            "INSERT INTO events (uid, slug, network_id, kind, title, start_utc, end_utc, time_zone, format, "
            "status, created_at, updated_at) VALUES ('u', 'e', 1, 'webinar', 'E', 0, 1, 'UTC', 'online', "
            "'published', 0, 0)");
        for (const char* who : {"a", "b"})
            raw.exec(std::string("INSERT INTO registrations (event_id, token, email, email_key, name, status, "
                                 "created_at, updated_at) VALUES (1, 'link-") +
                     who + "', '" + who + "@b.de', '" + who + "@b.de', 'A', 'confirmed', 0, 0)");
        raw.exec("INSERT INTO personal_feeds (email_key, token, created_at) VALUES ('a@b.de', 'feed-a', 0)");
    }
    store::store s(db.str());
    CHECK(stored(db.str(), "SELECT token_digest FROM registrations WHERE token = 'link-b'") ==
          store::token_digest("link-b"));
    REQUIRE(s.registration_by_token("link-a"));
    CHECK(s.registration_by_token("link-a")->email == "a@b.de");
    CHECK(s.registration_by_token("link-b")->email == "b@b.de");
    CHECK_FALSE(s.registration_by_token("link-c"));
    REQUIRE(s.personal_feed_events("feed-a"));
    CHECK(s.personal_feed_events("feed-a")->events.size() == 1);
}

TEST_CASE("two registrations cannot share a token digest") {
    setup t(10);
    const auto anna = t.add("anna").registration.value();
    (void)t.add("ben");
    SQLite::Database raw(t.db.str(), SQLite::OPEN_READWRITE);
    CHECK_THROWS_AS(raw.exec("UPDATE registrations SET token_digest = (SELECT token_digest FROM registrations WHERE "
                             "id = " +
                             std::to_string(anna.id) + ") WHERE id <> " + std::to_string(anna.id)),
                    SQLite::Exception);
    CHECK(t.s.registration_by_token(anna.token)->id == anna.id);
}
