#include <catch2/catch.hpp>
#include <utility>

#include "calendar/zoned.hpp"
#include "web/session_form.hpp"

using namespace tp;
using web::lang;

TEST_CASE("a proposal: fields trimmed, kind among ours") {
    web::form_fields f{{"title", "  Roboter im Sachunterricht "},
                       {"host", "Anna"},
                       {"kind", "workshop"},
                       {"description", "Mit Calliope.\nFür Grundschulen."}};
    const auto r = web::check_proposal(f, lang::de);
    REQUIRE(r.value);
    CHECK(r.value->title == "Roboter im Sachunterricht");
    CHECK(r.value->kind == calendar::session_kind::workshop);
    CHECK(r.value->description == "Mit Calliope.\nFür Grundschulen.");
    CHECK(f["title"] == "Roboter im Sachunterricht");  // the form shows what will be stored
}

TEST_CASE("a proposal's bad input: a problem next to each field, in the reader's language") {
    struct row {
        const char* what;
        web::form_fields fields;
        const char* field;
        const char* problem_de;
    };
    const std::string long_title(web::max_session_title + 1, 'x');
    const std::string long_text(web::max_session_description + 1, 'x');
    const row table[] = {
        {"no title", {{"title", "  "}, {"host", "A"}, {"kind", "talk"}}, "title", "Bitte ausfüllen."},
        {"title too long", {{"title", long_title}, {"host", "A"}, {"kind", "talk"}}, "title", "Höchstens 150 Zeichen."},
        {"control character",
         {{"title", "a\x01"}, {"host", "A"}, {"kind", "talk"}},
         "title",
         "Nur Text ohne Steuerzeichen."},
        {"no host", {{"title", "T"}, {"kind", "talk"}}, "host", "Bitte ausfüllen."},
        {"unknown kind", {{"title", "T"}, {"host", "A"}, {"kind", "keynote"}}, "kind", "Bitte eine Art wählen."},
        {"no kind", {{"title", "T"}, {"host", "A"}}, "kind", "Bitte eine Art wählen."},
        {"description too long",
         {{"title", "T"}, {"host", "A"}, {"kind", "talk"}, {"description", long_text}},
         "description",
         "Höchstens 2000 Zeichen."},
        {"invalid UTF-8",
         {{"title", "T\xC3"}, {"host", "A"}, {"kind", "talk"}},
         "title",
         "Nur Text ohne Steuerzeichen."},
    };
    for (auto r : table) {
        INFO(r.what);
        const auto checked = web::check_proposal(r.fields, lang::de);
        CHECK_FALSE(checked.value);
        REQUIRE(checked.problems.count(r.field) == 1);
        CHECK(checked.problems.at(r.field) == r.problem_de);
        CHECK(checked.problems.size() == 1);
    }
    web::form_fields empty;
    CHECK(web::check_proposal(empty, lang::en).problems.at("title") == "Please fill this in.");
}

TEST_CASE("a room: a name and a whole number of seats") {
    web::form_fields good{{"name", " Aula "}, {"capacity", "80"}};
    const auto ok = web::check_room(good, lang::de);
    REQUIRE(ok.value);
    CHECK(ok.value->name == "Aula");
    CHECK(ok.value->capacity == 80);
    for (const char* capacity : {"", "0", "-3", "2.5", "80 Plätze", "10001", "99999999999"}) {
        INFO(capacity);
        web::form_fields f{{"name", "Aula"}, {"capacity", capacity}};
        const auto r = web::check_room(f, lang::en);
        CHECK_FALSE(r.value);
        CHECK(r.problems.at("capacity") == "A whole number from 1 to 10000.");
    }
    web::form_fields nameless{{"name", ""}, {"capacity", "5"}};
    CHECK(web::check_room(nameless, lang::de).problems.count("name") == 1);
}

TEST_CASE("a time slot: a day and two times in the barcamp's zone") {
    web::form_fields good{{"date", "2027-03-28"}, {"from", "01:30"}, {"to", "03:30"}};  // across the spring change
    const auto ok = web::check_slot(good, "Europe/Berlin", lang::de);
    REQUIRE(ok.value);
    CHECK(calendar::format_utc(ok.value->start) == "20270328T003000Z");
    CHECK(calendar::format_utc(ok.value->end) == "20270328T013000Z");
    struct row {
        web::form_fields fields;
        const char* field;
    };
    const row table[] = {
        {{{"date", "20.09.2027"}, {"from", "10:00"}, {"to", "11:00"}}, "date"},
        {{{"date", "2027-02-30"}, {"from", "10:00"}, {"to", "11:00"}}, "date"},
        {{{"date", ""}, {"from", "10:00"}, {"to", "11:00"}}, "date"},
        {{{"date", "2027-09-20"}, {"from", "10"}, {"to", "11:00"}}, "from"},
        {{{"date", "2027-09-20"}, {"from", "24:00"}, {"to", "11:00"}}, "from"},
        {{{"date", "2027-09-20"}, {"from", "10:00"}, {"to", "1100"}}, "to"},
        {{{"date", "2027-09-20"}, {"from", "10:00"}, {"to", "10:00"}}, "to"},
        {{{"date", "2027-09-20"}, {"from", "10:00"}, {"to", "09:15"}}, "to"},
    };
    for (auto r : table) {
        INFO(r.fields["date"] << " " << r.fields["from"] << "-" << r.fields["to"]);
        const auto checked = web::check_slot(r.fields, "Europe/Berlin", lang::de);
        CHECK_FALSE(checked.value);
        CHECK(checked.problems.count(r.field) == 1);
    }
}

TEST_CASE("a slot that ends before it starts says so, in either language") {
    for (const auto& [l, expected] :
         {std::pair{lang::de, "Das Ende liegt vor dem Beginn."}, std::pair{lang::en, "The end is before the start."}}) {
        web::form_fields f{{"date", "2027-09-20"}, {"from", "11:00"}, {"to", "10:00"}};
        CHECK(web::check_slot(f, "Europe/Berlin", l).problems.at("to") == expected);
    }
}

TEST_CASE("form bodies: the last of a repeated field wins, a malformed body is empty") {
    CHECK(web::fields_of_body("title=A&title=B+C").at("title") == "B C");
    CHECK(web::fields_of_body("%zz").empty());
}
