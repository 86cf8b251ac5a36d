// The question rows of the organisers' forms as HTML: a fieldset per row (label, kind of answer, choices one
// per line, required).
#include "web/event_form_strings.hpp"
#include "web/form_messages.hpp"
#include "web/form_values.hpp"
#include "web/question_rows.hpp"

namespace tp::web {
namespace {

html labelled(const std::string& id, std::string_view label, const html& control) {
    return tag("div", {{"class", "field"}}, tag("label", {{"for", id}}, text(label)) + control);
}

html type_menu(const event_form_strings& s, const std::string& id, const std::string& name, const std::string& chosen) {
    const std::pair<const char*, std::string_view> types[] = {{"text", s.type_text},
                                                              {"single_choice", s.type_single},
                                                              {"multiple_choice", s.type_multiple},
                                                              {"checkbox", s.type_checkbox}};
    html options;
    for (const auto& [value, words] : types)
        options += chosen == value ? tag("option", {{"value", value}, {"selected", "selected"}}, text(words))
                                   : tag("option", {{"value", value}}, text(words));
    return tag("select", {{"id", id}, {"name", name}}, options);
}

html question_row(const event_form_strings& s, const form_fields& f, int i) {
    const auto name = [i](const char* part) { return "q" + std::to_string(i) + "." + part; };
    const auto id = [i](const char* part) { return "q" + std::to_string(i) + "-" + part; };
    html body = tag("legend", text(std::string(s.question) + " " + std::to_string(i + 1)));
    if (const auto key = field_value(f, name("key")); !key.empty())
        body += void_tag("input", {{"type", "hidden"}, {"name", name("key")}, {"value", key}});
    body += labelled(id("label"), s.question_label,
                     void_tag("input", {{"id", id("label")},
                                        {"name", name("label")},
                                        {"type", "text"},
                                        {"value", field_value(f, name("label"))}}));
    body += labelled(id("type"), s.answer_kind, type_menu(s, id("type"), name("type"), field_value(f, name("type"))));
    const auto hint = id("options") + "-hint";
    body += tag("div", {{"class", "field"}},
                tag("label", {{"for", id("options")}}, text(s.choices)) +
                    tag("p", {{"class", "hint"}, {"id", hint}}, text(s.choices_hint)) +
                    tag("textarea",
                        {{"id", id("options")}, {"name", name("options")}, {"rows", "3"}, {"aria-describedby", hint}},
                        text(field_value(f, name("options")))));
    const bool required = field_value(f, name("required")) == "on";
    const std::string box_id = id("required"), box_name = name("required");
    const attribute box[] = {{"id", box_id}, {"name", box_name}, {"type", "checkbox"}, {"checked", "checked"}};
    body += tag("div", {{"class", "field check"}},
                void_tag("input", std::span<const attribute>(box, required ? 4 : 3)) +
                    tag("label", {{"for", id("required")}}, text(" " + std::string(s.required))));
    return tag("fieldset", {{"class", "question"}}, body);
}

}  // namespace

html question_rows_html(const page_context& ctx, const form_fields& f, const std::string& problem) {
    const auto& s = event_form_strings_for(ctx.language);
    html out = tag("h2", text(s.questions_title));
    if (!problem.empty())
        out += tag("p", {{"class", "error"}, {"id", "questions-error"}}, text(form_message(problem, ctx.language)));
    for (int i = 0; i < question_rows(f); ++i) out += question_row(s, f, i);
    return out;
}

}  // namespace tp::web
