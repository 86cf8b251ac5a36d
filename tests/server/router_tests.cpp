// The route table and the router: every entry answers its methods, 405 with Allow for the others and HEAD
// wherever GET is allowed; unknown paths are 404; the most specific pattern wins whatever the order; the API
// routes are the OpenAPI document's.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <regex>
#include <set>

#include "server/app.hpp"
#include "server/routes.hpp"
#include "temp_path.hpp"
#include "web/openapi.hpp"

using namespace tp;
namespace http = server::http;

namespace {

// A path of the pattern with a sample value for each parameter.
std::string sample_path(std::string_view pattern) {
    return std::regex_replace(std::string(pattern), std::regex(R"(\{[a-z]+\})"), "x1");
}

std::vector<std::string> segments_of(const std::string& path) {
    std::vector<std::string> out;
    for (std::size_t start = 1; start <= path.size();) {
        const auto end = std::min(path.find('/', start), path.size());
        if (end > start) out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

struct fixture {
    testing::temp_path db;
    store::store s{db.str()};
    server::app a{s, {"http://127.0.0.1:8080", 0}};
    server::handled call(http::verb verb, const std::string& target) {
        server::request req{verb, target, 11};
        req.set(http::field::host, "treffpunkt.example");
        req.prepare_payload();
        return a.handle(req, "127.0.0.1", "127.0.0.1");
    }
};

}  // namespace

TEST_CASE("every route answers its methods, 405 with Allow for the others, HEAD wherever GET is allowed") {
    fixture f;
    for (const auto& r : server::route_table()) {
        const auto path = sample_path(r.pattern);
        CAPTURE(r.pattern);
        for (const auto verb :
             {http::verb::get, http::verb::head, http::verb::post, http::verb::put, http::verb::delete_}) {
            CAPTURE(http::to_string(verb));
            const auto answer = f.call(verb, path);
            if (server::allows(r.methods, verb)) {
                CHECK(answer.route == r.label);  // the route's own handler answered, whatever its status
                CHECK(answer.res.result() != http::status::method_not_allowed);
            } else {
                CHECK(answer.res.result() == http::status::method_not_allowed);
                CHECK(answer.res[http::field::allow] == server::allow_header(r.methods));
            }
        }
        if (r.methods & server::GET) {
            const auto get = f.call(http::verb::get, path), head = f.call(http::verb::head, path);
            CHECK(head.res.result() == get.res.result());
            CHECK(server::shared_body::size(head.res.body()) == 0);
        }
    }
}

TEST_CASE("paths no route has are 404, as a page or, under /api/, as JSON") {
    fixture f;
    for (const auto* path : {"/networks/x1/y", "/events/x1/nothing", "/r/x1/nothing", "/admin/nothing", "/events/a.b",
                             "/static/other.css", "/api/v1/nothing", "/api/v2/events"}) {
        CAPTURE(path);
        const auto answer = f.call(http::verb::get, path);
        CHECK(answer.res.result() == http::status::not_found);
        CHECK(answer.route == "not_found");
        const bool api = std::string_view(path).starts_with("/api/");
        CHECK(std::string(answer.res[http::field::content_type]).starts_with(api ? "application/json" : "text/html"));
    }
}

TEST_CASE("patterns match whole segments, parameters take no dots, and the most specific route wins") {
    const auto [pattern, path, args] = GENERATE(table<std::string, std::string, std::vector<std::string>>({
        {"/events/{slug}", "/events/mint-barcamp", {"mint-barcamp"}},
        {"/events/{slug}.ics", "/events/mint-barcamp.ics", {"mint-barcamp"}},
        {"/admin/events/{slug}/attendees.{format}", "/admin/events/x/attendees.csv", {"x", "csv"}},
        {"/r/{token}/confirm", "/r/abc/confirm", {"abc"}},
    }));
    CHECK(server::match_route(pattern, segments_of(path)) == args);
    CHECK_FALSE(server::match_route("/events/{slug}", segments_of("/events/a.ics")));
    CHECK_FALSE(server::match_route("/events/{slug}.ics", segments_of("/events/.ics")));
    CHECK_FALSE(server::match_route("/events/{slug}", segments_of("/events/a/b")));
    // Each entry's own sample path reaches that entry, and no two entries are equally specific for one path.
    for (const auto& r : server::route_table()) {
        CAPTURE(r.pattern);
        int equal = 0;
        for (const auto& other : server::route_table())
            if (other.pattern == r.pattern) ++equal;
        CHECK(equal == 1);
    }
    fixture f;
    CHECK(f.call(http::verb::get, "/admin/events/new").route == "admin_event_new");  // not /admin/events/{slug}
}

TEST_CASE("the API routes of the table are the OpenAPI document's, with the same methods") {
    const auto doc = boost::json::parse(web::openapi_document()).as_object();
    const auto& paths = doc.at("paths").as_object();
    std::set<std::string> covered;
    for (const auto& [path, item] : paths) {
        CAPTURE(std::string(path));
        unsigned documented = 0;
        for (const auto& [method, op] : item.as_object()) {
            if (method == "get") documented |= server::GET;
            if (method == "post") documented |= server::POST;
            if (method == "put") documented |= server::PUT;
        }
        const server::route* found = nullptr;
        for (const auto& r : server::route_table())
            if (server::match_route(r.pattern, segments_of(sample_path(path)))) found = &r;
        REQUIRE(found);
        CHECK(found->methods == documented);
        covered.insert(std::string(found->pattern));
    }
    for (const auto& r : server::route_table())
        if (r.pattern.starts_with("/api/")) CHECK(covered.count(std::string(r.pattern)) == 1);
}

TEST_CASE("log redaction hides every {token} of the table") {
    const auto paths = server::secret_paths(server::route_table());
    CHECK(paths == std::vector<std::string>{"/feeds/{token}.ics", "/r/{token}", "/api/v1/registrations/{token}",
                                            "/admin/events/{slug}/door/{id}/{token}"});
}

TEST_CASE("the router refuses every form POST whose CSRF token is missing or wrong, before its handler runs") {
    fixture f;
    int checked = 0;
    for (const auto& r : server::route_table()) {
        if (!r.router_checks_csrf()) continue;
        CAPTURE(r.pattern);
        for (const std::string body : {"", "csrf=0123456789abcdef0123456789abcdef"}) {
            server::request req{http::verb::post, sample_path(r.pattern), 11};
            req.set(http::field::host, "treffpunkt.example");
            req.set(http::field::cookie, "tp_csrf=fedcba9876543210fedcba9876543210");
            req.set(http::field::content_type, "application/x-www-form-urlencoded");
            req.body() = body;
            req.prepare_payload();
            const auto answer = f.a.handle(req, "127.0.0.1", "127.0.0.1");
            const bool signed_in_only = r.need != server::needs::nothing;  // without a session: off to the login
            CHECK(answer.res.result() == (signed_in_only ? http::status::see_other : http::status::bad_request));
            CHECK(answer.route == r.label);
        }
        ++checked;
    }
    CHECK(checked >= 15);  // every POST of the admin pages, the registration's pages and the login forms
}

TEST_CASE("error pages speak the visitor's language, not the other one") {
    const auto [target, german, english] = GENERATE(table<std::string, std::string, std::string>({
        {"/?kind=party", "keine Art von Veranstaltung", "is not one of barcamp"},
        {"/?network=nirgendwo", "Dieses Netzwerk gibt es nicht: nirgendwo", "There is no network called nirgendwo"},
        {"/calendar.ics?network=nirgendwo", "Dieses Netzwerk gibt es nicht", "There is no network called"},
        {"/?lang=fr", "keine Sprache dieser Seiten", "is not one of de, en"},
        {"/?network=a&network=b", "nur ein Netzwerk", "only once"},
    }));
    fixture f;
    for (const auto& [language, expected, other] : {std::tuple{"de", german, english}, {"en", english, german}}) {
        CAPTURE(target, language);
        server::request req{http::verb::get, target, 11};
        req.set(http::field::accept_language, language);
        const auto answer = f.a.handle(req, "127.0.0.1", "127.0.0.1");
        CHECK(answer.res.result() == http::status::bad_request);
        const auto& body = *answer.res.body();
        CHECK_THAT(body, Catch::Contains(expected));
        CHECK_THAT(body, !Catch::Contains(other));
    }
}
