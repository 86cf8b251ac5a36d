// Every public GET is kept as the bytes that go on the wire once it has been answered (prepared_answer.hpp): the
// prepared bytes are exactly the handler's answer, they are used only while current, and never for what is
// personal, written or unknown.
#include <catch2/catch.hpp>

#include "cached_site.hpp"
#include "server/csrf.hpp"
#include "server/prepared_answer.hpp"
#include "tests/server/gunzip.hpp"

using namespace tp;
using namespace std::chrono;
namespace http = tp::server::http;
using site = testing::cached_site;

namespace {

const std::string token = "0123456789abcdef0123456789abcdef";
constexpr std::string_view wire_date = "Thu, 03 Dec 2026 17:00:00 GMT";

// What a session sends for `hit`, read back by Beast's parser.
http::response<http::string_body> on_the_wire(const server::prepared_hit& hit, bool head_request) {
    const auto& a = *hit.answer;
    std::string bytes = hit.not_modified ? a.head_not_modified : a.head;
    const auto visitor = hit.token.empty() ? std::string_view(token) : hit.token;
    server::append_request_fields(bytes, wire_date, false, a.spliced && hit.token.empty() ? visitor : "",
                                  a.secure_cookie);
    if (!hit.not_modified && !head_request)
        bytes += a.spliced ? a.spliced->page(visitor, a.gzipped) : a.body ? *a.body : std::string{};
    http::response_parser<http::string_body> parser;
    parser.skip(head_request);
    parser.eager(true);
    boost::beast::error_code ec;
    const auto used = parser.put(boost::asio::buffer(bytes), ec);
    REQUIRE_FALSE(ec);
    CHECK(used == bytes.size());
    REQUIRE(parser.is_done());
    return parser.release();
}

// The same answer: status, every field the handler set (the session adds Date), and the body.
void same_answer(const http::response<http::string_body>& wire, const server::response& handled) {
    CHECK(wire.result() == handled.result());
    std::size_t fields = 0;
    for (const auto& field : handled) {
        CAPTURE(field.name_string());
        CHECK(wire[field.name_string()] == field.value());
        ++fields;
    }
    CHECK(wire[http::field::date] == wire_date);
    CHECK(static_cast<std::size_t>(std::distance(wire.begin(), wire.end())) == fields + 1);
    CHECK(wire.body() == (handled.body() ? *handled.body() : std::string{}));
}

server::request asked(const std::string& target, std::string_view language, bool gzip) {
    auto req = site::request(target, language);
    if (gzip) req.set(http::field::accept_encoding, "gzip, deflate, br");
    req.set(http::field::cookie, "theme=dark; " + std::string(server::csrf_cookie) + "=" + token);
    return req;
}

const std::vector<std::string> public_gets{"/",
                                           "/?kind=barcamp",
                                           "/networks",
                                           "/networks/ist-bochum",
                                           "/series/runde",
                                           "/datenschutz",
                                           "/events/barcamp",
                                           "/events/barcamp/sessions",
                                           "/calendar.ics",
                                           "/calendar.ics?kind=barcamp",
                                           "/networks/ist-bochum/calendar.ics",
                                           "/events/barcamp.ics",
                                           "/series/runde.ics",
                                           "/events/barcamp/sessions.ics",
                                           "/events/barcamp/schedule.json",
                                           "/events/barcamp?lang=en",
                                           "/api/v1/public/events",
                                           "/sitemap.xml",
                                           "/robots.txt",
                                           "/feed.atom",
                                           "/networks/ist-bochum/feed.atom",
                                           "/api/v1/public/events?network=ist-bochum&kind=barcamp&from=2027-01-01"};

// A feed (its path ends in .ics or .json) shows neither seats nor the clock.
bool is_feed(const std::string& target) {
    const auto path = target.substr(0, target.find('?'));
    return path.ends_with(".ics") || path.ends_with(".json");
}

}  // namespace

TEST_CASE("every public GET is prepared once answered, and the prepared bytes are the handler's answer") {
    site f;
    const std::string target = GENERATE(from_range(public_gets));
    const auto language = GENERATE(as<std::string>{}, "de", "en-GB,en;q=0.8");
    const bool gzip = GENERATE(false, true);
    CAPTURE(target, language, gzip);
    const auto req = asked(target, language, gzip);
    CHECK_FALSE(f.a.prepared(req, f.now));  // nothing before the first answer
    const auto first = f.a.handle(req, "127.0.0.1", "127.0.0.1");
    REQUIRE(first.res.result() == http::status::ok);
    const auto hit = f.a.prepared(req, f.now);
    REQUIRE(hit);
    CHECK(hit->answer->route == first.route);
    CHECK_FALSE(hit->not_modified);
    same_answer(on_the_wire(*hit, false), first.res);
    if (first.res[http::field::content_encoding] == "gzip") CHECK_FALSE(gunzip(*first.res.body()).empty());
    // Another language or encoding is another answer, prepared only once it has been given.
    CHECK_FALSE(f.a.prepared(asked(target, language == "de" ? "en" : "de", gzip), f.now));

    auto head = req;
    head.method(http::verb::head);
    const auto head_hit = f.a.prepared(head, f.now);
    REQUIRE(head_hit);
    const auto head_answer = f.a.handle(head, "127.0.0.1", "127.0.0.1");
    same_answer(on_the_wire(*head_hit, true), head_answer.res);
}

TEST_CASE("a prepared answer with validators is a prepared 304 for a current copy") {
    site f;
    const std::string target = GENERATE(from_range(public_gets));
    const bool gzip = GENERATE(false, true);
    CAPTURE(target, gzip);
    auto req = asked(target, "de", gzip);
    const auto first = f.a.handle(req, "127.0.0.1", "127.0.0.1");
    const auto etag = std::string(first.res[http::field::etag]);
    if (target.starts_with("/events/barcamp") && !is_feed(target)) {
        CHECK(etag.empty());  // a page with the visitor's token: its bytes differ per visitor
        return;
    }
    REQUIRE_FALSE(etag.empty());
    req.set(http::field::if_none_match, etag);
    const auto hit = f.a.prepared(req, f.now);
    REQUIRE(hit);
    CHECK(hit->not_modified);
    const auto revalidated = f.a.handle(req, "127.0.0.1", "127.0.0.1");
    CHECK(revalidated.res.result() == http::status::not_modified);
    same_answer(on_the_wire(*hit, false), revalidated.res);
    req.set(http::field::if_none_match, "\"something-else\"");
    CHECK_FALSE(f.a.prepared(req, f.now)->not_modified);
}

TEST_CASE("a prepared answer is never used after a change to what it shows") {
    site f;
    const std::string target = GENERATE(from_range(public_gets));
    CAPTURE(target);
    const auto req = asked(target, "de", false);
    const auto before = *f.a.handle(req, "127.0.0.1", "127.0.0.1").res.body();
    REQUIRE(f.a.prepared(req, f.now));
    SECTION("the event is renamed") {
        f.e.title = "MINT-Barcamp Ruhr, neu benannt";
        f.save();
    }
    SECTION("the network is renamed") {
        f.network.name = "zdi-Netzwerk IST.Bochum, umbenannt";
        f.save();
    }
    SECTION("a minute passes, for pages") {
        if (is_feed(target)) return;
        f.now += minutes{1};
    }
    CHECK_FALSE(f.a.prepared(req, f.now));
    const auto after = f.a.handle(req, "127.0.0.1", "127.0.0.1");
    const auto again = f.a.prepared(req, f.now);
    REQUIRE(again);
    same_answer(on_the_wire(*again, false), after.res);
    (void)before;
}

TEST_CASE("a registration moves the pages' prepared answers and leaves the feeds' alone") {
    site f;
    const std::string target = GENERATE(from_range(public_gets));
    CAPTURE(target);
    const auto req = asked(target, "de", false);
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    f.register_and_confirm("ada");
    CHECK(static_cast<bool>(f.a.prepared(req, f.now)) == is_feed(target));  // pages show seats; feeds do not
}

TEST_CASE("the event page after the last seat is taken is prepared anew and says so") {
    site f;
    const auto req = asked("/events/barcamp", "de", false);
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    f.register_and_confirm("ada");
    f.register_and_confirm("grace");
    CHECK_FALSE(f.a.prepared(req, f.now));
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    const auto hit = f.a.prepared(req, f.now);
    REQUIRE(hit);
    CHECK_THAT(hit->answer->spliced->page(token, false), Catch::Contains("Warteliste"));
}

TEST_CASE("a visitor's own CSRF token goes into the prepared page, and a stranger's cookie into none") {
    site f;
    auto req = asked("/events/barcamp", "de", true);
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    const auto hit = f.a.prepared(req, f.now);
    REQUIRE(hit);
    CHECK(hit->token == token);
    CHECK_THAT(gunzip(hit->answer->spliced->page(hit->token, true)), Catch::Contains("value=\"" + token + "\""));
    const auto cookie = GENERATE(as<std::string>{}, "", "tp_csrf=\"><script>alert(1)</script>0123456789abc",
                                 "tp_csrf=0123456789ABCDEF0123456789ABCDEF", "tp_csrf=0123");
    CAPTURE(cookie);
    req.set(http::field::cookie, cookie);
    const auto stranger = f.a.prepared(req, f.now);
    REQUIRE(stranger);
    CHECK(stranger->token.empty());  // the session makes a new token and sets its cookie
    std::string fields;
    server::append_request_fields(fields, wire_date, true, token, false);
    CHECK(fields == std::string("Date: ") + std::string(wire_date) +
                        "\r\nConnection: close\r\nSet-Cookie: " + server::csrf_cookie_field(token, false) + "\r\n\r\n");
    const auto fresh = f.a.handle(req, "127.0.0.1", "127.0.0.1");
    CHECK_THAT(std::string(fresh.res[http::field::set_cookie]), Catch::StartsWith("tp_csrf="));
}

TEST_CASE("what is personal, written, refused or unknown is never prepared") {
    site f;
    const auto made = f.s.register_person("barcamp", {"ada", "ada@example.org", "", "de", {}});
    REQUIRE(made.registration);
    f.s.confirm_registration(made.registration->token);
    const auto feed_token = f.s.personal_feed_token(*made.registration);
    const auto [target, method, version] = GENERATE_REF(table<std::string, http::verb, unsigned>({
        {"/r/" + made.registration->token, http::verb::get, 11},
        {"/r/" + made.registration->token + "/event.ics", http::verb::get, 11},
        {"/feeds/" + feed_token + ".ics", http::verb::get, 11},
        {"/admin", http::verb::get, 11},
        {"/events/nirgendwo", http::verb::get, 11},
        {"/?network=nirgendwo", http::verb::get, 11},
        {"/metrics", http::verb::get, 11},
        {"/calendar.ics", http::verb::get, 10},
        {"/events/barcamp", http::verb::post, 11},
    }));
    CAPTURE(target, version);
    auto req = site::request(target);
    req.method(method);
    req.version(version);
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    (void)f.a.handle(req, "127.0.0.1", "127.0.0.1");
    CHECK_FALSE(f.a.prepared(req, f.now));
}
