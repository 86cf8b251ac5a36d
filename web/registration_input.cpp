#include "web/registration_input.hpp"

#include <boost/json.hpp>

#include "web/validate.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

constexpr std::size_t max_name = 200;

std::string text_field(const json::object& o, std::string_view key, bool required, std::size_t max,
                       field_errors& errors) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) {
        if (required) errors[std::string(key)] = "is required";
        return {};
    }
    if (!v->is_string()) return errors[std::string(key)] = "must be text", std::string{};
    std::string s(v->get_string());
    // Leading and trailing spaces are a typing accident, not part of a name or an address.
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    if (const auto issue = check_line(s, max); !issue.empty()) errors[std::string(key)] = issue;
    return s;
}

}  // namespace

std::variant<registration_input, field_errors> parse_registration_json(std::string_view body) {
    boost::system::error_code ec;
    const auto root = json::parse(body, ec);
    if (ec) return field_errors{{"body", "is not valid JSON: " + ec.message()}};
    if (!root.is_object()) return field_errors{{"body", "must be a JSON object"}};
    const auto& o = root.as_object();
    field_errors errors;
    registration_input in;
    in.name = text_field(o, "name", true, max_name, errors);
    in.email = text_field(o, "email", true, max_email_length, errors);
    if (!in.email.empty() && !errors.count("email"))
        if (const auto issue = check_email(in.email); !issue.empty()) errors["email"] = issue;
    in.organisation = text_field(o, "organisation", false, max_name, errors);
    const auto* consent = o.if_contains("consent");
    if (!consent || !consent->is_bool() || !consent->get_bool())
        errors["consent"] = "must be true: registering needs consent to the privacy notice";
    if (const auto* answers = o.if_contains("answers"); answers && !answers->is_object() && !answers->is_null())
        errors["answers"] = "must be an object of question keys and answers";
    for (const auto& kv : o)
        if (kv.key() != "name" && kv.key() != "email" && kv.key() != "organisation" && kv.key() != "consent" &&
            kv.key() != "answers")
            errors[std::string(kv.key())] = "is not a known field";
    if (!errors.empty()) return errors;
    return in;
}

}  // namespace tp::web
