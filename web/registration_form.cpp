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
    for (auto& item : question_problems(f, e.questions)) items.push_back(std::move(item));
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
    html fields = csrf_field(f.csrf);
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
