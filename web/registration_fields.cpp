#include "web/registration_fields.hpp"

#include <algorithm>

#include "web/registration_strings.hpp"

namespace tp::web {
namespace {

const std::string* error_of(const form_state& f, const std::string& field) {
    const auto it = f.errors.find(field);
    return it == f.errors.end() ? nullptr : &it->second;
}

const std::vector<std::string>& answered(const form_state& f, const std::string& key) {
    static const std::vector<std::string> none;
    for (const auto& [k, values] : f.answers)
        if (k == key) return values;
    return none;
}

bool chosen(const std::vector<std::string>& values, const std::string& option) {
    return std::find(values.begin(), values.end(), option) != values.end();
}

std::string question_label(const page_context& ctx, const calendar::question& q) {
    return q.required ? q.label : q.label + " " + std::string(registration_strings_for(ctx.language).optional);
}

bool is_choice(const calendar::question& q) {
    return q.type == calendar::question_type::single_choice || q.type == calendar::question_type::multiple_choice;
}

// One input per option (radio or checkbox) in a fieldset whose legend is the question.
html choice_fieldset(const page_context& ctx, const form_state& f, const calendar::question& q,
                     const std::string* error) {
    const bool single = q.type == calendar::question_type::single_choice;
    const auto& values = answered(f, q.key);
    const std::string id = "f-q-" + q.key;
    html options;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        const std::string option_id = id + "-" + std::to_string(i);
        options +=
            tag("div", raw_html("<input type=\"") + raw_html(single ? "radio" : "checkbox") + raw_html("\" id=\"") +
                           text(option_id) + raw_html("\" name=\"q.") + text(q.key) + raw_html("\" value=\"") +
                           text(q.options[i]) + raw_html(chosen(values, q.options[i]) ? "\" checked> " : "\"> ") +
                           tag("label", {{"for", option_id}}, text(q.options[i])));
    }
    html body = tag("legend", text(question_label(ctx, q)));
    if (error) body += tag("p", {{"class", "error"}, {"id", id + "-error"}}, text(*error));
    body += options;
    return error ? tag("fieldset", {{"class", "field choice invalid"}, {"id", id}, {"aria-describedby", id + "-error"}},
                       body)
                 : tag("fieldset", {{"class", "field choice"}, {"id", id}}, body);
}

}  // namespace

std::string field_id(const std::string& field) {
    std::string id = "f-" + field;
    std::replace(id.begin(), id.end(), '.', '-');
    return id;
}

html csrf_field(const std::string& token) {
    return raw_html("<input type=\"hidden\" name=\"csrf\" value=\"") + text(token) + raw_html("\">");
}

html text_field(const form_state& f, const std::string& name, std::string_view label, const std::string& value,
                const text_input& in) {
    const auto id = field_id(name);
    const auto* error = error_of(f, name);
    html input = raw_html("<input id=\"") + text(id) + raw_html("\" name=\"") + text(name) + raw_html("\" type=\"") +
                 text(in.type) + raw_html("\" autocomplete=\"") + text(in.autocomplete) + raw_html("\" maxlength=\"") +
                 text(std::to_string(in.max_length)) + raw_html("\"") + raw_html(in.required ? " required" : "") +
                 raw_html(" value=\"") + text(value) + raw_html("\"");
    if (error) input += raw_html(" aria-invalid=\"true\" aria-describedby=\"") + text(id + "-error") + raw_html("\"");
    input += raw_html(">");
    html body = tag("label", {{"for", id}}, text(label)) + input;
    if (error) body += tag("p", {{"class", "error"}, {"id", id + "-error"}}, text(*error));
    return tag("div", {{"class", error ? "field invalid" : "field"}}, body);
}

html question_field(const page_context& ctx, const form_state& f, const calendar::question& q) {
    const auto* error = error_of(f, "q." + q.key);
    const auto& values = answered(f, q.key);
    if (q.type == calendar::question_type::text)
        return text_field(f, "q." + q.key, question_label(ctx, q), values.empty() ? "" : values[0],
                          {"text", "off", max_answer_length, q.required});
    if (q.type != calendar::question_type::checkbox) return choice_fieldset(ctx, f, q, error);
    const std::string id = "f-q-" + q.key;
    html body = raw_html("<input id=\"") + text(id) + raw_html("\" name=\"q.") + text(q.key) +
                raw_html("\" type=\"checkbox\" value=\"yes\"") + raw_html(chosen(values, "yes") ? " checked>" : ">") +
                raw_html(" ") + tag("label", {{"for", id}}, text(question_label(ctx, q)));
    if (error) body += tag("p", {{"class", "error"}, {"id", id + "-error"}}, text(*error));
    return tag("div", {{"class", error ? "field check invalid" : "field check"}}, body);
}

std::vector<summary_item> question_problems(const form_state& f, const std::vector<calendar::question>& questions) {
    std::vector<summary_item> items;
    for (const auto& q : questions)
        if (const auto* error = error_of(f, "q." + q.key))
            items.push_back({field_id("q." + q.key) + (is_choice(q) ? "-0" : ""), q.label, *error});
    return items;
}

}  // namespace tp::web
