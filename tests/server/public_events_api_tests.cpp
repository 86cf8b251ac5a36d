// GET /api/v1/public/events: what a regional platform gets. Every field against the event, nothing private, the
// filters, the window and the pages, CORS for any origin, gzip, and bad queries as JSON errors in the visitor's
// language.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "cached_site.hpp"
#include "gunzip.hpp"
#include "web/openapi.hpp"

#include <set>

using namespace tp;
namespace http = tp::server::http;
namespace json = boost::json;

namespace {

struct api_site : testing::cached_site {
    server::handled ask(const std::string& query, std::string_view language = "de", bool gzip = false) {
        auto req = request("/api/v1/public/events" + query, language);
        if (gzip) req.set(http::field::accept_encoding, "gzip");
        return a.handle(req, "127.0.0.1", "127.0.0.1");
    }
    json::object document(const std::string& query = "") {
        const auto h = ask(query);
        REQUIRE(h.res.result() == http::status::ok);
        return json::parse(*h.res.body()).as_object();
    }
    static std::vector<std::string> slugs(const json::object& doc) {
        std::vector<std::string> out;
        for (const auto& e : doc.at("events").as_array()) out.emplace_back(e.at("slug").as_string());
        return out;
    }
    static const json::object& event(const json::object& doc, std::string_view slug) {
        for (const auto& e : doc.at("events").as_array())
            if (e.at("slug").as_string() == slug) return e.as_object();
        FAIL("no event " << slug);
        throw std::logic_error("unreachable");
    }
    void add(calendar::event more) { s.upsert({}, std::array{std::move(more)}); }
};

}  // namespace

TEST_CASE("each event carries what its public page shows, in RFC 3339 with its offset, and nothing private") {
    api_site f;
    f.e.join_url = "https://meet.example/geheim-4711";
    f.e.info_url = "https://ist-bochum.example/barcamp";
    f.e.registration_closes = f.e.start - std::chrono::days{2};
    f.save();
    const auto h = f.ask("");
    REQUIRE(h.res.result() == http::status::ok);
    CHECK(h.res[http::field::content_type] == "application/json; charset=utf-8");
    CHECK(h.res[http::field::access_control_allow_origin] == "*");
    CHECK(h.res[http::field::cache_control] == "public, max-age=60");
    CHECK_FALSE(h.res[http::field::etag].empty());
    CHECK(h.route == "api_public_events");
    const auto& body = *h.res.body();
    CHECK(body.find("geheim-4711") == std::string::npos);
    CHECK(body.find("meet.example") == std::string::npos);
    CHECK(body.find("@") == std::string::npos);  // no address of anyone

    const auto doc = json::parse(body).as_object();
    const auto& e = api_site::event(doc, "barcamp");
    CHECK(e.at("url") == "http://127.0.0.1:8080/events/barcamp");
    CHECK(e.at("ics") == "http://127.0.0.1:8080/events/barcamp.ics");
    CHECK(e.at("title") == "MINT:Barcamp");
    CHECK(e.at("description") == "Sessions, proposed on the day.");
    CHECK(e.at("kind") == "barcamp");
    CHECK(e.at("status") == "published");
    CHECK(e.at("start") == "2027-09-20T10:00:00+02:00");
    CHECK(e.at("end") == "2027-09-20T17:00:00+02:00");
    CHECK(e.at("time_zone") == "Europe/Berlin");
    CHECK(e.at("all_day") == false);
    CHECK(e.at("attendance") == "in_person");
    CHECK(e.at("venue") == "Körber-Forum");
    CHECK(e.at("address") == "Kehrwieder 12, 20457 Hamburg");
    CHECK(e.at("info_url") == "https://ist-bochum.example/barcamp");
    CHECK(e.at("network").at("slug") == "ist-bochum");
    CHECK(e.at("network").at("name") == "zdi-Netzwerk IST.Bochum.NRW");
    CHECK(e.at("network").at("url") == "http://127.0.0.1:8080/networks/ist-bochum");
    CHECK(e.at("series").is_null());
    const auto& r = e.at("registration").as_object();
    CHECK(r.at("opens").as_string() == date::format("%FT%TZ", *f.e.registration_opens));
    CHECK(r.at("closes") == "2027-09-18T08:00:00Z");
    CHECK(r.at("capacity") == 2);
    CHECK(r.at("seats_left") == 2);
    CHECK(r.at("waitlist") == false);
    CHECK_FALSE(e.at("updated").as_string().empty());
}

TEST_CASE("seats left follow the registrations, and a full event says new ones wait") {
    api_site f;
    f.register_and_confirm("ada");
    CHECK(api_site::event(f.document(), "barcamp").at("registration").at("seats_left") == 1);
    f.register_and_confirm("grace");
    const auto full = api_site::event(f.document(), "barcamp").at("registration").as_object();
    CHECK(full.at("seats_left") == 0);
    CHECK(full.at("waitlist") == true);
}

TEST_CASE("a series' dates each come as an event with their series, drafts never, cancelled ones as cancelled") {
    api_site f;
    auto draft = testing::sample_event("entwurf");
    draft.status = calendar::event_status::draft;
    auto off = testing::sample_event("abgesagt");
    off.status = calendar::event_status::cancelled;
    auto online = testing::sample_event("webinar");
    online.kind = calendar::event_kind::webinar;
    online.format = calendar::event_format::online;
    online.venue.clear();
    online.address.clear();
    online.capacity.reset();
    f.add(draft);
    f.add(off);
    f.add(online);
    const auto doc = f.document();
    const auto all = api_site::slugs(doc);
    CHECK(std::find(all.begin(), all.end(), "entwurf") == all.end());
    CHECK(api_site::event(doc, "abgesagt").at("status") == "cancelled");
    const auto& w = api_site::event(doc, "webinar");
    CHECK(w.at("attendance") == "online");
    CHECK(w.at("venue").is_null());
    CHECK(w.at("address").is_null());
    CHECK(w.at("registration").at("capacity").is_null());
    CHECK(w.at("registration").at("seats_left").is_null());
    std::size_t dates = 0;
    for (const auto& e : doc.at("events").as_array())
        if (!e.at("series").is_null()) {
            ++dates;
            CHECK(e.at("series").at("slug") == "runde");
            CHECK(e.at("series").at("url") == "http://127.0.0.1:8080/series/runde");
        }
    CHECK(dates == 3);
}

TEST_CASE("the filters: network, kind, search, and the window from and to") {
    api_site f;
    auto webinar = testing::sample_event("mint-maedchen");
    webinar.kind = calendar::event_kind::webinar;
    webinar.title = "Webinar: MINT & Mädchen";
    webinar.start += std::chrono::days{60};
    webinar.end += std::chrono::days{60};
    f.add(webinar);
    struct row {
        const char* query;
        std::vector<std::string> shown;  // in start order
    };
    const auto r = GENERATE(values<row>({
        {"?kind=webinar", {"mint-maedchen"}},
        {"?kind=barcamp", {"barcamp"}},
        {"?kind=barcamp&kind=webinar", {"barcamp", "mint-maedchen"}},
        {"?q=madchen", {"mint-maedchen"}},  // accents do not matter
        {"?q=Barcamp&network=ist-bochum", {"barcamp"}},
        {"?from=2027-11-01&kind=barcamp&kind=webinar", {"mint-maedchen"}},
        {"?to=2027-09-20&kind=barcamp&kind=webinar", {"barcamp"}},
        {"?from=2027-09-21&to=2027-11-18&kind=barcamp&kind=webinar", {}},
        {"?from=2027-09-20T16:00:00%2B02:00&to=2027-09-20T16:30:00Z&kind=barcamp", {"barcamp"}},  // running then
    }));
    CAPTURE(r.query);
    const auto doc = f.document(r.query);
    CHECK(api_site::slugs(doc) == r.shown);
    CHECK(doc.at("total") == r.shown.size());
}

TEST_CASE("pages of a hundred, with the next page's link until the last, and nothing past it") {
    api_site f;
    std::vector<calendar::event> many;
    for (int i = 0; i < 130; ++i) {
        auto e = testing::sample_event("treffen-" + std::to_string(1000 + i));
        e.kind = calendar::event_kind::meeting;
        e.start += std::chrono::hours{i};
        e.end += std::chrono::hours{i};
        many.push_back(std::move(e));
    }
    f.s.upsert({}, many);
    const auto first = f.document("?kind=meeting");
    CHECK(first.at("events").as_array().size() == 100);
    CHECK(first.at("page") == 1);
    CHECK(first.at("pages") == 2);
    CHECK(first.at("per_page") == 100);
    CHECK(first.at("total") == 130);
    CHECK(first.at("next") == "http://127.0.0.1:8080/api/v1/public/events?kind=meeting&page=2");
    CHECK(api_site::slugs(first).front() == "treffen-1000");
    const auto second = f.document("?kind=meeting&page=2");
    CHECK(second.at("events").as_array().size() == 30);
    CHECK(second.at("next").is_null());
    CHECK(api_site::slugs(second).front() == "treffen-1100");
    const auto past = f.document("?kind=meeting&page=3");
    CHECK(past.at("events").as_array().empty());
    CHECK(past.at("total") == 130);
}

TEST_CASE("a bad query is a JSON error in the visitor's language, and nothing is cached for it") {
    api_site f;
    struct row {
        const char* query;
        const char* english;
        const char* german;
    };
    const auto r = GENERATE(values<row>({
        {"?from=morgen", "is not a date", "ist kein Datum"},
        {"?from=2027-09-21&to=2027-09-20", "from must be before to", "vor dem Ende"},
        {"?kind=party", "is not one of", "keine Art von Veranstaltung"},
        {"?network=nirgendwo", "nirgendwo", "nirgendwo"},
        {"?page=0", "is not a page number", "keine Seitenzahl"},
    }));
    CAPTURE(r.query);
    for (const auto& [language, expected] : {std::pair{"en", r.english}, std::pair{"de", r.german}}) {
        const auto h = f.ask(r.query, language);
        CHECK(h.res.result() == http::status::bad_request);
        CHECK(h.res[http::field::content_type] == "application/json; charset=utf-8");
        CHECK_THAT(std::string(json::parse(*h.res.body()).at("error").as_string()), Catch::Contains(expected));
        CHECK_FALSE(f.a.prepared(api_site::request("/api/v1/public/events" + std::string(r.query), language), f.now));
    }
}

TEST_CASE("the document goes gzipped to those who accept it, the same bytes once inflated") {
    api_site f;
    const auto plain = f.ask("", "de", false);
    const auto packed = f.ask("", "de", true);
    CHECK(packed.res[http::field::content_encoding] == "gzip");
    CHECK(packed.res[http::field::vary] == "Accept-Encoding");
    CHECK(gunzip(*packed.res.body()) == *plain.res.body());
    CHECK(plain.res[http::field::content_encoding].empty());
}

TEST_CASE("the document has exactly the fields its OpenAPI schemas name, all of them required") {
    api_site f;
    const auto doc = f.document();
    const auto spec = json::parse(web::openapi_document()).as_object();
    const auto& schemas = spec.at("components").at("schemas").as_object();
    const auto keys = [](const json::object& o) {
        std::set<std::string> out;
        for (const auto& [k, v] : o) out.emplace(k);
        return out;
    };
    const auto required = [](const json::value& schema) {
        std::set<std::string> out;
        for (const auto& k : schema.at("required").as_array()) out.emplace(k.as_string());
        return out;
    };
    CHECK(keys(doc) == required(schemas.at("PublicEventsPage")));
    CHECK(keys(schemas.at("PublicEventsPage").at("properties").as_object()) == keys(doc));
    const auto& event_schema = schemas.at("PublicEvent");
    CHECK(keys(event_schema.at("properties").as_object()) == required(event_schema));
    for (const auto& e : doc.at("events").as_array()) CHECK(keys(e.as_object()) == required(event_schema));
    const auto& paths = spec.at("paths").as_object();
    CHECK(paths.contains("/api/v1/public/events"));
}
