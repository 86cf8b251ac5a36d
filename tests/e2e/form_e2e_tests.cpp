#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <map>

#include "e2e/open_event.hpp"
#include "web/links.hpp"

using namespace tp;
namespace http = testing::http;
using testing::add_open_event;
using testing::get;

namespace {

// A visitor with a cookie jar: the CSRF token the event page hands out, and whatever else the server sets.
struct visitor {
    testing::http_connection c;
    std::string csrf;
    std::map<std::string, std::string> jar;
    explicit visitor(unsigned short port) : c(port) {}

    testing::client_response open(const std::string& target) {
        return keep(c.request(http::verb::get, target, cookie()));
    }
    testing::client_response post(const std::string& target, const std::string& form) {
        auto headers = cookie();
        headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        return keep(c.request(http::verb::post, target, headers, form));
    }
    testing::client_response keep(testing::client_response res) {
        for (const auto& field : res.base()) {
            if (field.name() != http::field::set_cookie) continue;
            const std::string set(field.value());
            const auto eq = set.find('='), end = set.find(';');
            jar[set.substr(0, eq)] = set.substr(eq + 1, end - eq - 1);
        }
        if (jar.count("tp_csrf")) csrf = jar["tp_csrf"];
        return res;
    }
    testing::header_list cookie() const {
        std::string all;
        for (const auto& [name, value] : jar) all += (all.empty() ? "" : "; ") + name + "=" + value;
        if (!csrf.empty() && !jar.count("tp_csrf")) all += (all.empty() ? "" : "; ") + std::string("tp_csrf=") + csrf;
        return all.empty() ? testing::header_list{} : testing::header_list{{"Cookie", all}};
    }
};

std::string form(const std::string& name, const std::string& email, const std::string& csrf, bool consent = true,
                 const std::string& extra = "") {
    return "name=" + web::percent_encode(name) + "&email=" + web::percent_encode(email) +
           "&organisation=" + (consent ? "&consent=yes" : "") + "&csrf=" + csrf + extra;
}

std::string api_token(testing::fixture_server& s, const std::string& slug, const std::string& who) {
    testing::http_connection c(s.port());
    (void)c.request(http::verb::post, "/api/v1/events/" + slug + "/registrations",
                    {{"Content-Type", "application/json"}},
                    R"({"name": ")" + who + R"(", "email": ")" + who + R"(@example.org", "consent": true})");
    return testing::link_token(s, slug, who + "@example.org");
}

}  // namespace

TEST_CASE("the event page offers the form with a CSRF cookie, a valid form lands on 'check your inbox'") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 2);
    visitor v(s.port());
    const auto page = v.open("/events/offenes-treffen");
    REQUIRE(v.csrf.size() == 32);
    CHECK_THAT(std::string(page[http::field::set_cookie]), Catch::Contains("HttpOnly; SameSite=Lax"));
    CHECK_THAT(page.body(), Catch::Contains("action=\"/events/offenes-treffen/register\""));
    CHECK_THAT(page.body(), Catch::Contains("name=\"csrf\" value=\"" + v.csrf + "\""));
    CHECK_THAT(page.body(), Catch::Contains("Freie Plätze: 2"));
    const auto done = v.post("/events/offenes-treffen/register", form("Anna Müller", "anna@example.org", v.csrf));
    CHECK(done.result() == http::status::see_other);
    CHECK(done[http::field::location] == "/events/offenes-treffen/registered");
    CHECK_THAT(std::string(done[http::field::set_cookie]),
               Catch::Contains("Path=/events/offenes-treffen/registered; Max-Age=3600; HttpOnly; SameSite=Lax"));
    REQUIRE(s.db().outbox().size() == 1);
    CHECK(s.db().outbox()[0].recipient == "anna@example.org");
    for (int reload = 0; reload < 2; ++reload) {  // a reload shows the page again and sends nothing
        const auto inbox = v.open("/events/offenes-treffen/registered");
        CHECK(inbox.result() == http::status::ok);
        CHECK(inbox[http::field::cache_control] == "no-store");
        CHECK_THAT(inbox.body(), Catch::Contains("Bitte bestätigen Sie Ihre Anmeldung"));
        CHECK_THAT(inbox.body(), Catch::Contains("Wir haben eine E-Mail an anna@example.org geschickt."));
        CHECK_THAT(inbox.body(), Catch::Contains("für Sie reserviert"));
        CHECK_THAT(inbox.body(), Catch::Contains("Spam-Ordner"));
    }
    CHECK(s.db().outbox().size() == 1);
    CHECK_THAT(v.open("/events/offenes-treffen").body(), Catch::Contains("Freie Plätze: 1"));
    const auto again = v.post("/events/offenes-treffen/register", form("Anna", "ANNA@example.org", v.csrf));
    CHECK(again.result() == http::status::see_other);
    CHECK_THAT(v.open("/events/offenes-treffen/registered").body(),
               Catch::Contains("noch einmal an ANNA@example.org geschickt"));
}

TEST_CASE("the page after registering speaks in general terms without its note, and refuses a forged one") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 2);
    for (const std::string cookie : {"", "tp_registered=x.1.YQ", "tp_registered=p.12ab.YQ", "tp_registered=p.-.%%"}) {
        INFO(cookie);
        const auto res = get(s.port(), "/events/offenes-treffen/registered?lang=en",
                             cookie.empty() ? testing::header_list{} : testing::header_list{{"Cookie", cookie}});
        CHECK(res.result() == http::status::ok);
        CHECK_THAT(res.body(), Catch::Contains("We have sent you an email."));
    }
    const auto english = get(s.port(), "/events/offenes-treffen/registered?lang=en",
                             {{"Cookie", "tp_registered=w.-.PGI-QDwvYj4"}});  // "<b>@</b>"
    CHECK_THAT(english.body(), Catch::Contains("You are on the waiting list"));
    CHECK_THAT(english.body(), Catch::Contains("We have sent an email to &lt;b&gt;@&lt;/b&gt;."));
    CHECK(get(s.port(), "/events/gibt-es-nicht/registered").result() == http::status::not_found);
}

TEST_CASE("errors come back next to their fields with the input kept and escaped") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 2);
    visitor v(s.port());
    v.open("/events/offenes-treffen");
    const auto res =
        v.post("/events/offenes-treffen/register", form("<b>Anna</b>", "anna-at-example.org", v.csrf, false));
    CHECK(res.result() == http::status::unprocessable_entity);
    CHECK_THAT(res.body(), Catch::Contains("Bitte prüfen Sie die markierten Angaben."));
    CHECK_THAT(res.body(), Catch::Contains("value=\"&lt;b&gt;Anna&lt;/b&gt;\""));
    CHECK_THAT(
        res.body(),
        Catch::Contains("value=\"anna-at-example.org\" aria-invalid=\"true\" aria-describedby=\"f-email-error\""));
    CHECK_THAT(res.body(),
               Catch::Contains("<p class=\"error\" id=\"f-email-error\">Das ist keine gültige E-Mail-Adresse.</p>"));
    CHECK_THAT(res.body(), Catch::Contains("id=\"f-consent-error\""));
    CHECK(res.body().find("<b>Anna") == std::string::npos);
    CHECK(s.db().outbox().empty());
    const auto en = v.post("/events/offenes-treffen/register?lang=en", form("", "a@b.de", v.csrf));
    CHECK_THAT(en.body(), Catch::Contains("<p class=\"error\" id=\"f-name-error\">is required</p>"));
}

TEST_CASE("a form without its CSRF token or with the honeypot filled registers nobody") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 2);
    visitor stranger(s.port());  // never saw the page: no cookie
    const auto forged = stranger.post("/events/offenes-treffen/register",
                                      form("Eve", "eve@example.org", "0123456789abcdef0123456789abcdef"));
    CHECK(forged.result() == http::status::forbidden);
    CHECK_THAT(forged.body(), Catch::Contains("Das Formular war zu alt"));
    CHECK_THAT(forged.body(), Catch::Contains("value=\"eve@example.org\""));  // input kept
    visitor robot(s.port());
    robot.open("/events/offenes-treffen");
    const auto trapped = robot.post("/events/offenes-treffen/register",
                                    form("Bot", "bot@example.org", robot.csrf, true, "&website=http%3A%2F%2Fspam"));
    CHECK(trapped.result() == http::status::see_other);  // the same answer as a person gets
    CHECK_THAT(robot.open("/events/offenes-treffen/registered").body(), Catch::Contains("bot@example.org"));
    CHECK(s.db().outbox().empty());
}

TEST_CASE("the link pages confirm and cancel only by POST, with a confirmation step") {
    testing::fixture_server s;
    add_open_event(s, "offenes-treffen", 1);
    const auto first = api_token(s, "offenes-treffen", "first");
    const auto second = api_token(s, "offenes-treffen", "second");  // waits
    visitor v(s.port());
    CHECK_THAT(v.open("/r/" + first).body(), Catch::Contains("Noch nicht bestätigt"));
    const auto step = v.open("/r/" + first + "/confirm");  // GET: a page with a button, no change
    CHECK_THAT(step.body(), Catch::Contains("<form method=\"post\" action=\"/r/" + first + "/confirm\">"));
    CHECK(s.db().registration_by_token(first)->status == calendar::registration_status::pending);
    const auto done = v.post("/r/" + first + "/confirm", "csrf=" + v.csrf);
    CHECK(done.result() == http::status::see_other);
    CHECK(done[http::field::location] == "/r/" + first);
    CHECK_THAT(v.open("/r/" + first).body(), Catch::Contains("Bestätigt. Wir freuen uns auf Sie!"));
    CHECK_THAT(v.open("/r/" + second).body(), Catch::Contains("<dt>Platz auf der Warteliste</dt><dd>1</dd>"));
    CHECK(v.post("/r/" + first + "/cancel", "csrf=wrong").result() == http::status::bad_request);
    CHECK(v.post("/r/" + first + "/cancel", "csrf=" + v.csrf).result() == http::status::see_other);
    CHECK_THAT(v.open("/r/" + first).body(), Catch::Contains("Abgemeldet."));
    CHECK(s.db().registration_by_token(second)->status == calendar::registration_status::pending);  // moved up
    CHECK(v.open("/r/0000").result() == http::status::not_found);
    CHECK(v.open("/datenschutz").result() == http::status::ok);
}

TEST_CASE("a full event offers the waiting list, a closed one says why") {
    testing::fixture_server s;
    add_open_event(s, "voll", 0);
    visitor v(s.port());
    CHECK_THAT(v.open("/events/voll").body(), Catch::Contains("Sie können sich auf die Warteliste setzen lassen"));
    CHECK(v.post("/events/voll/register", form("Wera", "wera@example.org", v.csrf)).result() ==
          http::status::see_other);
    CHECK_THAT(v.open("/events/voll/registered").body(), Catch::Contains("Sie stehen auf der Warteliste"));
    CHECK_THAT(v.open("/events/mint-barcamp-2027").body(),
               Catch::Contains("Die Anmeldung beginnt am Dienstag, 1. Juni 2027"));
    CHECK_THAT(v.open("/events/abgesagtes-treffen").body(), Catch::Contains("eine Anmeldung ist nicht möglich"));
}

TEST_CASE("a confirmed person gets a personal feed with private join links, it can be reset") {
    testing::fixture_server s;
    add_open_event(s, "online-treffen", 10);
    auto e = s.db().event_by_slug("online-treffen").value();
    e.format = calendar::event_format::online;
    e.join_url = "https://meet.example/only-for-you";
    s.db().upsert({}, {&e, 1});
    const auto token = api_token(s, "online-treffen", "frieda");
    visitor v(s.port());
    CHECK(v.open("/r/" + token).body().find("/feeds/") == std::string::npos);  // not before confirming
    REQUIRE(s.db().confirm_registration(token));
    const auto manage = v.open("/r/" + token).body();
    const auto at = manage.find("/feeds/");
    REQUIRE(at != std::string::npos);
    const auto feed = manage.substr(at, 7 + 32 + 4);
    const auto ics = v.open(feed);
    CHECK(ics.result() == http::status::ok);
    CHECK(ics[http::field::cache_control] == "private, no-cache");
    CHECK_THAT(ics.body(), Catch::Contains("only-for-you"));
    CHECK_THAT(ics.body(), Catch::Contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO"));
    CHECK(v.c.request(http::verb::get, feed, {{"If-None-Match", std::string(ics[http::field::etag])}}).result() ==
          http::status::not_modified);
    CHECK(get(s.port(), "/events/online-treffen.ics").body().find("only-for-you") == std::string::npos);
    // A reminder by choice: the page offers three, the feed carries the one asked for, a bad one is a 400.
    CHECK(ics.body().find("VALARM") == std::string::npos);
    CHECK_THAT(manage, Catch::Contains(feed.substr(0) + "?alarm=1h\">1 Stunde vorher</a>"));
    CHECK_THAT(v.open(feed + "?alarm=30m").body(), Catch::Contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT30M"));
    const auto too_long = v.open(feed + "?alarm=3d");
    CHECK(too_long.result() == http::status::bad_request);
    CHECK_THAT(too_long.body(), Catch::Contains("„3d“ ist keine Erinnerung"));
    // The link on the page asks once more, saying what happens; the old address still works until confirmed.
    const auto ask = v.open("/r/" + token + "/feed");
    CHECK(ask.result() == http::status::ok);
    CHECK_THAT(ask.body(), Catch::Contains("hört sofort auf zu funktionieren"));
    CHECK(v.open(feed).result() == http::status::ok);
    REQUIRE(v.post("/r/" + token + "/feed", "csrf=" + v.csrf + "&confirmed=yes").result() == http::status::see_other);
    CHECK(v.open(feed).result() == http::status::not_found);  // the old address stops working
    REQUIRE(s.db().cancel_registration(token));
    const auto after = v.open("/r/" + token).body();
    CHECK(after.find("/feeds/") == std::string::npos);
}

TEST_CASE("a registration's own .ics carries the join link and the public UID, only while a seat is held") {
    testing::fixture_server s;
    add_open_event(s, "online-runde", 10);
    auto e = s.db().event_by_slug("online-runde").value();
    e.format = calendar::event_format::online;
    e.join_url = "https://meet.example/only-for-you";
    s.db().upsert({}, {&e, 1});
    const auto token = api_token(s, "online-runde", "greta");
    visitor v(s.port());
    const auto own = "/r/" + token + "/event.ics";
    CHECK(v.open(own).result() == http::status::not_found);  // pending: no seat yet
    REQUIRE(s.db().confirm_registration(token));
    CHECK_THAT(v.open("/r/" + token).body(), Catch::Contains("href=\"" + own + "\" download=\"online-runde.ics\""));
    const auto ics = v.open(own);
    REQUIRE(ics.result() == http::status::ok);
    CHECK_THAT(std::string(ics[http::field::content_type]), Catch::StartsWith("text/calendar"));
    CHECK(ics[http::field::cache_control] == "private, no-store");
    CHECK_THAT(ics.body(), Catch::Contains("only-for-you"));
    const auto uid_of = [](const std::string& text) {
        const auto at = text.find("\r\nUID:") + 6;
        return text.substr(at, text.find("\r\n", at) - at);
    };
    const auto shared = get(s.port(), "/events/online-runde.ics").body();
    CHECK(shared.find("only-for-you") == std::string::npos);
    CHECK(uid_of(ics.body()) == uid_of(shared));  // one event in the calendar, not two
    REQUIRE(s.db().cancel_registration(token));
    CHECK(v.open(own).result() == http::status::not_found);
}

TEST_CASE("one click stops the mails to everyone: a mail provider's POST needs no cookie, a bare POST is refused") {
    testing::fixture_server s;
    add_open_event(s, "runde", 10);
    const auto token = api_token(s, "runde", "hanna");
    visitor v(s.port());
    const auto page = v.open("/r/" + token + "/unsubscribe");
    CHECK(page.result() == http::status::ok);
    CHECK_THAT(page.body(), Catch::Contains(">Abbestellen</button>"));
    CHECK(visitor(s.port()).post("/r/" + token + "/unsubscribe", "").result() == http::status::bad_request);
    const auto one_click = visitor(s.port()).post("/r/" + token + "/unsubscribe", "List-Unsubscribe=One-Click");
    CHECK(one_click.result() == http::status::ok);
    CHECK_THAT(one_click.body(), Catch::Contains("Abbestellt."));
    CHECK(v.post("/r/" + token + "/unsubscribe", "csrf=" + v.csrf).result() == http::status::ok);  // by the button
    CHECK(visitor(s.port())
              .post("/r/0123456789abcdef0123456789abcdef/unsubscribe", "List-Unsubscribe=One-Click")
              .result() == http::status::not_found);
}

TEST_CASE("custom questions are asked, checked and stored, in the form and the API") {
    testing::fixture_server s;
    add_open_event(s, "mit-fragen", 10);
    auto e = s.db().event_by_slug("mit-fragen").value();
    e.questions = {{"essen", "Essen", calendar::question_type::single_choice, {"vegetarisch", "vegan"}, true},
                   {"workshops", "Workshops", calendar::question_type::multiple_choice, {"Robotik", "Chemie"}, false},
                   {"foto", "Fotos erlaubt", calendar::question_type::checkbox, {}, false}};
    s.db().upsert({}, {&e, 1});
    visitor v(s.port());
    const auto page = v.open("/events/mit-fragen").body();
    CHECK_THAT(page, Catch::Contains("<legend>Essen</legend>"));
    CHECK_THAT(page, Catch::Contains("name=\"q.essen\" value=\"vegan\""));
    CHECK_THAT(page, Catch::Contains("<legend>Workshops (freiwillig)</legend>"));
    const auto missing =
        v.post("/events/mit-fragen/register", form("Ida", "ida@example.org", v.csrf, true, "&q.workshops=Chemie"));
    CHECK(missing.result() == http::status::unprocessable_entity);
    CHECK_THAT(missing.body(), Catch::Contains("id=\"f-q-essen-error\">Bitte ausfüllen.</p>"));
    CHECK_THAT(missing.body(), Catch::Contains("value=\"Chemie\" checked"));  // kept
    const auto done =
        v.post("/events/mit-fragen/register", form("Ida", "ida@example.org", v.csrf, true,
                                                   "&q.essen=vegan&q.workshops=Robotik&q.workshops=Chemie&q.foto=yes"));
    CHECK(done.result() == http::status::see_other);
    testing::http_connection c(s.port());
    const auto bad =
        c.request(http::verb::post, "/api/v1/events/mit-fragen/registrations", {{"Content-Type", "application/json"}},
                  R"({"name": "Jo", "email": "jo@example.org", "consent": true, "answers": {"essen": "Fisch"}})");
    CHECK(bad.result() == http::status::unprocessable_entity);
    // No Accept-Language: German, as on the pages.
    CHECK_THAT(bad.body(),
               Catch::Contains("\"answers.essen\":\"Bitte wählen Sie eine der angebotenen Möglichkeiten.\""));
    (void)c.request(
        http::verb::post, "/api/v1/events/mit-fragen/registrations", {{"Content-Type", "application/json"}},
        R"({"name": "Jo", "email": "jo@example.org", "consent": true, "answers": {"essen": "vegetarisch", "foto": true}})");
    const auto token = testing::link_token(s, "mit-fragen", "jo@example.org");
    CHECK(s.db().registration_by_token(token)->answers_given ==
          calendar::answers{{"essen", {"vegetarisch"}}, {"foto", {"yes"}}});
}
