#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "web/import_document.hpp"

using namespace tp;

namespace {

const std::string network_json = R"({"slug": "ist-bochum", "name": "zdi-Netzwerk IST.Bochum.NRW",
  "region": "Nordrhein-Westfalen", "website": "https://www.ist-bochum.de/", "contact_name": "Anna Müller",
  "contact_email": "anna@ist-bochum.de", "description": "MINT in Bochum"})";

const std::string event_json = R"({"slug": "mint-barcamp-2027", "network": "ist-bochum", "kind": "barcamp",
  "title": "MINT:Barcamp", "description": "Sessions", "start": "2027-09-20T10:00", "end": "2027-09-20T17:00",
  "time_zone": "Europe/Berlin", "all_day": false, "format": "in_person", "venue": "Körber-Forum",
  "address": "Hamburg", "join_url": null, "info_url": null, "capacity": 120,
  "registration_opens": "2027-06-01T09:00", "registration_closes": "2027-09-15T23:59", "status": "published"})";

std::string doc_with_event(const std::string& key, const std::string& value) {
    std::string e = event_json;
    const auto pos = e.find("\"" + key + "\":");
    if (pos == std::string::npos) {
        e.insert(1, "\"" + key + "\": " + value + ", ");
    } else {
        const auto start = pos + key.size() + 3;
        const auto end = e.find_first_of(",}", e[start + 1] == '"' ? e.find('"', start + 2) : start);
        e.replace(start, end - start, " " + value);
    }
    return R"({"networks": [)" + network_json + R"(], "events": [)" + e + "]}";
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

}  // namespace

TEST_CASE("a complete document turns into networks and events with instants") {
    const auto r = web::parse_import(R"({"networks": [)" + network_json + R"(], "events": [)" + event_json + "]}");
    INFO(joined(r.errors));
    REQUIRE(r.errors.empty());
    REQUIRE(r.document.networks.size() == 1);
    REQUIRE(r.document.events.size() == 1);
    const auto& e = r.document.events[0];
    CHECK(r.document.networks[0].contact_name == "Anna Müller");
    CHECK(e.kind == calendar::event_kind::barcamp);
    CHECK(calendar::format_utc(e.start) == "20270920T080000Z");
    CHECK(calendar::format_utc(e.end) == "20270920T150000Z");
    CHECK(e.capacity == 120);
    CHECK(e.registration_opens);
    CHECK(calendar::format_utc(*e.registration_closes) == "20270915T215900Z");
    CHECK_FALSE(e.join_url);
}

TEST_CASE("all-day events take dates and end on the day after the last day") {
    // start and end still hold times: both are errors
    const auto r = web::parse_import(doc_with_event("all_day", "true"));
    CHECK_THAT(joined(r.errors), Catch::Contains("start:") && Catch::Contains("all-day events take dates"));
    auto doc = doc_with_event("all_day", "true");
    doc.replace(doc.find("2027-09-20T10:00"), 16, "2027-09-20");
    doc.replace(doc.find("2027-09-20T17:00"), 16, "2027-09-22");
    const auto ok = web::parse_import(doc);
    INFO(joined(ok.errors));
    REQUIRE(ok.errors.empty());
    CHECK(calendar::format_utc(ok.document.events[0].end) == "20270922T220000Z");
}

TEST_CASE("each bad entry is named with its problem") {
    const auto [key, value, expected] = GENERATE(table<std::string, std::string, std::string>({
        {"start", R"("2027-03-28T02:30")", "events[0] (mint-barcamp-2027): start: 2027-03-28T02:30 does not exist"},
        {"start", R"("2027-10-31T02:30")", "start: 2027-10-31T02:30 happens twice"},
        {"start", R"("2027-09-20 10:00")", "start: '2027-09-20 10:00' is not a date and time"},
        {"start", R"("2040-01-01T10:00")", "outside the supported years"},
        {"end", R"("2027-09-20T09:00")", "end: must be after start"},
        {"end", R"("2027-09-20T10:00")", "end: must be after start"},
        {"time_zone", R"("Europe/Bochum")", "time_zone: 'Europe/Bochum' is not an IANA time zone"},
        {"kind", R"("party")", "kind: 'party' is not one of barcamp"},
        {"format", R"("remote")", "format: 'remote' is not one of"},
        {"status", R"("live")", "status: 'live' is not one of"},
        {"capacity", "-1", "capacity: must be null or a whole number"},
        {"capacity", "1.5", "capacity: must be null or a whole number"},
        {"capacity", "\"120\"", "capacity: must be null or a whole number"},
        {"capacity", "100001", "capacity: must be null or a whole number"},
        {"title", "\"\"", "title: must not be empty"},
        {"title", "null", "title: is required"},
        {"title", "42", "title: must be a string"},
        {"title", "\"two\\nlines\"", "title: must be one line"},
        {"slug", "\"Mint Barcamp\"", "slug: may contain only"},
        {"join_url", "\"javascript:alert(1)\"", "join_url: must start with http"},
        {"info_url", "\"not a url\"", "info_url: is not an absolute URL"},
        {"all_day", "\"yes\"", "all_day: must be true or false"},
        {"registration_closes", R"("2027-05-01T09:00")", "registration_closes: must be after registration_opens"},
        {"capcity", "10", "capcity: is not a known field"},
    }));
    CAPTURE(key, value);
    const auto r = web::parse_import(doc_with_event(key, value));
    CHECK_THAT(joined(r.errors), Catch::Contains(expected));
}

TEST_CASE("whole-document problems are reported") {
    const auto [doc, expected] = GENERATE(table<std::string, std::string>({
        {"", "not valid JSON"},
        {"[1]", "must be a JSON object"},
        {R"({"events": {}})", "events: must be a list"},
        {R"({"events": [1]})", "events[0]: must be an object"},
        {R"({"sessions": []})", "sessions: is not a known section"},
        {"{\"networks\": [{\"slug\": \"a\", \"name\": \"\xC3\x28\"}]}", "not valid JSON"},
        {R"({"networks": [{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}]})",
         "networks[1] (a): slug: appears more than once"},
        {R"({"networks": [{"slug": "a", "name": "A", "contact_email": "nope"}]})",
         "contact_email: is not an email address"},
        {R"({"events": [{"slug": "x"}]})", "events[0] (x): network: is required"},
    }));
    CAPTURE(doc);
    const auto r = web::parse_import(doc);
    CHECK_THAT(joined(r.errors), Catch::Contains(expected));
}
