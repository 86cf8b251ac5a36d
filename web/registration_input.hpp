#pragma once
// What a person sends to register (API JSON now, the HTML form later), decoded and checked field by field.
#include <map>
#include <string>
#include <string_view>
#include <variant>

namespace tp::web {

struct registration_input {
    std::string name;
    std::string email;
    std::string organisation;
};

// Field name -> a sentence saying what is wrong. Whole-body problems are under "body".
using field_errors = std::map<std::string, std::string>;

// {"name", "email", "organisation", "consent": true, "answers": {...}}: name and email required, consent must be
// true, lengths capped, no control characters, valid UTF-8 (the JSON parser rejects anything else).
[[nodiscard]] std::variant<registration_input, field_errors> parse_registration_json(std::string_view body);

}  // namespace tp::web
