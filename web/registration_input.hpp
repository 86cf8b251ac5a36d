#pragma once
// What a person sends to register (API JSON now, the HTML form later), decoded and checked field by field.
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "web/i18n.hpp"

namespace tp::web {

struct registration_input {
    std::string name;
    std::string email;
    std::string organisation;
};

// Field name -> a sentence saying what is wrong. Whole-body problems are under "body".
using field_errors = std::map<std::string, std::string>;

enum class field_problem { required, not_text, too_long, control_characters, invalid_email, consent_missing };
[[nodiscard]] std::string describe(field_problem p, lang l);

// The checks both the API and the form apply (name and email required, lengths, no control characters, an email
// address, consent). Trims surrounding spaces in place.
[[nodiscard]] std::map<std::string, field_problem> check_registration(registration_input& in, bool consent);

// A submitted HTML form (application/x-www-form-urlencoded). Never fails: a malformed body reads as empty.
struct form_submission {
    registration_input values;
    bool consent = false;
    std::string csrf;
    bool honeypot_filled = false;  // the hidden "website" field: only robots fill it in
};
[[nodiscard]] form_submission read_registration_form(std::string_view body);

// {"name", "email", "organisation", "consent": true, "answers": {...}}: name and email required, consent must be
// true, lengths capped, no control characters, valid UTF-8 (the JSON parser rejects anything else).
[[nodiscard]] std::variant<registration_input, field_errors> parse_registration_json(std::string_view body);

}  // namespace tp::web
