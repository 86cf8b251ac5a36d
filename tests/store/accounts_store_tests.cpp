#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/registration_setup.hpp"

using namespace tp;
using namespace std::chrono;
using tp::testing::setup;
using outcome = store::login_result::outcome;

namespace {

store::new_organiser jana() {
    return {"Jana.Koch@ist-bochum.de", "Jana Koch", calendar::role::organiser, {"ist-bochum"}, "lange-geheime-phrase"};
}

std::string dump(const std::string& db) {
    SQLite::Database raw(db);
    SQLite::Statement all(raw,
                          "SELECT group_concat(digest) FROM (SELECT digest FROM admin_sessions UNION ALL "
                          "SELECT digest FROM api_tokens)");
    all.executeStep();
    return all.getColumn(0).isNull() ? std::string{} : all.getColumn(0).getString();
}

}  // namespace

TEST_CASE("organisers are created with their networks, bad accounts are refused") {
    setup t(10);
    const auto o = t.s.create_organiser(jana());
    CHECK(o.role == calendar::role::organiser);
    CHECK(o.networks == std::vector<std::string>{"ist-bochum"});
    auto again = jana();
    again.email = "jana.koch@IST-BOCHUM.de";
    CHECK_THROWS_WITH(t.s.create_organiser(again), Catch::Contains("already an organiser"));
    auto unknown = jana();
    unknown.email = "x@y.de";
    unknown.networks = {"nowhere"};
    CHECK_THROWS_WITH(t.s.create_organiser(unknown), Catch::Contains("unknown network 'nowhere'"));
    auto short_password = jana();
    short_password.email = "z@y.de";
    short_password.password = "kurz";
    CHECK_THROWS_WITH(t.s.create_organiser(short_password), Catch::Contains("at least 10 characters"));
}

TEST_CASE("logins check the argon2id hash, any letter case of the email") {
    setup t(10);
    (void)t.s.create_organiser(jana());
    const auto ok = t.s.check_login("jana.koch@ist-bochum.de", "lange-geheime-phrase");
    REQUIRE(ok.result == outcome::ok);
    CHECK(ok.who->name == "Jana Koch");
    CHECK(t.s.check_login("jana.koch@ist-bochum.de", "Lange-geheime-phrase").result == outcome::wrong);
    CHECK(t.s.check_login("nobody@ist-bochum.de", "lange-geheime-phrase").result == outcome::wrong);
}

TEST_CASE("failed logins make the next attempt wait longer, a right password then works and resets it") {
    setup t(10);
    (void)t.s.create_organiser(jana());
    const auto attempt = [&t](const char* password) { return t.s.check_login("jana.koch@ist-bochum.de", password); };
    CHECK(attempt("falsch-1").result == outcome::wrong);
    CHECK(attempt("falsch-2").result == outcome::wrong);
    CHECK(attempt("falsch-3").result == outcome::wrong);  // the third: one second's wait
    const auto waiting = attempt("lange-geheime-phrase");
    CHECK(waiting.result == outcome::wait);  // even the right password waits
    CHECK(waiting.retry_after == 1s);
    t.now += 1s;
    CHECK(attempt("falsch-4").result == outcome::wrong);
    CHECK(attempt("x").retry_after == 2s);
    t.now += 2s;
    CHECK(attempt("lange-geheime-phrase").result == outcome::ok);
    CHECK(attempt("falsch-5").result == outcome::wrong);
    CHECK(attempt("lange-geheime-phrase").result == outcome::ok);  // the count started again
}

TEST_CASE("sessions last twelve hours, end on logout, and are stored only as digests") {
    setup t(10);
    const auto o = t.s.create_organiser(jana());
    const auto token = t.s.open_session(o.id);
    CHECK(token.size() == 64);
    CHECK(t.s.session_organiser(token)->id == o.id);
    CHECK_FALSE(t.s.session_organiser(token + "x"));
    CHECK(dump(t.db.str()).find(token) == std::string::npos);
    t.now += hours{12};
    CHECK_FALSE(t.s.session_organiser(token));
    const auto next = t.s.open_session(o.id);
    t.s.close_session(next);
    CHECK_FALSE(t.s.session_organiser(next));
}

TEST_CASE("API tokens identify their organiser until revoked") {
    setup t(10);
    (void)t.s.create_organiser(jana());
    const auto token = t.s.create_api_token("JANA.KOCH@ist-bochum.de", "export script");
    CHECK(token.starts_with("tp_"));
    CHECK(t.s.api_token_organiser(token)->email == "Jana.Koch@ist-bochum.de");
    CHECK(dump(t.db.str()).find(token) == std::string::npos);
    CHECK_THROWS_AS(t.s.create_api_token("nobody@x.de", ""), store::account_error);
    CHECK(t.s.revoke_api_tokens("jana.koch@ist-bochum.de", "other label") == 0);
    CHECK(t.s.revoke_api_tokens("jana.koch@ist-bochum.de", "export script") == 1);
    CHECK_FALSE(t.s.api_token_organiser(token));
}
