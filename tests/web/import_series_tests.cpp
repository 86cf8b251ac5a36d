#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "web/import_document.hpp"

using namespace tp;

namespace {

std::string series_doc(const std::string& extra_fields) {
    return R"({"series": [{"slug": "alumni-austauschrunde", "network": "mint-regionen", "kind": "exchange_round",
      "title": "Alumni-Austauschrunde", "rrule": "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU",
      "start": "2027-01-26T17:00", "end": "2027-01-26T18:30", "time_zone": "Europe/Berlin", "format": "online",
      "join_url": "https://meet.example/alumni", "capacity": 30)" +
           extra_fields + "}]}";
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

}  // namespace

TEST_CASE("a series with skipped and moved dates imports") {
    const auto r = web::parse_import(series_doc(R"(, "exdates": ["2027-07-27T17:00"], "overrides": [
        {"original_start": "2027-05-25T17:00", "start": "2027-05-27T17:00", "end": "2027-05-27T18:30",
         "title": "Verschoben"},
        {"original_start": "2027-09-28T17:00", "status": "cancelled"},
        {"original_start": "2027-03-30T17:00", "start": "2027-03-31T17:00"}])"));
    INFO(joined(r.errors));
    REQUIRE(r.errors.empty());
    REQUIRE(r.document.series.size() == 1);
    const auto& s = r.document.series[0];
    CHECK(s.rule == "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU");
    CHECK(calendar::format_iso_local(s.first_start) == "2027-01-26T17:00");
    CHECK(s.duration == std::chrono::minutes{90});
    REQUIRE(s.exdates.size() == 1);
    REQUIRE(s.overrides.size() == 3);
    CHECK(calendar::format_iso_local(s.overrides[0].original_start) == "2027-03-30T17:00");  // sorted
    CHECK(s.overrides[0].end == *s.overrides[0].start + std::chrono::minutes{90});           // the series' length
    CHECK(s.overrides[1].title == "Verschoben");
    CHECK(s.overrides[2].status == calendar::event_status::cancelled);
}

TEST_CASE("bad series are named with their problem") {
    const auto [extra, expected] = GENERATE(table<std::string, std::string>({
        {R"(, "rrule": "FREQ=HOURLY")", "series[0] (alumni-austauschrunde): rrule: FREQ=HOURLY is not supported"},
        {R"(, "rrule": "FREQ=MONTHLY;BYDAY=1WE")", "start: 2027-01-26T17:00 is not a date of the rule"},
        {R"(, "rrule": "FREQ=WEEKLY;UNTIL=20271231")", "UNTIL must be a UTC time"},
        {R"(, "exdates": ["2027-07-28T17:00"])", "exdates[0]: 2027-07-28T17:00 is not a date of the series"},
        {R"(, "exdates": ["2027-07-27 17:00"])", "exdates[0]: '2027-07-27 17:00' is not a date and time"},
        {R"(, "exdates": [42])", "exdates[0]: must be a local date and time"},
        {R"(, "exdates": "2027-07-27T17:00")", "exdates: must be a list"},
        {R"(, "overrides": [{"start": "2027-05-27T17:00"}])", "overrides[0]: original_start: is required"},
        {R"(, "overrides": [{"original_start": "2027-05-26T17:00"}])", "is not a date of the series"},
        {R"(, "overrides": [{"original_start": "2027-05-25T17:00", "end": "2027-05-27T18:30"}])", "end: needs a start"},
        {R"(, "overrides": [{"original_start": "2027-05-25T17:00", "status": "gone"}])",
         "status: 'gone' is not one of"},
        {R"(, "overrides": [{"original_start": "2027-05-25T17:00", "colour": "red"}])", "colour: is not a known field"},
        {R"(, "overrides": [{"original_start": "2027-05-25T17:00"}, {"original_start": "2027-05-25T17:00"}])",
         "overrides[1]: original_start: appears more than once"},
        {R"(, "overrides": [{"original_start": "2027-05-25T17:00", "start": "2027-03-28T02:30"}])", "does not exist"},
    }));
    CAPTURE(extra);
    const auto r = web::parse_import(series_doc(extra));
    CHECK_THAT(joined(r.errors), Catch::Contains(expected));
}

TEST_CASE("a series asks questions and sets reminders for all its occurrences") {
    const auto r = web::parse_import(series_doc(R"(, "reminders": ["2d", "2h"], "questions": [
        {"key": "thema", "label": "Ihr Thema", "type": "text", "required": true}])"));
    INFO(joined(r.errors));
    REQUIRE(r.errors.empty());
    const auto& s = r.document.series.at(0);
    REQUIRE(s.questions.size() == 1);
    CHECK(s.questions[0].key == "thema");
    CHECK(s.reminders == std::vector<std::chrono::seconds>{std::chrono::hours{48}, std::chrono::hours{2}});
}

TEST_CASE("bad series reminders and questions are named") {
    const auto r = web::parse_import(series_doc(R"(, "reminders": ["2w", "1d", "1d"], "questions": [
        {"key": "x", "label": "X", "type": "single_choice", "options": ["nur eine"]}])"));
    const auto all = joined(r.errors);
    CHECK(all.find("series[0] (alumni-austauschrunde): reminders[0]: must be like") != std::string::npos);
    CHECK(all.find("reminders[2]: appears more than once") != std::string::npos);
    CHECK(all.find("questions[0]: options: a choice needs at least two options") != std::string::npos);
}
