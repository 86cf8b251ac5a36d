// The one error mapping: each kind of store refusal has one status, its words come from web/ in the visitor's
// language, and app::handle gives them for pages and the API alike.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "sample_event.hpp"
#include "server/app.hpp"
#include "server/refusal_answer.hpp"
#include "server/write_refusal.hpp"
#include "store/store.hpp"
#include "temp_path.hpp"
#include "web/admin_strings.hpp"
#include "web/api_messages.hpp"
#include "web/failure_texts.hpp"
#include "web/programme_refusals.hpp"

using namespace tp;
namespace http = server::http;
using store::refusal_kind;

TEST_CASE("error mapping: each kind of refusal has one status") {
    struct row {
        refusal_kind kind;
        http::status status;
    };
    const auto [kind, status] = GENERATE(values<row>({
        {refusal_kind::not_found, http::status::not_found},
        {refusal_kind::conflict, http::status::conflict},
        {refusal_kind::forbidden, http::status::forbidden},
        {refusal_kind::invalid, http::status::unprocessable_entity},
        {refusal_kind::unavailable, http::status::service_unavailable},
    }));
    CHECK(server::status_of(kind) == status);
    const store::refusal refused(kind, "some_reason", "English words for the log");
    for (const auto l : {web::lang::de, web::lang::en}) {
        const auto [answered, words] = server::refusal_answer(refused, l);
        CHECK(answered == status);
        CHECK_FALSE(words.empty());
        CHECK(words.find("English words") == std::string::npos);  // what() is for the log, never for people
    }
}

TEST_CASE("error mapping: a registration's state and a programme's rule are named in the visitor's language") {
    const store::registration_conflict cancelled("a cancelled registration cannot be confirmed",
                                                 calendar::registration_status::cancelled);
    CHECK(cancelled.reason() == "registration_cancelled");
    CHECK_THAT(server::refusal_answer(cancelled, web::lang::de).second, Catch::Contains("stornierte Anmeldung"));
    CHECK_THAT(server::refusal_answer(cancelled, web::lang::en).second,
               Catch::Equals("A cancelled registration cannot take this step."));
    const store::registration_conflict expired("expired", calendar::registration_status::expired);
    CHECK_THAT(server::refusal_answer(expired, web::lang::en).second, Catch::StartsWith("An expired"));
    const store::programme_error full(calendar::programme_refusal::too_many_proposals);
    CHECK(server::refusal_answer(full, web::lang::de).second ==
          web::refusal_text(calendar::programme_refusal::too_many_proposals, web::lang::de));
}

TEST_CASE("every failure text exists in German and English") {
    using web::failure;
    const auto f = GENERATE(failure::not_found, failure::conflict, failure::forbidden, failure::invalid,
                            failure::unavailable, failure::internal, failure::malformed, failure::needs_host,
                            failure::header_too_large, failure::body_too_large, failure::too_many_connections);
    const auto de = web::failure_text(f, web::lang::de);
    const auto en = web::failure_text(f, web::lang::en);
    CHECK_FALSE(de.empty());
    CHECK_FALSE(en.empty());
    CHECK(de != en);
    CHECK(web::failure_text_both(f) == std::string(de) + "\n" + std::string(en));
    CHECK_THAT(web::too_many_requests_text(12, false, web::lang::de), Catch::Contains("12 Sekunden"));
    CHECK_THAT(web::too_many_requests_text(12, true, web::lang::en), Catch::Contains("this link"));
}

namespace {

struct fixture {
    testing::temp_path db;
    store::store s{db.str()};
    server::app a{s, {"http://127.0.0.1:8080", 0}};
    fixture() {
        auto e = testing::sample_event("offen");
        e.start = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + std::chrono::days{30};
        e.end = e.start + std::chrono::hours{3};
        e.registration_opens = e.start - std::chrono::days{60};
        calendar::network n;
        n.slug = e.network_slug;
        n.name = e.network_name;
        s.upsert(std::array{n}, std::array{e});
    }
    server::handled call(http::verb verb, const std::string& target, std::string_view language) {
        server::request req{verb, target, 11};
        req.set(http::field::host, "treffpunkt.example");
        req.set(http::field::accept_language, language);
        req.prepare_payload();
        return a.handle(req, "127.0.0.1", "127.0.0.1");
    }
    std::string cancelled_link() {
        const auto made = s.register_person("offen", {"Ada", "ada@example.org", "", "de", std::nullopt, {}});
        REQUIRE(made.registration);
        (void)s.cancel_registration(made.registration->token);
        return made.registration->token;
    }
};

std::string body_of(const server::handled& h) { return h.res.body() ? *h.res.body() : std::string{}; }

}  // namespace

TEST_CASE("app::handle maps a refusal once: JSON under /api/ with its reason, in the visitor's language") {
    fixture f;
    const auto token = f.cancelled_link();
    const auto answer = f.call(http::verb::post, "/api/v1/registrations/" + token + "/confirm", "en");
    CHECK(answer.res.result() == http::status::conflict);
    const auto json = boost::json::parse(body_of(answer)).as_object();
    CHECK(json.at("reason") == "registration_cancelled");
    CHECK(json.at("error") == "A cancelled registration cannot take this step.");
    CHECK(answer.route == "api_confirm");  // counted under its route, not under a shared label
    const auto german = f.call(http::verb::post, "/api/v1/registrations/" + token + "/confirm", "de-DE");
    CHECK_THAT(body_of(german), Catch::Contains("stornierte Anmeldung"));
}

TEST_CASE("every message of the API exists in German and English") {
    using web::api_message;
    const auto m = GENERATE(api_message::send_json, api_message::fields_need_attention, api_message::token_not_valid,
                            api_message::send_token, api_message::no_such_route, api_message::no_such_event,
                            api_message::no_such_series, api_message::no_such_registration,
                            api_message::event_has_no_such_registration, api_message::may_not_manage_event,
                            api_message::may_not_manage_series, api_message::registered_already,
                            api_message::key_reused, api_message::slug_fixed);
    const auto de = web::api_text(m, web::lang::de, "x-1");
    const auto en = web::api_text(m, web::lang::en, "x-1");
    CHECK_FALSE(de.empty());
    CHECK_FALSE(en.empty());
    CHECK(de != en);
    const auto w = GENERATE(calendar::registration_window::not_yet_open, calendar::registration_window::closed,
                            calendar::registration_window::event_cancelled, calendar::registration_window::event_past,
                            calendar::registration_window::not_published);
    CHECK(web::api_window_text(w, web::lang::de) != web::api_window_text(w, web::lang::en));
}

TEST_CASE("the API answers in the client's language: German unless it asks for English") {
    fixture f;
    const auto german = f.call(http::verb::get, "/api/v1/registrations/unknown-link", "");
    CHECK(german.res.result() == http::status::not_found);
    CHECK_THAT(body_of(german), Catch::Contains("keine Anmeldung"));
    const auto english = f.call(http::verb::get, "/api/v1/nothing/here", "en-GB,en;q=0.8");
    CHECK(english.res.result() == http::status::not_found);
    CHECK_THAT(body_of(english), Catch::Contains("there is no such API route"));
}

TEST_CASE("every reason an account is refused is said in German and English, never in the store's words") {
    using calendar::account_problem;
    const auto problem =
        GENERATE(account_problem::password_short, account_problem::name_empty, account_problem::not_an_email,
                 account_problem::email_taken, account_problem::unknown_network, account_problem::unknown_organiser);
    const auto de = web::account_problem_text(problem, web::lang::de);
    const auto en = web::account_problem_text(problem, web::lang::en);
    CHECK_FALSE(de.empty());
    CHECK_FALSE(en.empty());
    CHECK(de != en);
}

TEST_CASE("every refusal of an organiser's change is said in German and English at its field") {
    using kind = store::field_refusal::kind;
    const auto [why, field] = GENERATE(table<kind, std::string>({
        {kind::slug_taken, "slug"},
        {kind::date_taken, "slug"},
        {kind::network_fixed, "network"},
        {kind::identity_fixed, "rrule"},
    }));
    const store::field_refusal refused{why, field, "alumni-runde", "series 'x': refused"};
    const auto de = server::problem_of(refused, true, web::lang::de);
    const auto en = server::problem_of(refused, true, web::lang::en);
    CHECK(de.field == field);
    CHECK(en.field == field);
    CHECK(de.text.size() > 20);
    CHECK(en.text.size() > 20);
    CHECK(de.text != en.text);
    CHECK(de.text.find("refused") == std::string::npos);  // never the store's words
}
