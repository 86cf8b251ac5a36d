#include "web/registration_form.hpp"

#include <algorithm>

#include "web/dates.hpp"
#include "web/error_summary.hpp"
#include "web/layout.hpp"
#include "web/registration_strings.hpp"
#include "web/validate.hpp"

namespace tp::web {
namespace {

const std::string* error_of(const form_state& f, const std::string& field) {
    const auto it = f.errors.find(field);
    return it == f.errors.end() ? nullptr : &it->second;
}

// A labelled text input with its error, if any, next to it (aria-describedby).
struct text_input {
    std::string_view type, autocomplete;
    std::size_t max_length;  // as the server checks it
    bool required;
};

std::string id_of(const std::string& field) {
    std::string id = "f-" + field;
    std::replace(id.begin(), id.end(), '.', '-');
    return id;
}

html text_field(const form_state& f, const std::string& name, std::string_view label, const std::string& value,
                const text_input& in) {
    const auto id = id_of(name);
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

html consent_field(const page_context& ctx, const form_state& f) {
    const auto& s = registration_strings_for(ctx.language);
    const auto* error = error_of(f, "consent");
    html box = raw_html("<input id=\"f-consent\" name=\"consent\" type=\"checkbox\" value=\"yes\" required") +
               raw_html(f.consent ? " checked" : "") +
               raw_html(error ? " aria-invalid=\"true\" aria-describedby=\"f-consent-error\">" : ">");
    html label =
        tag("label", {{"for", "f-consent"}},
            text(s.consent_before) + link(href(ctx, "/datenschutz"), text(s.consent_link)) + text(s.consent_after));
    html body = box + raw_html(" ") + label;
    if (error) body += tag("p", {{"class", "error"}, {"id", "f-consent-error"}}, text(*error));
    return tag("div", {{"class", error ? "field check invalid" : "field check"}}, body);
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

html closed_reason(const page_context& ctx, const calendar::event& e, calendar::registration_window w) {
    const auto& s = registration_strings_for(ctx.language);
    switch (w) {
        case calendar::registration_window::not_yet_open:
            return text(std::string(s.not_yet_open) + " " +
                        format_instant(e.registration_opens.value_or(e.start), e.time_zone, ctx.language) + ".");
        case calendar::registration_window::closed: return text(s.closed);
        case calendar::registration_window::event_cancelled: return text(s.cancelled);
        default: return text(s.past);
    }
}

// The problems at the top, in the form's order, each a link to its field (a choice: its first option).
html problems_box(const page_context& ctx, const calendar::event& e, const form_state& f) {
    const auto& s = registration_strings_for(ctx.language);
    if (f.errors.count("csrf")) return error_summary(s.csrf_error, {});
    std::vector<summary_item> items;
    const auto add = [&](const std::string& field, std::string_view label, const std::string& target) {
        if (const auto* error = error_of(f, field)) items.push_back({target, std::string(label), *error});
    };
    add("name", s.name, "f-name");
    add("email", s.email, "f-email");
    add("organisation", s.organisation, "f-organisation");
    for (const auto& q : e.questions) {
        const bool choice =
            q.type == calendar::question_type::single_choice || q.type == calendar::question_type::multiple_choice;
        add("q." + q.key, q.label, id_of("q." + q.key) + (choice ? "-0" : ""));
    }
    add("consent", s.privacy_title, "f-consent");
    return error_summary(s.field_error_intro, items);
}

}  // namespace

html registration_section(const page_context& ctx, const calendar::event& e, calendar::registration_window window,
                          const seat_info& seats, const form_state& f) {
    const auto& s = registration_strings_for(ctx.language);
    html body = tag("h2", {{"id", "register"}}, text(s.heading));
    if (window != calendar::registration_window::open)
        return tag("section", {{"aria-labelledby", "register"}},
                   body + tag("p", {{"class", "notice"}}, closed_reason(ctx, e, window)));
    if (seats.waitlist)
        body += tag("p", {{"class", "notice"}}, text(s.full_waitlist));
    else if (seats.left)
        body += tag("p", text(std::string(s.seats_left) + ": " + std::to_string(*seats.left)));
    if (!f.errors.empty()) body += problems_box(ctx, e, f);
    html fields = raw_html("<input type=\"hidden\" name=\"csrf\" value=\"") + text(f.csrf) + raw_html("\">");
    fields += text_field(f, "name", s.name, f.values.name, {"text", "name", max_name_length, true});
    fields += text_field(f, "email", s.email, f.values.email, {"email", "email", max_email_length, true});
    fields += text_field(f, "organisation", std::string(s.organisation) + " " + std::string(s.optional),
                         f.values.organisation, {"text", "organization", max_name_length, false});
    for (const auto& q : e.questions) fields += question_field(ctx, f, q);
    fields += consent_field(ctx, f);
    fields += tag(
        "div", {{"class", "hp"}, {"aria-hidden", "true"}},
        tag("label", {{"for", "f-website"}}, text(s.honeypot_label)) +
            raw_html("<input id=\"f-website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\">"));
    fields += tag("button", {{"type", "submit"}}, text(seats.waitlist ? s.submit_waitlist : s.submit));
    body += tag("form", {{"method", "post"}, {"action", href(ctx, "/events/" + e.slug + "/register")}}, fields);
    return tag("section", {{"aria-labelledby", "register"}, {"class", "register"}}, body);
}

}  // namespace tp::web
