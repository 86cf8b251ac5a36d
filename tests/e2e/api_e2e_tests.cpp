#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <mutex>
#include <set>
#include <thread>

#include "e2e/open_event.hpp"

using namespace tp;
namespace http = testing::http;
namespace json = boost::json;
using testing::add_open_event;

namespace {

std::string person(const std::string& who) {
    return R"({"name": ")" + who + R"(", "email": ")" + who + R"(@example.org", "consent": true})";
}

struct api_answer {
    http::status status;
    json::object body;
};

api_answer call(testing::http_connection& c, http::verb verb, const std::string& target, const std::string& body = {},
                const testing::header_list& extra = {}) {
    testing::header_list headers{{"Content-Type", "application/json"}, {"Accept-Language", "en"}};
    headers.insert(headers.end(), extra.begin(), extra.end());
    const auto res = c.request(verb, target, headers, body);
    const auto parsed = json::parse(res.body());
    return {res.result(), parsed.is_object() ? parsed.as_object() : json::object{}};
}

}  // namespace

TEST_CASE("register, read, confirm and cancel through the API") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 10);
    testing::http_connection c(s.port());
    const auto created = call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("anna"));
    REQUIRE(created.status == http::status::created);
    CHECK(created.body.at("status") == "pending");
    CHECK(created.body.at("position").is_null());
    CHECK_FALSE(created.body.contains("manage_url"));  // the link reaches the address by email alone
    const auto token = testing::link_token(s, "offenes-treffen", "anna@example.org");
    CHECK(token.size() == 32);
    const auto read = call(c, http::verb::get, "/api/v1/registrations/" + token);
    CHECK(read.status == http::status::ok);
    CHECK(read.body.at("name") == "anna");
    CHECK(read.body.contains("confirm_before"));
    CHECK(call(c, http::verb::post, "/api/v1/registrations/" + token + "/confirm").body.at("status") == "confirmed");
    CHECK(call(c, http::verb::post, "/api/v1/registrations/" + token + "/cancel").body.at("status") == "cancelled");
    const auto again = call(c, http::verb::post, "/api/v1/registrations/" + token + "/confirm");
    CHECK(again.status == http::status::conflict);
    CHECK(again.body.at("reason") == "registration_cancelled");
    CHECK(again.body.at("error") == "A cancelled registration cannot take this step.");
    CHECK(call(c, http::verb::get, "/api/v1/registrations/unknown").status == http::status::not_found);
    CHECK(s.db().outbox().size() == 3);  // confirm request, confirmed, cancelled
}

TEST_CASE("a repeated email gets 200 and learns nothing about the registration") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 10);
    testing::http_connection c(s.port());
    REQUIRE(call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("anna")).status ==
            http::status::created);
    const auto repeated = call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("anna"));
    CHECK(repeated.status == http::status::ok);
    CHECK(repeated.body.at("status") == "already_registered");
    CHECK_FALSE(repeated.body.contains("manage_url"));
    CHECK(repeated.body.at("position").is_null());
}

TEST_CASE("an Idempotency-Key makes a retry return the first answer, and only for the same request") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 10);
    testing::http_connection c(s.port());
    const testing::header_list key{{"Idempotency-Key", "retry-42"}};
    const auto first = call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("bo"), key);
    const auto retry = call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("bo"), key);
    CHECK(first.status == http::status::created);
    CHECK(retry.status == http::status::created);
    CHECK(retry.body == first.body);
    CHECK(s.db().outbox().size() == 1);
    // The same key with another person: refused, nothing written, and nothing of the first person said.
    const auto other = call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("eve"), key);
    CHECK(other.status == http::status::unprocessable_entity);
    CHECK_THAT(std::string(other.body.at("error").as_string()), Catch::Contains("used for another request"));
    CHECK_FALSE(other.body.contains("manage_url"));
    CHECK(testing::link_token(s, "offenes-treffen", "eve@example.org").empty());
    CHECK(s.db().outbox().size() == 1);
}

TEST_CASE("an organiser registering someone by phone signs with a token, gets the link, and is on record") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 10);
    (void)s.db().create_organiser(
        {"jana@ist-bochum.example", "Jana", calendar::role::organiser, {"ist-bochum"}, "ein-langes-passwort"});
    (void)s.db().create_organiser({"nils@mint.example", "Nils", calendar::role::organiser, {}, "ein-langes-passwort"});
    const auto jana = s.db().create_api_token("jana@ist-bochum.example", "door");
    const auto nils = s.db().create_api_token("nils@mint.example", "door");
    testing::http_connection c(s.port());
    const auto path = "/api/v1/events/offenes-treffen/registrations";
    const auto made = call(c, http::verb::post, path, person("olga"), {{"Authorization", "Bearer " + jana}});
    REQUIRE(made.status == http::status::created);
    const std::string link(made.body.at("manage_url").as_string());
    CHECK(link.ends_with("/r/" + testing::link_token(s, "offenes-treffen", "olga@example.org")));
    const auto log = s.db().audit_log("offenes-treffen");
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "register_on_behalf");
    CHECK(log[0].actor == "jana@ist-bochum.example (API)");
    // Another network's organiser may not, and a wrong token is no public registration either.
    CHECK(call(c, http::verb::post, path, person("paul"), {{"Authorization", "Bearer " + nils}}).status ==
          http::status::forbidden);
    CHECK(call(c, http::verb::post, path, person("paul"), {{"Authorization", "Bearer tp_wrong"}}).status ==
          http::status::unauthorized);
    CHECK(testing::link_token(s, "offenes-treffen", "paul@example.org").empty());
}

TEST_CASE("bad registrations get clear JSON errors and write nothing") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 10);
    testing::http_connection c(s.port());
    const auto invalid = call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations",
                              R"({"name": "", "email": "nope", "consent": false})");
    CHECK(invalid.status == http::status::unprocessable_entity);
    const auto& fields = invalid.body.at("fields").as_object();
    CHECK(fields.contains("name"));
    CHECK(fields.contains("email"));
    CHECK(fields.contains("consent"));
    const auto plain = c.request(http::verb::post, "/api/v1/events/offenes-treffen/registrations",
                                 {{"Content-Type", "text/plain"}}, person("x"));
    CHECK(plain.result() == http::status::unsupported_media_type);
    CHECK(call(c, http::verb::post, "/api/v1/events/nothing/registrations", person("x")).status ==
          http::status::not_found);
    const auto early = call(c, http::verb::post, "/api/v1/events/mint-barcamp-2027/registrations", person("x"));
    CHECK(early.status == http::status::conflict);
    CHECK(early.body.at("error") == "registration is not open yet");
    CHECK(call(c, http::verb::post, "/api/v1/events/abgesagtes-treffen/registrations", person("x")).body.at("error") ==
          "the event has been cancelled");
    CHECK(call(c, http::verb::post, "/api/v1/events/entwurf-geheim/registrations", person("x")).status ==
          http::status::not_found);
    const auto get = c.request(http::verb::get, "/api/v1/events/offenes-treffen/registrations");
    CHECK(get.result() == http::status::method_not_allowed);
    CHECK(get[http::field::allow] == "POST");
    CHECK(call(c, http::verb::get, "/api/v1/nothing").status == http::status::not_found);
    CHECK(s.db().outbox().empty());
}

TEST_CASE("1,000 parallel registrations for 120 seats: exactly 120 seats, 880 waiting at positions 1..880") {
    testing::fixture_server s;
    add_open_event(s, "mint-barcamp-rush", 120);
    constexpr int clients = 64, total = 1000;
    std::mutex m;
    int seats = 0, server_errors = 0, other = 0;
    std::multiset<int> positions;
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t)
        threads.emplace_back([&, t] {
            testing::http_connection c(s.port());
            for (int i = t; i < total; i += clients) {
                const auto a = call(c, http::verb::post, "/api/v1/events/mint-barcamp-rush/registrations",
                                    person("p" + std::to_string(i)));
                std::lock_guard lock(m);
                if (static_cast<int>(a.status) >= 500)
                    ++server_errors;
                else if (a.status != http::status::created)
                    ++other;
                else if (a.body.at("status") == "pending")
                    ++seats;
                else
                    positions.insert(static_cast<int>(a.body.at("position").as_int64()));
            }
        });
    for (auto& t : threads) t.join();
    CHECK(server_errors == 0);
    CHECK(other == 0);
    CHECK(seats == 120);
    REQUIRE(positions.size() == 880);
    int expected = 1;
    for (int p : positions) CHECK(p == expected++);  // no gaps, no repeats
}

TEST_CASE("POSTs beyond the per-address limit get 429 with Retry-After, reads are not limited") {
    testing::fixture_server s({}, 3);
    add_open_event(s, "offenes-treffen", 10);
    testing::http_connection c(s.port());
    for (int i = 0; i < 3; ++i)
        CHECK(call(c, http::verb::post, "/api/v1/events/offenes-treffen/registrations", person("p" + std::to_string(i)))
                  .status == http::status::created);
    const auto limited = c.request(http::verb::post, "/api/v1/events/offenes-treffen/registrations",
                                   {{"Content-Type", "application/json"}}, person("p3"));
    CHECK(limited.result() == http::status::too_many_requests);
    CHECK(std::stoi(std::string(limited[http::field::retry_after])) >= 1);
    CHECK(c.request(http::verb::get, "/calendar.ics").result() == http::status::ok);
    CHECK(s.db().outbox().size() == 3);
}
