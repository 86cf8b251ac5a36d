#include <catch2/catch.hpp>

#include "calendar/zoned.hpp"
#include "web/rrule_text.hpp"

using namespace tp;

TEST_CASE("rules read as sentences in German and English") {
    const auto [rule, start, minutes, de, en] =
        GENERATE(table<std::string, std::string, int, std::string, std::string>({
            {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU", "2027-01-26T17:00", 90,
             "alle 2 Monate am letzten Dienstag, 17:00–18:30 Uhr", "every 2 months on the last Tuesday, 17:00–18:30"},
            {"FREQ=MONTHLY;BYDAY=1WE", "2027-01-06T16:00", 60, "monatlich am ersten Mittwoch, 16:00–17:00 Uhr",
             "monthly on the first Wednesday, 16:00–17:00"},
            {"FREQ=MONTHLY;BYDAY=2TU,4TU", "2027-01-12T19:00", 60,
             "monatlich am zweiten Dienstag und vierten Dienstag, 19:00–20:00 Uhr",
             "monthly on the second Tuesday and fourth Tuesday, 19:00–20:00"},
            {"FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", "2027-03-01T18:00", 60,
             "wöchentlich am Montag und Mittwoch, 18:00–19:00 Uhr, 10 Termine",
             "weekly on Monday and Wednesday, 18:00–19:00, 10 times"},
            {"FREQ=WEEKLY;INTERVAL=2", "2027-03-03T09:30", 30, "alle 2 Wochen am Mittwoch, 09:30–10:00 Uhr",
             "every 2 weeks on Wednesday, 09:30–10:00"},
            {"FREQ=MONTHLY;BYMONTHDAY=-1", "2027-01-31T10:00", 60, "monatlich am letzten Tag, 10:00–11:00 Uhr",
             "monthly on the last day, 10:00–11:00"},
            {"FREQ=MONTHLY", "2027-01-15T10:00", 60, "monatlich am 15., 10:00–11:00 Uhr",
             "monthly on the 15th, 10:00–11:00"},
            {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2027-01-29T15:00", 60,
             "monatlich am letzten Werktag, 15:00–16:00 Uhr", "monthly on the last working day, 15:00–16:00"},
            {"FREQ=YEARLY;BYMONTH=9;BYDAY=3SA", "2027-09-18T10:00", 420,
             "jährlich am dritten Samstag im September, 10:00–17:00 Uhr",
             "yearly on the third Saturday in September, 10:00–17:00"},
            {"FREQ=YEARLY", "2027-09-18T10:00", 60, "jährlich am 18. September, 10:00–11:00 Uhr",
             "yearly on 18 September, 10:00–11:00"},
            {"FREQ=DAILY;UNTIL=20271231T225959Z", "2027-12-01T08:00", 30,
             "täglich, 08:00–08:30 Uhr, bis 31. Dezember 2027", "daily, 08:00–08:30, until 31 December 2027"},
        }));
    CAPTURE(rule);
    const auto r = calendar::parse_rrule(rule);
    const auto first = calendar::parse_local_date_time(start);
    const std::chrono::seconds length{minutes * 60};
    CHECK(web::describe_rule(r, first, length, false, web::lang::de) == de);
    CHECK(web::describe_rule(r, first, length, false, web::lang::en) == en);
}

TEST_CASE("all-day series have no times") {
    const auto r = calendar::parse_rrule("FREQ=YEARLY");
    CHECK(web::describe_rule(r, calendar::parse_local_date_time("2027-05-14T00:00"), std::chrono::hours{24}, true,
                             web::lang::de) == "jährlich am 14. Mai");
}
