#include <catch2/catch.hpp>

#include <vector>

#include "calendar/ics_lint.hpp"
#include "calendar/ics_writer.hpp"
#include "calendar/itip.hpp"
#include "sample_event.hpp"

using namespace tp::calendar;
using tp::testing::sample_event;

namespace {
const feed_info feed{"Treffpunkt: alle Termine", "Alle Veranstaltungen", "https://tp.test/", "https://tp.test", false};

std::string write(const std::vector<event>& events, const feed_info& f = feed) { return write_ics(f, events); }

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

std::string unfolded(std::string text) {
    for (std::size_t p; (p = text.find("\r\n ")) != std::string::npos;) text.erase(p, 3);
    return text;
}
}  // namespace

TEST_CASE("a feed has the calendar properties subscribers need") {
    const auto text = write({sample_event()});
    CHECK(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0) == 0);
    for (const char* line : {"NAME:Treffpunkt: alle Termine\r\n", "X-WR-CALNAME:Treffpunkt: alle Termine\r\n",
                             "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", "X-PUBLISHED-TTL:PT1H\r\n",
                             "X-WR-TIMEZONE:Europe/Berlin\r\n", "URL;VALUE=URI:https://tp.test/\r\n"}) {
        CAPTURE(line);
        CHECK_THAT(text, Catch::Contains(line));
    }
    CHECK(text.find("METHOD") == std::string::npos);
    CHECK(text.size() >= 15);
    CHECK(text.substr(text.size() - 15) == "END:VCALENDAR\r\n");
    CHECK(lint_ics(text).empty());
}

TEST_CASE("a timed event carries TZID times, a VTIMEZONE and deterministic stamps") {
    const auto text = write({sample_event()});
    CHECK_THAT(text, Catch::Contains("DTSTART;TZID=Europe/Berlin:20270920T100000\r\n"));
    CHECK_THAT(text, Catch::Contains("DTEND;TZID=Europe/Berlin:20270920T170000\r\n"));
    CHECK_THAT(text, Catch::Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    CHECK_THAT(text, Catch::Contains("DTSTAMP:20270622T110000Z\r\n"));
    CHECK_THAT(text, Catch::Contains("UID:mint-barcamp-2027@treffpunkt.test\r\n"));
    CHECK_THAT(text, Catch::Contains("SEQUENCE:0\r\n"));
    CHECK_THAT(text, Catch::Contains("LOCATION:Körber-Forum\\, Kehrwieder 12\\, 20457 Hamburg\r\n"));
    CHECK_THAT(text, Catch::Contains("URL;VALUE=URI:https://tp.test/events/mint-barcamp-2027\r\n"));
    CHECK_THAT(text, Catch::Contains("CATEGORIES:Barcamp\r\n"));
    CHECK(write({sample_event()}) == text);
}

TEST_CASE("all-day events use VALUE=DATE with an exclusive end") {
    auto e = sample_event();
    const auto& berlin = *find_zone("Europe/Berlin");
    e.all_day = true;
    e.start = start_of_day(parse_local_date("2027-09-20"), berlin);
    e.end = start_of_day(parse_local_date("2027-09-23"), berlin);  // last day 2027-09-22
    const auto text = write({e});
    CHECK_THAT(text, Catch::Contains("DTSTART;VALUE=DATE:20270920\r\n"));
    CHECK_THAT(text, Catch::Contains("DTEND;VALUE=DATE:20270923\r\n"));
    CHECK(text.find("BEGIN:VTIMEZONE") == std::string::npos);
    CHECK(lint_ics(text).empty());
}

TEST_CASE("one VTIMEZONE per zone used, UTC events in UTC form") {
    auto lisbon = sample_event("lisbon");
    lisbon.time_zone = "Europe/Lisbon";
    auto utc = sample_event("utc");
    utc.time_zone = "UTC";
    const auto text = write({sample_event("a"), sample_event("b"), lisbon, utc});
    CHECK(text.find("TZID:Europe/Berlin\r\n") == text.rfind("TZID:Europe/Berlin\r\n"));
    CHECK_THAT(text, Catch::Contains("TZID:Europe/Lisbon\r\n"));
    CHECK_THAT(text, Catch::Contains("DTSTART;TZID=Europe/Lisbon:20270920T090000\r\n"));
    CHECK_THAT(text, Catch::Contains("DTSTART:20270920T080000Z\r\n"));
    CHECK(text.find("X-WR-TIMEZONE") == std::string::npos);
    CHECK(lint_ics(text).empty());
}

TEST_CASE("cancelled events stay with STATUS:CANCELLED, drafts never appear") {
    auto cancelled = sample_event("cancelled");
    cancelled.status = event_status::cancelled;
    cancelled.sequence = 2;
    auto draft = sample_event("draft");
    draft.status = event_status::draft;
    const auto text = write({cancelled, draft});
    CHECK_THAT(text, Catch::Contains("STATUS:CANCELLED\r\n"));
    CHECK_THAT(text, Catch::Contains("SEQUENCE:2\r\n"));
    CHECK(text.find("draft") == std::string::npos);
}

TEST_CASE("a cancelled event's title says so where the feed asks: Outlook has no cancelled state") {
    auto cancelled = sample_event("cancelled");
    cancelled.status = event_status::cancelled;
    const auto held = sample_event("held");
    auto f = feed;
    f.cancelled_prefix = "Abgesagt: ";
    const auto text = write({cancelled, held}, f);
    CHECK_THAT(text, Catch::Contains("SUMMARY:Abgesagt: MINT:Barcamp"));
    CHECK(count_of(text, "SUMMARY:Abgesagt: ") == 1);                         // the one held keeps its title
    CHECK_THAT(write({cancelled}), Catch::Contains("SUMMARY:MINT:Barcamp"));  // no prefix asked for
}

TEST_CASE("private join links appear only in feeds for registered people") {
    auto e = sample_event("online");
    e.format = event_format::online;
    e.venue.clear();
    e.address.clear();
    e.join_url = "https://meet.example/secret-room";
    const auto pub = write({e});
    CHECK(pub.find("secret-room") == std::string::npos);
    CHECK_THAT(pub, Catch::Contains("LOCATION:Online\r\n"));
    auto personal = feed;
    personal.include_private_join_urls = true;
    const auto mine = unfolded(write({e}, personal));
    CHECK_THAT(mine,
               Catch::Contains("CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Online:https://meet.example/secret-room"));
    CHECK_THAT(mine, Catch::Contains("Online: https://meet.example/secret-room"));
}

TEST_CASE("text with special characters and long titles is escaped and folded") {
    auto e = sample_event();
    e.title = "Ä-Ö-Ü, ß; \\ 🎉 MINT & Mädchen: " + std::string(200, 'x') + " ende";
    e.description = "Zeile 1\nZeile 2, mit Komma; und Semikolon";
    const auto text = write({e});
    CHECK(lint_ics(text).empty());
    const auto flat = unfolded(text);
    CHECK_THAT(flat, Catch::Contains("SUMMARY:Ä-Ö-Ü\\, ß\\; \\\\ 🎉 MINT & Mädchen: xxx"));
    CHECK_THAT(flat, Catch::Contains("DESCRIPTION:Zeile 1\\nZeile 2\\, mit Komma\\; und Semikolon\\n\\nhttps://"));
}

namespace {
series sample_series() {
    series s;
    s.uid = "alumni@treffpunkt.test";
    s.slug = "alumni-austauschrunde";
    s.title = "Alumni-Austauschrunde";
    s.rule = "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU";
    s.first_start = parse_local_date_time("2027-01-26T17:00");
    s.duration = std::chrono::minutes{90};
    s.join_url = "https://meet.example/alumni-secret";
    s.exdates = {parse_local_date_time("2027-07-27T17:00")};
    series_override moved;
    moved.original_start = parse_local_date_time("2027-05-25T17:00");
    moved.start = resolve_local(parse_local_date_time("2027-05-27T17:00"), *find_zone("Europe/Berlin"));
    moved.end = *moved.start + std::chrono::minutes{90};
    moved.sequence = 1;
    series_override cancelled;
    cancelled.original_start = parse_local_date_time("2027-09-28T17:00");
    cancelled.status = event_status::cancelled;
    cancelled.sequence = 1;
    s.overrides = {moved, cancelled};
    s.created_at = s.updated_at = sys_seconds{std::chrono::seconds{1'790'000'000}};
    return s;
}
}  // namespace

TEST_CASE("a series is a master with RRULE and EXDATE plus RECURRENCE-ID overrides") {
    const std::vector<series> all{sample_series()};
    const auto text = write_ics(feed, {}, all);
    CHECK(lint_ics(text).empty());
    CHECK_THAT(text, Catch::Contains("DTSTART;TZID=Europe/Berlin:20270126T170000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20270126T183000\r\n"
                                     "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU\r\n"
                                     "EXDATE;TZID=Europe/Berlin:20270727T170000\r\n"));
    CHECK_THAT(text, Catch::Contains("SEQUENCE:1\r\nRECURRENCE-ID;TZID=Europe/Berlin:20270525T170000\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20270527T170000\r\n"));
    CHECK_THAT(text, Catch::Contains("RECURRENCE-ID;TZID=Europe/Berlin:20270928T170000\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20270928T170000\r\n"));
    CHECK_THAT(text, Catch::Contains("URL;VALUE=URI:https://tp.test/series/alumni-austauschrunde\r\n"));
    CHECK_THAT(text, Catch::Contains("URL;VALUE=URI:https://tp.test/events/alumni-austauschrunde-2027-05-25\r\n"));
    CHECK(count_of(text, "UID:alumni@treffpunkt.test\r\n") == 3);
    CHECK(count_of(text, "STATUS:CANCELLED") == 1);
    CHECK(count_of(text, "BEGIN:VTIMEZONE") == 1);
    CHECK(text.find("alumni-secret") == std::string::npos);
}

TEST_CASE("draft series stay out of feeds") {
    auto s = sample_series();
    s.status = event_status::draft;
    const std::vector<series> all{s};
    CHECK(write_ics(feed, {}, all).find("VEVENT") == std::string::npos);
}

TEST_CASE("a feed with a chosen alarm reminds before each event held, never before a cancelled one") {
    auto cancelled = sample_event("cancelled");
    cancelled.status = event_status::cancelled;
    const auto held = sample_event("held");
    auto f = feed;
    f.alarm = std::chrono::minutes{30};
    const auto text = write({cancelled, held}, f);
    CHECK(lint_ics(text).empty());
    CHECK(count_of(text,
                   "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT30M\r\nDESCRIPTION:MINT:Barcamp\r\n"
                   "END:VALARM\r\n") == 1);
    CHECK(write({held}).find("VALARM") == std::string::npos);  // none unless asked for
}

TEST_CASE("a series' UNTIL is written as the end of its last occurrence's local day, which every reader includes") {
    auto s = sample_series();
    s.overrides.clear();
    s.exdates.clear();
    const auto [rule, written] = GENERATE(table<std::string, std::string>({
        // 17:00 in Berlin on 30 November 2027 is 16:00 UTC: the last date, exactly (rrule.js drops it)
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU;UNTIL=20271130T160000Z",
         "FREQ=MONTHLY;INTERVAL=2;UNTIL=20271130T225959Z;BYDAY=-1TU"},
        // an UNTIL past the last date but before the next: the same end of that day
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU;UNTIL=20271215T000000Z",
         "FREQ=MONTHLY;INTERVAL=2;UNTIL=20271130T225959Z;BYDAY=-1TU"},
        // summer time: 23:59:59 in Berlin is 21:59:59 UTC
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU;UNTIL=20270727T150000Z",
         "FREQ=MONTHLY;INTERVAL=2;UNTIL=20270727T215959Z;BYDAY=-1TU"},
        {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU;COUNT=3", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU;COUNT=3"},
    }));
    CAPTURE(rule);
    s.rule = rule;
    const std::vector<series> all{s};
    const auto text = write_ics(feed, {}, all);
    CHECK(lint_ics(text).empty());
    CHECK_THAT(text, Catch::Contains("RRULE:" + written + "\r\n"));
}

TEST_CASE("a series date the clocks skip gets an explicit override, so every client shows the same instant") {
    auto s = sample_series();
    s.overrides.clear();
    s.exdates.clear();
    s.rule = "FREQ=WEEKLY;BYDAY=SU;COUNT=4";
    s.first_start = parse_local_date_time("2027-03-14T02:30");  // 28 March 2027: 02:00 jumps to 03:00 in Berlin
    const std::vector<series> all{s};
    const auto text = write_ics(feed, {}, all);
    CHECK(lint_ics(text).empty());
    CHECK_THAT(text, Catch::Contains("RECURRENCE-ID;TZID=Europe/Berlin:20270328T023000\r\n"
                                     "DTSTART;TZID=Europe/Berlin:20270328T033000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20270328T050000\r\n"));
    CHECK(count_of(text, "RECURRENCE-ID") == 1);  // only the skipped one
    CHECK(count_of(text, "UID:alumni@treffpunkt.test\r\n") == 2);

    s.exdates = {parse_local_date_time("2027-03-28T02:30")};  // a date skipped anyway needs none
    const std::vector<series> skipped{s};
    CHECK(count_of(write_ics(feed, {}, skipped), "RECURRENCE-ID") == 0);
    s.exdates.clear();
    series_override renamed;  // a date changed by hand keeps its own override
    renamed.original_start = parse_local_date_time("2027-03-28T02:30");
    renamed.title = "Sonderrunde";
    renamed.sequence = 1;
    s.overrides = {renamed};
    const std::vector<series> changed{s};
    const auto by_hand = write_ics(feed, {}, changed);
    CHECK(count_of(by_hand, "RECURRENCE-ID") == 1);
    CHECK_THAT(by_hand, Catch::Contains("SUMMARY:Sonderrunde"));
}

namespace {
// The event row of one date of sample_series(), as the store reads it.
event date_of(const series& s, const std::string& local, bool as_rule) {
    const auto original = parse_local_date_time(local);
    auto e = sample_event("alumni-austauschrunde-" + local.substr(0, 10));
    e.uid = format_local(original) + "-" + s.uid;
    e.title = s.title;
    e.time_zone = s.time_zone;
    e.start = resolve_local(original, *find_zone(s.time_zone));
    e.end = e.start + s.duration;
    e.series_slug = s.slug;
    e.original_start_local = original.time_since_epoch();
    e.series_uid = s.uid;
    e.series_written_as_rule = as_rule;
    return e;
}

itip_message invitation() {
    return {itip_method::request,
            {"IST.Bochum", "kontakt@ist-bochum.example"},
            {"Ada", "ada@example.org"},
            "https://tp.test",
            0,
            sys_seconds{std::chrono::seconds{1'790'000'000}}};
}
}  // namespace

TEST_CASE("a date of a series written as its rule is the series' UID with a RECURRENCE-ID everywhere") {
    const auto s = sample_series();
    const auto one = date_of(s, "2027-03-30T17:00", true);
    const auto identity = "UID:alumni@treffpunkt.test\r\n";
    const auto recurrence = "RECURRENCE-ID;TZID=Europe/Berlin:20270330T170000\r\n";
    const auto download = write({one});  // the single-date .ics and the personal feed
    CHECK(lint_ics(download).empty());
    CHECK(count_of(download, identity) == 1);
    CHECK(count_of(download, recurrence) == 1);
    CHECK(download.find("RRULE:FREQ=MONTHLY") == std::string::npos);  // RRULE appears only in VTIMEZONE
    const auto request = write_itip(one, invitation());
    CHECK(lint_ics(request).empty());
    CHECK(count_of(request, identity) == 1);
    CHECK(count_of(request, recurrence) == 1);
    // In a feed with the series the master brings the date: it is not written twice.
    const std::vector<series> all{s};
    const auto both = write_ics(feed, std::vector<event>{one}, all);
    CHECK(count_of(both, "BEGIN:VEVENT") == count_of(write_ics(feed, {}, all), "BEGIN:VEVENT"));
    CHECK(both.find(one.uid) == std::string::npos);
}

TEST_CASE("a series outside the subset is written as its dates, each with the UID its download and invitation use") {
    auto s = sample_series();
    s.rule = "FREQ=MONTHLY;BYDAY=2TU,4TU";  // Outlook refuses two numbered weekdays
    s.first_start = parse_local_date_time("2027-01-12T17:00");
    s.overrides.clear();
    s.exdates.clear();
    const std::vector<event> dates{date_of(s, "2027-01-12T17:00", false), date_of(s, "2027-01-26T17:00", false)};
    const std::vector<series> all{s};
    const auto text = write_ics(feed, dates, all);
    CHECK(lint_ics(text).empty());
    CHECK(text.find("RRULE:FREQ=MONTHLY") == std::string::npos);
    CHECK(text.find("RECURRENCE-ID") == std::string::npos);
    CHECK(text.find("UID:alumni@treffpunkt.test\r\n") == std::string::npos);
    CHECK(count_of(text, "BEGIN:VEVENT") == 2);
    for (const auto& d : dates) {
        CHECK(count_of(text, "UID:" + d.uid + "\r\n") == 1);
        CHECK(count_of(write({d}), "UID:" + d.uid + "\r\n") == 1);
        CHECK(count_of(write_itip(d, invitation()), "UID:" + d.uid + "\r\n") == 1);
    }
}

TEST_CASE("a moved date's RECURRENCE-ID has its zone's rules even when the move crosses a clock change") {
    const auto s = sample_series();
    auto moved = date_of(s, "2027-03-23T17:00", true);  // winter time; moved past the change on 28 March
    moved.start = resolve_local(parse_local_date_time("2027-04-06T17:00"), *find_zone(s.time_zone));
    moved.end = moved.start + s.duration;
    for (const auto& text : {write({moved}), write_itip(moved, invitation())}) {
        CHECK(lint_ics(text).empty());
        CHECK_THAT(text, Catch::Contains("TZOFFSETTO:+0100"));
        CHECK_THAT(text, Catch::Contains("TZOFFSETTO:+0200"));
    }
}
