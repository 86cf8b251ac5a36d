// What search engines and messengers read from the public pages: the JSON-LD Event of every event page checked
// field by field against the event (scheduled, cancelled, moved, full, few seats, online, hybrid, a series' date),
// and the share cards of event, series and network pages.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <regex>

#include "cached_site.hpp"
#include "web/event_structured_data.hpp"

using namespace tp;
namespace json = boost::json;

namespace {

const std::string base = "http://127.0.0.1:8080";

json::object json_ld_of(const std::string& page) {
    static const std::regex script("<script type=\"application/ld\\+json\">([^<]*)</script>");
    std::smatch m;
    REQUIRE(std::regex_search(page, m, script));
    return json::parse(m[1].str()).as_object();
}

std::string meta(const std::string& page, const std::string& key) {
    const std::regex tag("<meta (?:property|name)=\"" + key + "\" content=\"([^\"]*)\">");
    std::smatch m;
    return std::regex_search(page, m, tag) ? m[1].str() : std::string("(none)");
}

std::string s(const json::value& v) { return std::string(v.as_string()); }

}  // namespace

TEST_CASE("an event page's JSON-LD is the event, field by field") {
    testing::cached_site f;
    f.e.capacity = 120;  // many seats left: in stock
    f.save();
    const auto ld = json_ld_of(f.get("/events/barcamp"));
    CHECK(s(ld.at("@context")) == "https://schema.org");
    CHECK(s(ld.at("@type")) == "Event");
    CHECK(s(ld.at("name")) == "MINT:Barcamp");
    CHECK(s(ld.at("description")) == "Sessions, proposed on the day.");
    CHECK(s(ld.at("url")) == base + "/events/barcamp");
    CHECK(s(ld.at("startDate")) == "2027-09-20T10:00:00+02:00");
    CHECK(s(ld.at("endDate")) == "2027-09-20T17:00:00+02:00");
    CHECK(s(ld.at("eventStatus")) == "https://schema.org/EventScheduled");
    CHECK(s(ld.at("eventAttendanceMode")) == "https://schema.org/OfflineEventAttendanceMode");
    const auto& place = ld.at("location").as_object();
    CHECK(s(place.at("@type")) == "Place");
    CHECK(s(place.at("name")) == "Körber-Forum");
    CHECK(s(place.at("address").at("@type")) == "PostalAddress");
    CHECK(s(place.at("address").at("streetAddress")) == "Kehrwieder 12");
    CHECK(s(place.at("address").at("postalCode")) == "20457");
    CHECK(s(place.at("address").at("addressLocality")) == "Hamburg");
    CHECK(s(place.at("address").at("addressCountry")) == "DE");
    CHECK(s(ld.at("organizer").at("@type")) == "Organization");
    CHECK(s(ld.at("organizer").at("name")) == "zdi-Netzwerk IST.Bochum.NRW");
    CHECK(s(ld.at("organizer").at("url")) == base + "/networks/ist-bochum");
    const auto& offer = ld.at("offers").as_object();
    CHECK(s(offer.at("@type")) == "Offer");
    CHECK(offer.at("price") == 0);
    CHECK(s(offer.at("priceCurrency")) == "EUR");
    CHECK(s(offer.at("url")) == base + "/events/barcamp");
    CHECK(s(offer.at("availability")) == "https://schema.org/InStock");
    CHECK(s(offer.at("validFrom")) == date::format("%FT%TZ", *f.e.registration_opens));
    CHECK_FALSE(ld.contains("superEvent"));
    CHECK_FALSE(ld.contains("previousStartDate"));
}

TEST_CASE("offers follow the seats: few left, then sold out with a waiting list") {
    testing::cached_site f;  // two seats
    f.register_and_confirm("ada");
    CHECK(s(json_ld_of(f.get("/events/barcamp")).at("offers").at("availability")) ==
          "https://schema.org/LimitedAvailability");
    f.register_and_confirm("grace");
    CHECK(s(json_ld_of(f.get("/events/barcamp")).at("offers").at("availability")) == "https://schema.org/SoldOut");
}

TEST_CASE("status and attendance: cancelled, online without the join link, hybrid with both places") {
    testing::cached_site f;
    SECTION("cancelled") {
        f.e.status = calendar::event_status::cancelled;
        f.save();
        CHECK(s(json_ld_of(f.get("/events/barcamp")).at("eventStatus")) == "https://schema.org/EventCancelled");
    }
    SECTION("online") {
        f.e.format = calendar::event_format::online;
        f.e.join_url = "https://meet.example/geheim-4711";
        f.save();
        const auto page = f.get("/events/barcamp");
        const auto ld = json_ld_of(page);
        CHECK(s(ld.at("eventAttendanceMode")) == "https://schema.org/OnlineEventAttendanceMode");
        CHECK(s(ld.at("location").at("@type")) == "VirtualLocation");
        CHECK(s(ld.at("location").at("url")) == base + "/events/barcamp");
        CHECK(page.find("geheim-4711") == std::string::npos);
    }
    SECTION("hybrid") {
        f.e.format = calendar::event_format::hybrid;
        f.save();
        const auto ld = json_ld_of(f.get("/events/barcamp"));
        CHECK(s(ld.at("eventAttendanceMode")) == "https://schema.org/MixedEventAttendanceMode");
        const auto& both = ld.at("location").as_array();
        REQUIRE(both.size() == 2);
        CHECK(s(both[0].at("@type")) == "Place");
        CHECK(s(both[1].at("@type")) == "VirtualLocation");
    }
}

TEST_CASE("a series' date carries its series, and a moved date says it was rescheduled and from when") {
    testing::cached_site f;
    auto weekly = *f.s.series_by_slug("runde");
    const auto first = date::local_seconds{calendar::parse_local_date_time("2027-09-01T17:00")};
    calendar::series_override moved;
    moved.original_start = first;
    const auto& berlin = *calendar::find_zone("Europe/Berlin");
    moved.start = calendar::resolve_local(calendar::parse_local_date_time("2027-09-02T18:00"), berlin);
    moved.end = *moved.start + std::chrono::hours{1};
    weekly.overrides = {moved};
    f.s.upsert({}, {}, std::array{weekly});
    const auto dates = f.s.events({.series_slug = "runde"});
    REQUIRE(dates.size() == 3);
    for (const auto& d : dates) {
        CAPTURE(d.slug);
        const auto ld = json_ld_of(f.get("/events/" + d.slug));
        CHECK(s(ld.at("superEvent").at("@type")) == "EventSeries");
        CHECK(s(ld.at("superEvent").at("url")) == base + "/series/runde");
        CHECK(s(ld.at("superEvent").at("name")) == "Austauschrunde");
        const bool is_moved = d.start == *moved.start;
        CHECK(s(ld.at("eventStatus")) ==
              (is_moved ? "https://schema.org/EventRescheduled" : "https://schema.org/EventScheduled"));
        if (is_moved) {
            CHECK(s(ld.at("startDate")) == "2027-09-02T18:00:00+02:00");
            CHECK(s(ld.at("previousStartDate")) == "2027-09-01T17:00:00+02:00");
        } else {
            CHECK_FALSE(ld.contains("previousStartDate"));
        }
    }
}

TEST_CASE("event, series and network pages carry a share card with the date in words") {
    testing::cached_site f;
    const auto event = f.get("/events/barcamp");
    CHECK(meta(event, "og:title") == "MINT:Barcamp");
    CHECK(meta(event, "og:url") == base + "/events/barcamp");
    CHECK(meta(event, "og:type") == "website");
    CHECK(meta(event, "og:locale") == "de_DE");
    CHECK(meta(event, "twitter:card") == "summary");
    CHECK_THAT(meta(event, "og:description"), Catch::StartsWith("Montag, 20. September 2027"));
    CHECK_THAT(meta(event, "og:description"), Catch::Contains("Körber-Forum"));
    CHECK(meta(f.get("/events/barcamp", "en"), "og:locale") == "en_GB");
    const auto series = f.get("/series/runde");
    CHECK(meta(series, "og:title") == "Austauschrunde");
    CHECK(meta(series, "og:url") == base + "/series/runde");
    CHECK(meta(series, "og:description") != "(none)");
    const auto network = f.get("/networks/ist-bochum");
    CHECK(meta(network, "og:title") == "zdi-Netzwerk IST.Bochum.NRW");
    CHECK(meta(network, "og:url") == base + "/networks/ist-bochum");
}

TEST_CASE("text that could end the script element stays inside it") {
    auto e = testing::sample_event("x");
    e.title = "</script><script>alert(1)</script><!--";
    calendar::network n;
    n.slug = "n";
    n.name = "N";
    const auto ld = web::event_json_ld(e, n, {}, base);
    CHECK(ld.find('<') == std::string::npos);
    CHECK(s(json::parse(ld).at("name")) == e.title);
}

TEST_CASE("addresses split into street, postal code and locality where they are German") {
    struct row {
        const char* address;
        const char *street, *code, *locality;
    };
    const auto r = GENERATE(values<row>({
        {"Kehrwieder 12, 20457 Hamburg", "Kehrwieder 12", "20457", "Hamburg"},
        {"Zeche Hannover, Günnigfelder Str. 251, 44793 Bochum", "Zeche Hannover, Günnigfelder Str. 251", "44793",
         "Bochum"},
        {"Am Markt 1, 01067 Dresden-Altstadt", "Am Markt 1", "01067", "Dresden-Altstadt"},
        {"Rathaus Erfurt", "Rathaus Erfurt", "", ""},
        {"1 Main Street, Springfield", "1 Main Street, Springfield", "", ""},
        {"Hauptstr. 5, 1234 Wien", "Hauptstr. 5, 1234 Wien", "", ""},
        {"", "", "", ""},
    }));
    CAPTURE(r.address);
    const auto a = web::split_address(r.address);
    CHECK(a.street == r.street);
    CHECK(a.postal_code == r.code);
    CHECK(a.locality == r.locality);
}

TEST_CASE("a UTF-8 prefix never cuts a character") {
    CHECK(web::utf8_prefix("Mädchen", 2) == "M");   // "ä" is two bytes: not cut in half
    CHECK(web::utf8_prefix("Mädchen", 3) == "Mä");
    CHECK(web::utf8_prefix("kurz", 160) == "kurz");
}
