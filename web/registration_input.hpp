#pragma once
// What a person sends to register (API JSON now, the HTML form later), decoded and checked field by field.
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

// Limits the server checks and the form's maxlength states, so both agree (code points; e-mail: validate.hpp).
inline constexpr std::size_t max_name_length = 200;  // name and organisation
inline constexpr std::size_t max_answer_length = 1000;

struct registration_input {
    std::string name;
    std::string email;
    std::string organisation;
};

// Field name -> a sentence saying what is wrong. Whole-body problems are under "body".
using field_errors = std::map<std::string, std::string>;

enum class field_problem {
    required,
    not_text,
    too_long,
    control_characters,
    invalid_email,
    consent_missing,
    invalid_choice
};
[[nodiscard]] std::string describe(field_problem p, lang l);

// The checks both the API and the form apply (name and email required, lengths, no control characters, an email
// address, consent). Trims surrounding spaces in place.
[[nodiscard]] std::map<std::string, field_problem> check_registration(registration_input& in, bool consent);

// Answers to an event's questions, checked: required ones given, choices among the offered ones, text within
// 1,000 characters. Problems are keyed by question key; answers to unknown questions are dropped.
struct answer_check {
    calendar::answers answers;
    std::map<std::string, field_problem> problems;
};
[[nodiscard]] answer_check check_answers(const std::vector<calendar::question>& questions,
                                         const calendar::answers& submitted);
// The "answers" object of an API body: strings, lists of strings, or true/false for checkboxes. An empty string
// is no answer; keys whose value is anything else (a number, an object) are listed as malformed.
struct json_answers {
    calendar::answers answers;
    std::vector<std::string> malformed;
};
[[nodiscard]] json_answers answers_of_json(std::string_view body);

// A submitted HTML form (application/x-www-form-urlencoded). Never fails: a malformed body reads as empty.
// Answers come as q.KEY fields (repeated for multiple choice).
struct form_submission {
    registration_input values;
    calendar::answers answers;
    bool consent = false;
    std::string csrf;
    bool honeypot_filled = false;  // the hidden "website" field: only robots fill it in
};
[[nodiscard]] form_submission read_registration_form(std::string_view body);

// {"name", "email", "organisation", "consent": true, "answers": {...}}: name and email required, consent must be
// true, lengths capped, no control characters, valid UTF-8 (the JSON parser rejects anything else).
[[nodiscard]] std::variant<registration_input, field_errors> parse_registration_json(std::string_view body,
                                                                                     lang l = lang::en);

}  // namespace tp::web
