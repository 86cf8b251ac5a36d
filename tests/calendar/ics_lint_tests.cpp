#include <catch2/catch.hpp>

#include "calendar/ics_lint.hpp"

using namespace tp::calendar;

namespace {
std::string crlf(std::initializer_list<std::string> ls) {
    std::string s;
    for (const auto& l : ls) s += l + "\r\n";
    return s;
}
const std::string tz = crlf({"BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "TZOFFSETFROM:+0100",
                             "TZOFFSETTO:+0100", "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE"});
std::string calendar_with(const std::string& event_lines, const std::string& zones = tz) {
    return crlf({"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN"}) + zones + "BEGIN:VEVENT\r\n" + event_lines +
           "END:VEVENT\r\nEND:VCALENDAR\r\n";
}
const std::string good_event =
    crlf({"UID:1@t", "DTSTAMP:20270101T000000Z", "DTSTART;TZID=Europe/Berlin:20270920T100000"});

bool mentions(const std::vector<std::string>& problems, std::string_view what) {
    for (const auto& p : problems)
        if (p.find(what) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("a correct object passes") {
    CHECK(lint_ics(calendar_with(good_event)).empty());
    CHECK(lint_ics(calendar_with(crlf({"UID:1@t", "DTSTAMP:20270101T000000Z", "DTSTART;VALUE=DATE:20270920"}), ""))
              .empty());
    const std::string folded = "SUMMARY:" + std::string(66, 'a') + "\r\n " + std::string(20, 'b') + "\r\n";
    CHECK(lint_ics(calendar_with(good_event + folded)).empty());
}

TEST_CASE("each rule that parsers let pass is caught") {
    const std::string ok = calendar_with(good_event);
    auto replace = [&ok](const std::string& from, const std::string& to) {
        std::string s = ok;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    const auto [text, expected] = GENERATE_REF(table<std::string, std::string>({
        {replace("VERSION:2.0\r\n", "VERSION:2.0\n"), "bare LF"},
        {replace("VERSION:2.0\r\n", "VERSION:2.0\r\n\r\n"), "blank line"},
        {"X-A:b\r\n" + ok, "must start with BEGIN:VCALENDAR"},
        {replace("UID:1@t", "UID:" + std::string(80, 'u')), "longer than 75 octets"},
        {replace("UID:1@t", "UID:" + std::string(69, 'u') + "\xC3\r\n \xA4"), "not valid UTF-8"},
        {replace("DTSTAMP:20270101T000000Z", "DTSTAMP:20270101T000000"), "DTSTAMP must be UTC"},
        {replace("DTSTAMP:20270101T000000Z", "DTSTAMP;TZID=Europe/Berlin:20270101T000000"), "DTSTAMP must be UTC"},
        {replace("DTSTART;TZID=Europe/Berlin:20270920T100000", "DTSTART:20270920T100000"), "floating"},
        {replace("DTSTART;TZID=Europe/Berlin:20270920T100000", "DTSTART;TZID=Europe/Berlin:20270920T100000Z"),
         "never both"},
        {replace("DTSTART;TZID=Europe/Berlin", "DTSTART;TZID=Europe/Paris"), "TZID=Europe/Paris has no VTIMEZONE"},
        {replace("DTSTART;TZID=Europe/Berlin:20270920T100000", "DTSTART;VALUE=DATE:2027-09-20"), "not a DATE"},
        {replace("UID:1@t\r\n", ""), "VEVENT needs exactly one UID"},
        {replace("UID:1@t\r\n", "UID:1@t\r\nUID:2@t\r\n"), "VEVENT needs exactly one UID"},
        {replace("PRODID:-//t//t//EN\r\n", ""), "needs exactly one PRODID"},
        {replace("VERSION:2.0", "VERSION:1.0"), "VERSION must be 2.0"},
        {replace("END:VEVENT\r\n", ""), "does not close"},
        {ok.substr(0, ok.size() - 2), "does not end in CRLF"},
        {replace("UID:1@t", "REFRESH-INTERVAL:PT1H\r\nUID:1@t"), "VALUE=DURATION"},
        {replace("UID:1@t", "RRULE:FREQ=DAILY;UNTIL=20270101T000000\r\nUID:1@t"), "UNTIL must be a DATE or UTC"},
        {replace("UID:1@t", "no colon here\r\nUID:1@t"), "not a content line"},
    }));
    const auto problems = lint_ics(text);
    CAPTURE(text, problems);
    CHECK(mentions(problems, expected));
}

TEST_CASE("a series' rule outside the subset every client reads is caught, with the reason") {
    const auto [rule, start, problem] = GENERATE(table<std::string, std::string, std::string>({
        {"FREQ=MONTHLY;BYDAY=2TU", "20270112T180000", ""},
        {"FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10", "20270112T180000", ""},
        {"FREQ=MONTHLY;BYDAY=1TU,3TU", "20270105T180000", "more than one day in the month"},
        {"FREQ=MONTHLY;BYMONTHDAY=-1", "20270131T180000", "every month has"},
        {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "20270129T180000", "BYSETPOS"},
        {"FREQ=MONTHLY;BYDAY=2TU", "20270105T180000", "first date"},
        {"FREQ=SECONDLY", "20270105T180000", "not a rule"},
    }));
    CAPTURE(rule);
    // DTSTART after the rule: the check waits for the whole component.
    const auto problems = lint_ics(calendar_with(
        crlf({"UID:1@t", "DTSTAMP:20270101T000000Z", "RRULE:" + rule, "DTSTART;TZID=Europe/Berlin:" + start})));
    if (problem.empty()) {
        CHECK(problems.empty());
    } else {
        CHECK(mentions(problems, "line 15: RRULE"));
        CHECK(mentions(problems, problem));
    }
}

TEST_CASE("the rules of a VTIMEZONE are no series") {
    const auto zone =
        crlf({"BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
              "DTSTART:19700101T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"});
    CHECK(lint_ics(calendar_with(good_event, zone)).empty());
}
