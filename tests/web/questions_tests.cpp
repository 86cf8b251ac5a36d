#include <catch2/catch.hpp>

#include "web/import_document.hpp"
#include "web/registration_input.hpp"

using namespace tp;
using calendar::question_type;

namespace {

std::vector<calendar::question> questions() {
    return {{"essen", "Essen", question_type::single_choice, {"vegetarisch", "vegan", "egal"}, true},
            {"workshops", "Workshops", question_type::multiple_choice, {"Robotik", "Chemie", "Medien"}, false},
            {"foto", "Fotos erlaubt", question_type::checkbox, {}, false},
            {"hinweis", "Hinweis", question_type::text, {}, false}};
}

}  // namespace

TEST_CASE("answers are checked against the questions") {
    using answers = calendar::answers;
    const auto [given, problem_key, problem] = GENERATE(table<answers, std::string, std::optional<web::field_problem>>({
        {answers{{"essen", {"vegan"}}}, "", std::nullopt},
        {answers{
             {"essen", {"vegan"}}, {"workshops", {"Robotik", "Medien"}}, {"foto", {"yes"}}, {"hinweis", {"Rollstuhl"}}},
         "", std::nullopt},
        {answers{}, "essen", web::field_problem::required},
        {answers{{"essen", {"Fisch"}}}, "essen", web::field_problem::invalid_choice},
        {answers{{"essen", {"vegan", "egal"}}}, "essen", web::field_problem::invalid_choice},
        {answers{{"essen", {"vegan"}}, {"workshops", {"Kochen"}}}, "workshops", web::field_problem::invalid_choice},
        {answers{{"essen", {"vegan"}}, {"foto", {"ja"}}}, "foto", web::field_problem::invalid_choice},
        {answers{{"essen", {"vegan"}}, {"hinweis", {std::string(1001, 'x')}}}, "hinweis", web::field_problem::too_long},
        {answers{{"essen", {"vegan"}}, {"hinweis", {"a\x07"}}}, "hinweis", web::field_problem::control_characters},
    }));
    CAPTURE(problem_key);
    const auto check = web::check_answers(questions(), given);
    if (!problem) {
        CHECK(check.problems.empty());
        CHECK(check.answers == given);
    } else {
        REQUIRE(check.problems.count(problem_key) == 1);
        CHECK(check.problems.at(problem_key) == *problem);
    }
}

TEST_CASE("answers to unknown questions are dropped, API answers come in three forms") {
    CHECK(web::check_answers(questions(), {{"essen", {"egal"}}, {"admin", {"yes"}}}).answers ==
          calendar::answers{{"essen", {"egal"}}});
    const auto api = web::answers_of_json(
        R"({"answers": {"essen": "vegan", "workshops": ["Chemie"], "foto": true, "hinweis": "", "x": 5}})");
    CHECK(api.answers ==
          calendar::answers{{"essen", {"vegan"}}, {"workshops", {"Chemie"}}, {"foto", {"yes"}}, {"hinweis", {}}});
    CHECK(api.malformed == std::vector<std::string>{"x"});
}

TEST_CASE("a multiple choice keeps each offered option once, in the order offered") {
    using answers = calendar::answers;
    const auto [given, stored] = GENERATE(table<std::vector<std::string>, std::vector<std::string>>({
        {{"Robotik", "Robotik"}, {"Robotik"}},
        {{"Medien", "Robotik", "Medien", "Robotik"}, {"Robotik", "Medien"}},
        {{"Chemie"}, {"Chemie"}},
    }));
    const auto check = web::check_answers(questions(), answers{{"essen", {"vegan"}}, {"workshops", given}});
    REQUIRE(check.problems.empty());
    CHECK(check.answers == answers{{"essen", {"vegan"}}, {"workshops", stored}});
    const auto unknown =
        web::check_answers(questions(), answers{{"essen", {"vegan"}}, {"workshops", {"Robotik", "x"}}});
    CHECK(unknown.problems.at("workshops") == web::field_problem::invalid_choice);
}

TEST_CASE("questions import with their rules") {
    const auto doc = [](const std::string& questions) {
        return R"({"events": [{"slug": "e", "network": "n", "kind": "barcamp", "title": "T", "start": "2027-09-20T10:00",
                   "end": "2027-09-20T17:00", "time_zone": "Europe/Berlin", "questions": )" +
               questions + "}]}";
    };
    const auto ok = web::parse_import(doc(R"([{"key": "essen", "label": "Essen", "type": "single_choice",
        "options": ["vegetarisch", "vegan"], "required": true}, {"key": "foto", "label": "Fotos", "type": "checkbox"}])"));
    REQUIRE(ok.errors.empty());
    REQUIRE(ok.document.events[0].questions.size() == 2);
    CHECK(ok.document.events[0].questions[0].required);
    const auto [questions, expected] = GENERATE(table<std::string, std::string>({
        {R"([{"label": "X", "type": "text"}])", "questions[0]: key: is required"},
        {R"([{"key": "Bad Key", "label": "X", "type": "text"}])", "key: may contain only"},
        {R"([{"key": "x", "type": "text"}])", "label: is required"},
        {R"([{"key": "x", "label": "X", "type": "essay"}])", "type: 'essay' is not one of"},
        {R"([{"key": "x", "label": "X", "type": "single_choice", "options": ["a"]}])", "at least two options"},
        {R"([{"key": "x", "label": "X", "type": "single_choice", "options": ["a", "a"]}])",
         "'a' appears more than once"},
        {R"([{"key": "x", "label": "X", "type": "text", "options": ["a", "b"]}])",
         "only single_choice and multiple_choice"},
        {R"([{"key": "x", "label": "X", "type": "text"}, {"key": "x", "label": "Y", "type": "text"}])",
         "'x' appears more than once"},
        {R"([{"key": "x", "label": "X", "type": "text", "size": 3}])", "size: is not a known field"},
        {R"({"key": "x"})", "questions: must be a list"},
    }));
    CAPTURE(questions);
    std::string all;
    for (const auto& e : web::parse_import(doc(questions)).errors) all += e + "\n";
    CHECK_THAT(all, Catch::Contains(expected));
}
