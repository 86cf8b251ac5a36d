#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "sample_event.hpp"
#include "web/event_form.hpp"
#include "web/question_rows.hpp"

using namespace tp;

TEST_CASE("question keys come from labels") {
    const std::pair<std::string, std::string> table[] = {
        {"Essenswunsch", "essenswunsch"},
        {"Größe (T-Shirt)", "groesse-t-shirt"},
        {"Übernachtung?", "uebernachtung"},
        {"Straße & Nr.", "strasse-nr"},
        {"???", "frage"},
        {"  Zwei  Wörter  ", "zwei-woerter"},
    };
    for (const auto& [label, key] : table) {
        CAPTURE(label);
        CHECK(web::key_of_label(label) == key);
    }
}

TEST_CASE("question rows become questions, empty rows none, existing keys stay") {
    const web::form_fields f{{"q0.key", "essen"},          {"q0.label", "Essen (geändert)"},
                             {"q0.type", "single_choice"}, {"q0.options", "vegan\r\n vegetarisch, mit Ei \n\n"},
                             {"q0.required", "on"},        {"q1.label", ""},
                             {"q2.label", "Thema"},        {"q2.type", "text"}};
    const auto questions = web::questions_of(f);
    REQUIRE(questions.size() == 2);
    CHECK(questions[0].at("key").as_string() == "essen");
    CHECK(questions[0].at("options") == boost::json::array{"vegan", "vegetarisch, mit Ei"});  // commas allowed
    CHECK(questions[0].at("required").as_bool());
    CHECK(questions[1].at("key").as_string() == "thema");
    CHECK_FALSE(questions[1].as_object().contains("options"));
    CHECK(web::question_rows(f) == 3 + web::new_question_rows);
}

TEST_CASE("an event read back from its own form fields is the same event") {
    auto e = testing::sample_event();
    calendar::question food{"essen", "Essen", calendar::question_type::single_choice, {"vegan", "vegetarisch"}, true};
    e.questions = {food};
    e.reminders = {std::chrono::hours{48}};
    e.registration_opens = e.start - std::chrono::days{30};
    const auto read = web::read_event_form(web::fields_of(e));
    INFO((read.problems.empty() ? std::string{} : read.problems.begin()->first + ": " + read.problems.begin()->second));
    REQUIRE(read.event);
    CHECK(read.event->questions == e.questions);
    CHECK(read.event->start == e.start);
    CHECK(read.event->end == e.end);
    CHECK(read.event->reminders == e.reminders);
    CHECK(read.event->registration_opens == e.registration_opens);
    CHECK(read.event->capacity == e.capacity);
}

TEST_CASE("problems come back by field") {
    auto f = web::fields_of(testing::sample_event());
    f["end"] = f["start"];
    f["capacity"] = "viele";
    f["q0.label"] = "Auswahl";
    f["q0.type"] = "single_choice";
    f["q0.options"] = "nur eine";
    const auto read = web::read_event_form(f);
    CHECK_FALSE(read.event);
    CHECK(read.problems.count("end") == 1);
    CHECK(read.problems.count("capacity") == 1);
    CHECK(read.problems.count("questions") == 1);
}

TEST_CASE("a form sent back with problems shows as many question rows as it had") {
    const web::form_fields blank_new{{"q0.label", ""}, {"q1.label", ""}};
    CHECK(web::question_rows(blank_new) == web::new_question_rows);
    const web::form_fields one_filled{{"q0.label", "Essen"}, {"q1.label", ""}};
    CHECK(web::question_rows(one_filled) == 1 + web::new_question_rows);
    const web::form_fields both_filled{{"q0.label", "Essen"}, {"q1.label", "Thema"}};
    CHECK(web::question_rows(both_filled) == 2 + web::new_question_rows);  // room for more
    CHECK(web::question_rows({}) == web::new_question_rows);
}
