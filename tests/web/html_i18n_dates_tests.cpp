#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "sample_event.hpp"
#include "web/dates.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"

using namespace tp;
using web::lang;

TEST_CASE("text is escaped, raw_html is not") {
    CHECK(web::text("<script>alert('x')</script> & \"q\"").str() ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK(web::raw_html("<b>").str() == "<b>");
    CHECK(web::tag("a", {{"href", "/x?a=1&b=\"2\""}}, web::text("<i>")).str() ==
          "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;i&gt;</a>");
}

TEST_CASE("Accept-Language picks the best of German and English") {
    const auto [header, expected] = GENERATE(table<std::string, lang>({
        {"", lang::de},
        {"en", lang::en},
        {"en-GB,en;q=0.9", lang::en},
        {"fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7", lang::en},
        {"fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7", lang::de},
        {"de-DE", lang::de},
        {"EN-us", lang::en},
        {"fr", lang::de},
        {"en;q=0", lang::de},
        {"en;q=garbage", lang::de},
        {"*", lang::de},
        {" en ; q=0.5 , de;q=0.4", lang::en},
    }));
    CAPTURE(header);
    CHECK(web::negotiate(header) == expected);
}

namespace {
calendar::event at(const char* start, const char* end, const char* zone = "Europe/Berlin", bool all_day = false) {
    auto e = testing::sample_event();
    e.time_zone = zone;
    e.all_day = all_day;
    const auto& z = *calendar::find_zone(zone);
    if (all_day) {
        e.start = calendar::start_of_day(calendar::parse_local_date(start), z);
        e.end = calendar::start_of_day(calendar::parse_local_date(end) + date::days{1}, z);
    } else {
        e.start = calendar::resolve_local(calendar::parse_local_date_time(start), z);
        e.end = calendar::resolve_local(calendar::parse_local_date_time(end), z);
    }
    return e;
}
}  // namespace

TEST_CASE("event times read naturally in German and English") {
    using Catch::Matchers::Equals;
    const auto e = at("2027-09-20T10:00", "2027-09-20T17:00");
    CHECK_THAT(web::format_when(e, lang::de), Equals("Montag, 20. September 2027, 10:00–17:00 Uhr"));
    CHECK_THAT(web::format_when(e, lang::en), Equals("Monday, 20 September 2027, 10:00–17:00"));
    const auto two_days = at("2027-09-20T10:00", "2027-09-21T16:00");
    CHECK_THAT(web::format_when(two_days, lang::de),
               Equals("Montag, 20. September 2027, 10:00 Uhr – Dienstag, 21. September 2027, 16:00 Uhr"));
    const auto one_day = at("2027-03-04", "2027-03-04", "Europe/Berlin", true);
    CHECK_THAT(web::format_when(one_day, lang::de), Equals("Donnerstag, 4. März 2027"));
    const auto three_days = at("2027-03-04", "2027-03-06", "Europe/Berlin", true);
    CHECK_THAT(web::format_when(three_days, lang::en), Equals("Thursday, 4 March 2027 – Saturday, 6 March 2027"));
    const auto lisbon = at("2027-07-01T09:00", "2027-07-01T10:30", "Europe/Lisbon");
    CHECK_THAT(web::format_when(lisbon, lang::de),
               Equals("Donnerstag, 1. Juli 2027, 09:00–10:30 Uhr (Zeitzone Europe/Lisbon)"));
    const auto across_dst = at("2027-10-30T20:00", "2027-10-31T09:00");
    CHECK_THAT(web::format_when(across_dst, lang::en),
               Equals("Saturday, 30 October 2027, 20:00 – Sunday, 31 October 2027, 09:00"));
}

TEST_CASE("an instant is shown in the event's zone") {
    const auto t = calendar::resolve_local(calendar::parse_local_date_time("2027-06-01T09:00"),
                                           *calendar::find_zone("Europe/Berlin"));
    CHECK(web::format_instant(t, "Europe/Berlin", lang::de) == "Dienstag, 1. Juni 2027, 09:00 Uhr");
    CHECK(web::format_instant(t, "UTC", lang::en) == "Tuesday, 1 June 2027, 07:00");
}

TEST_CASE("an instant in RFC 3339 with its zone's offset, east and west of Greenwich and on half hours") {
    struct row {
        const char* zone;
        const char* expected;
    };
    const auto r = GENERATE(values<row>({{"Europe/Berlin", "2027-09-20T12:00:00+02:00"},
                                         {"America/New_York", "2027-09-20T06:00:00-04:00"},
                                         {"Asia/Kolkata", "2027-09-20T15:30:00+05:30"},
                                         {"America/St_Johns", "2027-09-20T07:30:00-02:30"},
                                         {"Etc/UTC", "2027-09-20T10:00:00+00:00"}}));
    const tp::calendar::sys_seconds t{date::sys_days{date::year{2027} / 9 / 20} + std::chrono::hours{10}};
    const auto* zone = tp::calendar::find_zone(r.zone);
    REQUIRE(zone);
    CHECK(tp::web::iso_with_offset(t, *zone) == r.expected);
}
