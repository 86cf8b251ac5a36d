#include "web/registration_input.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "web/query_string.hpp"
#include "web/validate.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

void trim(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
}

std::optional<field_problem> line_problem(const std::string& s, std::size_t max, bool required) {
    if (s.empty()) return required ? std::optional{field_problem::required} : std::nullopt;
    const auto issue = check_line(s, max);
    if (issue.empty()) return std::nullopt;
    return issue.find("longer") != std::string::npos ? field_problem::too_long : field_problem::control_characters;
}

// A JSON string field; a wrong type is noted and reads as empty.
std::string json_text(const json::object& o, std::string_view key, std::map<std::string, field_problem>& problems) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) return problems[std::string(key)] = field_problem::not_text, std::string{};
    return std::string(v->get_string());
}

void add_answer(calendar::answers& answers, const std::string& key, std::string value) {
    for (auto& [k, values] : answers)
        if (k == key) return values.push_back(std::move(value));
    answers.emplace_back(key, std::vector<std::string>{std::move(value)});
}

const std::vector<std::string>* given(const calendar::answers& submitted, const std::string& key) {
    for (const auto& [k, values] : submitted)
        if (k == key) return &values;
    return nullptr;
}

std::optional<field_problem> answer_problem(const calendar::question& q, const std::vector<std::string>& values) {
    using calendar::question_type;
    if (values.empty()) return q.required ? std::optional{field_problem::required} : std::nullopt;
    if (q.type == question_type::text) {
        if (values.size() != 1) return field_problem::not_text;
        const auto issue = check_text(values[0], max_answer_length);
        if (!issue.empty())
            return issue.find("longer") != std::string::npos ? field_problem::too_long
                                                             : field_problem::control_characters;
        return std::nullopt;
    }
    if (q.type == question_type::checkbox)
        return values.size() == 1 && values[0] == "yes" ? std::nullopt : std::optional{field_problem::invalid_choice};
    if (q.type == question_type::single_choice && values.size() != 1) return field_problem::invalid_choice;
    for (const auto& v : values)
        if (std::find(q.options.begin(), q.options.end(), v) == q.options.end()) return field_problem::invalid_choice;
    return std::nullopt;
}

// What is stored of a valid answer: a multiple choice keeps each option once, in the order offered.
std::vector<std::string> kept(const calendar::question& q, const std::vector<std::string>& values) {
    if (q.type != calendar::question_type::multiple_choice) return values;
    std::vector<std::string> out;
    for (const auto& option : q.options)
        if (std::find(values.begin(), values.end(), option) != values.end()) out.push_back(option);
    return out;
}

}  // namespace

answer_check check_answers(const std::vector<calendar::question>& questions, const calendar::answers& submitted) {
    answer_check out;
    for (const auto& q : questions) {
        static const std::vector<std::string> none;
        const auto* values = given(submitted, q.key);
        if (const auto p = answer_problem(q, values ? *values : none))
            out.problems[q.key] = *p;
        else if (values && !values->empty())
            out.answers.emplace_back(q.key, kept(q, *values));
    }
    return out;
}

json_answers answers_of_json(std::string_view body) {
    json_answers out;
    boost::system::error_code ec;
    const auto root = json::parse(body, ec);
    if (ec || !root.is_object()) return out;
    const auto* answers = root.as_object().if_contains("answers");
    if (!answers || !answers->is_object()) return out;
    for (const auto& kv : answers->get_object()) {
        const std::string key(kv.key());
        const auto& v = kv.value();
        std::vector<std::string> values;
        bool malformed = !(v.is_string() || v.is_bool() || v.is_null() || v.is_array());
        if (v.is_string() && !v.get_string().empty()) values.emplace_back(v.get_string());
        if (v.is_bool() && v.get_bool()) values.emplace_back("yes");
        if (v.is_array())
            for (const auto& item : v.get_array()) {
                if (item.is_string())
                    values.emplace_back(item.get_string());
                else
                    malformed = true;
            }
        if (malformed)
            out.malformed.push_back(key);
        else
            out.answers.emplace_back(key, std::move(values));
    }
    return out;
}

std::string describe(field_problem p, lang l) {
    const bool de = l == lang::de;
    switch (p) {
        case field_problem::required: return de ? "Bitte ausfüllen." : "is required";
        case field_problem::not_text: return de ? "Bitte Text eingeben." : "must be text";
        case field_problem::too_long:
            return de ? "Das ist zu lang (höchstens 200 Zeichen)." : "is too long (at most 200 characters)";
        case field_problem::control_characters:
            return de ? "Bitte nur eine Zeile ohne Steuerzeichen." : "must be one line without control characters";
        case field_problem::invalid_email:
            return de ? "Das ist keine gültige E-Mail-Adresse." : "is not an email address";
        case field_problem::invalid_choice:
            return de ? "Bitte wählen Sie eine der angebotenen Möglichkeiten." : "is not one of the offered choices";
        case field_problem::consent_missing: break;
    }
    return de ? "Ohne Ihr Einverständnis können wir Sie nicht anmelden."
              : "must be true: registering needs consent to the privacy notice";
}

std::map<std::string, field_problem> check_registration(registration_input& in, bool consent) {
    std::map<std::string, field_problem> problems;
    trim(in.name);
    trim(in.email);
    trim(in.organisation);
    if (const auto p = line_problem(in.name, max_name_length, true)) problems["name"] = *p;
    if (const auto p = line_problem(in.email, max_email_length, true))
        problems["email"] = *p;
    else if (!check_email(in.email).empty())
        problems["email"] = field_problem::invalid_email;
    if (const auto p = line_problem(in.organisation, max_name_length, false)) problems["organisation"] = *p;
    if (!consent) problems["consent"] = field_problem::consent_missing;
    return problems;
}

std::variant<registration_input, field_errors> parse_registration_json(std::string_view body, lang l) {
    const bool de = l == lang::de;
    boost::system::error_code ec;
    const auto root = json::parse(body, ec);
    if (ec) return field_errors{{"body", (de ? "ist kein gültiges JSON: " : "is not valid JSON: ") + ec.message()}};
    if (!root.is_object()) return field_errors{{"body", de ? "muss ein JSON-Objekt sein" : "must be a JSON object"}};
    const auto& o = root.as_object();
    std::map<std::string, field_problem> problems;
    registration_input in{json_text(o, "name", problems), json_text(o, "email", problems),
                          json_text(o, "organisation", problems)};
    const auto* consent = o.if_contains("consent");
    const bool agreed = consent && consent->is_bool() && consent->get_bool();
    for (auto& [field, p] : check_registration(in, agreed)) problems.try_emplace(field, p);
    field_errors errors;
    for (const auto& [field, p] : problems) errors[field] = describe(p, l);
    if (const auto* answers = o.if_contains("answers"); answers && !answers->is_object() && !answers->is_null())
        errors["answers"] = de ? "muss ein Objekt aus Frageschlüsseln und Antworten sein"
                               : "must be an object of question keys and answers";
    for (const auto& kv : o)
        if (kv.key() != "name" && kv.key() != "email" && kv.key() != "organisation" && kv.key() != "consent" &&
            kv.key() != "answers")
            errors[std::string(kv.key())] = de ? "ist kein bekanntes Feld" : "is not a known field";
    if (!errors.empty()) return errors;
    return in;
}

form_submission read_registration_form(std::string_view body) {
    form_submission f;
    const auto params = parse_query_string(body);
    if (!params) return f;
    for (const auto& [key, value] : *params) {
        if (key == "name")
            f.values.name = value;
        else if (key == "email")
            f.values.email = value;
        else if (key == "organisation")
            f.values.organisation = value;
        else if (key == "consent")
            f.consent = value == "yes";
        else if (key == "csrf")
            f.csrf = value;
        else if (key == "website")
            f.honeypot_filled = !value.empty();
        else if (key.rfind("q.", 0) == 0 && !value.empty())
            add_answer(f.answers, key.substr(2), value);
    }
    return f;
}

}  // namespace tp::web
