// The event and series forms' HTML: one labelled control per field with its hint, menus in words, each problem
// next to its field in the visitor's language and listed at the top; what was typed is kept.
#include "web/event_form.hpp"
#include "web/series_form.hpp"

#include <span>

#include "web/error_summary.hpp"
#include "web/event_form_menus.hpp"
#include "web/event_form_strings.hpp"
#include "web/fill.hpp"
#include "web/form_messages.hpp"
#include "web/layout.hpp"
#include "web/question_rows.hpp"

namespace tp::web {
namespace {

struct field_spec {
    const char* name;
    const char* de;
    const char* en;
    const char* type;  // an <input> type, "textarea", "select" or "checkbox"
    const char* hint_de = nullptr;
    const char* hint_en = nullptr;
};

constexpr const char* slug_hint_de = "Nur a–z, 0–9 und -; bleibt nach dem ersten Speichern fest.";
constexpr const char* slug_hint_en = "Only a–z, 0–9 and -; fixed once saved.";
constexpr const char* reminders_hint_de = "Mit Komma getrennt, z. B. 7d, 1d, 2h (Tage, Stunden, Minuten als m).";
constexpr const char* reminders_hint_en = "Separated by commas, e.g. 7d, 1d, 2h (days, hours, minutes as m).";

constexpr field_spec specs[] = {
    {"network", "Netzwerk", "Network", "select"},
    {"slug", "Kurzname in der Adresse", "Short name in the address", "text", slug_hint_de, slug_hint_en},
    {"title", "Titel", "Title", "text"},
    {"kind", "Art", "Kind", "select"},
    {"description", "Beschreibung", "Description", "textarea"},
    {"time_zone", "Zeitzone", "Time zone", "select"},
    {"all_day", "Ganztägig", "All day", "checkbox"},
    {"start", "Beginn", "Start", "datetime-local"},
    {"end", "Ende", "End", "datetime-local"},
    {"format", "Format", "Format", "select"},
    {"venue", "Ort", "Venue", "text"},
    {"address", "Adresse", "Address", "text"},
    {"join_url", "Zugangslink", "Join link", "url", "Nur Angemeldete sehen ihn.", "Only registered people see it."},
    {"info_url", "Weitere Informationen (Link)", "More information (link)", "url"},
    {"capacity", "Plätze", "Seats", "number", "Leer lassen: unbegrenzt.", "Leave empty: no limit."},
    {"registration_opens", "Anmeldung ab", "Registration opens", "datetime-local"},
    {"registration_closes", "Anmeldung bis", "Registration closes", "datetime-local"},
    {"reminders", "Erinnerungen vor Beginn", "Reminders before the start", "text", reminders_hint_de,
     reminders_hint_en},
    {"status", "Status", "Status", "select"},
};

// A series: its first date's start and end, the rule, skipped and moved dates; the rest as for events.
constexpr field_spec series_specs[] = {
    {"network", "Netzwerk", "Network", "select"},
    {"slug", "Kurzname in der Adresse", "Short name in the address", "text", slug_hint_de, slug_hint_en},
    {"title", "Titel", "Title", "text"},
    {"kind", "Art", "Kind", "select"},
    {"description", "Beschreibung", "Description", "textarea"},
    {"time_zone", "Zeitzone", "Time zone", "select"},
    {"start", "Erster Termin: Beginn", "First date: start", "datetime-local"},
    {"end", "Erster Termin: Ende", "First date: end", "datetime-local"},
    {"rrule", "Wiederholung (RRULE)", "Repeats (RRULE)", "text",
     "Z. B. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU: jeden zweiten Monat am letzten Dienstag.",
     "E.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU: every other month on the last Tuesday."},
    {"exdates", "Ausfallende Termine", "Skipped dates", "textarea", "Je Zeile ein Termin, z. B. 2027-07-27T17:00.",
     "One per line, e.g. 2027-07-27T17:00."},
    {"overrides", "Verschobene Termine", "Moved dates", "textarea",
     "Je Zeile: alter Termin -> neuer Termin, z. B. 2027-05-25T17:00 -> 2027-05-27T17:00; oder alter Termin -> "
     "abgesagt.",
     "One per line: old date -> new date, e.g. 2027-05-25T17:00 -> 2027-05-27T17:00; or old date -> cancelled."},
    {"format", "Format", "Format", "select"},
    {"venue", "Ort", "Venue", "text"},
    {"address", "Adresse", "Address", "text"},
    {"join_url", "Zugangslink", "Join link", "url", "Nur Angemeldete sehen ihn.", "Only registered people see it."},
    {"info_url", "Weitere Informationen (Link)", "More information (link)", "url"},
    {"capacity", "Plätze je Termin", "Seats per date", "number", "Leer lassen: unbegrenzt.", "Leave empty: no limit."},
    {"reminders", "Erinnerungen vor Beginn", "Reminders before the start", "text", reminders_hint_de,
     reminders_hint_en},
    {"status", "Status", "Status", "select"},
};

std::string value_of(const form_fields& f, const std::string& key) {
    const auto it = f.find(key);
    return it == f.end() ? std::string{} : it->second;
}

bool is_draft(const form_fields& f) { return value_of(f, "status").empty() || value_of(f, "status") == "draft"; }

std::string_view label_of(const field_spec& s, lang l) { return l == lang::de ? s.de : s.en; }

html control(const field_spec& s, const std::string& value, const event_form_page_input& in, lang l,
             const std::string& described_by, bool invalid) {
    const std::string id = std::string("f-") + s.name;
    const std::string type = s.type;
    attributes a{{"id", id}, {"name", s.name}};
    if (invalid) a.push_back({"aria-invalid", "true"});
    if (!described_by.empty()) a.push_back({"aria-describedby", described_by});
    if (type == "textarea") {
        a.push_back({"rows", "5"});
        return tag("textarea", a, text(value));
    }
    if (type == "select") return tag("select", a, menu_options(s.name, value, in.networks, l));
    a.push_back({"type", type});
    if (type == "checkbox") {
        if (value == "on") a.push_back({"checked", "checked"});
        return void_tag("input", a);
    }
    a.push_back({"value", value});
    if (!in.creating && std::string_view(s.name) == "slug") a.push_back({"readonly", "readonly"});  // stays
    return void_tag("input", a);
}

html field(const page_context& ctx, const field_spec& s, const event_form_page_input& in) {
    const auto l = ctx.language;
    const std::string id = std::string("f-") + s.name;
    const auto problem = in.problems.find(s.name);
    const bool invalid = problem != in.problems.end();
    const char* hint = l == lang::de ? s.hint_de : s.hint_en;
    std::string described_by = hint ? id + "-hint" : "";
    if (invalid) described_by += (described_by.empty() ? "" : " ") + id + "-error";
    html body = tag("label", {{"for", id}}, text(label_of(s, l)));
    if (hint) body += tag("p", {{"class", "hint"}, {"id", id + "-hint"}}, text(hint));
    if (invalid) body += tag("p", {{"class", "error"}, {"id", id + "-error"}}, text(form_message(problem->second, l)));
    body += control(s, value_of(in.fields, s.name), in, l, described_by, invalid);
    return tag("div", {{"class", invalid ? "field invalid" : "field"}}, body);
}

// The problems at the top, each a link to its field; the questions' problem links to the first question.
html problems_box(const page_context& ctx, const event_form_page_input& in, std::span<const field_spec> shown) {
    const auto l = ctx.language;
    const auto& s = event_form_strings_for(l);
    std::vector<summary_item> items;
    if (const auto general = in.problems.find(""); general != in.problems.end())
        items.push_back({"", "", form_message(general->second, l)});
    for (const auto& spec : shown)
        if (const auto p = in.problems.find(spec.name); p != in.problems.end())
            items.push_back(
                {std::string("f-") + spec.name, std::string(label_of(spec, l)), form_message(p->second, l)});
    if (const auto q = in.problems.find("questions"); q != in.problems.end())
        items.push_back({"q0-label", std::string(s.questions_title), form_message(q->second, l)});
    return error_summary(s.problems_title, items);
}

// "Gespeichert." after the redirect, with where the event now stands, its public page once published and (for
// events) the way to its attendees.
html saved_note(const page_context& ctx, const form_fields& f, const std::string& public_path, bool is_event) {
    const auto& s = event_form_strings_for(ctx.language);
    const auto status = value_of(f, "status");
    html body = tag("strong", text(s.saved)) + text(" ");
    const auto public_link = link(href(ctx, public_path), text(ctx.base_url + public_path));
    if (status == "published")
        body += text(std::string(s.saved_public) + " ") + public_link;
    else if (status == "cancelled")
        body += text(std::string(s.saved_cancelled) + " ") + public_link;
    else
        body += text(s.saved_draft);
    if (is_event) body += text(" · ") + link(href(ctx, "/admin/events/" + value_of(f, "slug")), text(s.attendees));
    return tag("p", {{"class", "notice saved"}, {"role", "status"}}, body);
}

// "Als Entwurf speichern" and "Veröffentlichen" while a draft; one "Speichern" once it is public.
html buttons(const event_form_page_input& in, lang l) {
    const auto& s = event_form_strings_for(l);
    if (!is_draft(in.fields))
        return tag("p", {{"class", "buttons"}}, tag("button", {{"type", "submit"}}, text(s.save)));
    return tag("p", {{"class", "buttons"}},
               tag("button", {{"type", "submit"}, {"name", "publish"}, {"value", "no"}, {"class", "secondary"}},
                   text(s.save_draft)) +
                   tag("button", {{"type", "submit"}, {"name", "publish"}, {"value", "yes"}}, text(s.publish)));
}

// The form with these fields and the question rows, posted to `action`; `public_path` is the page it makes.
html form_page(const page_context& ctx, const event_form_page_input& in, std::span<const field_spec> fields_shown,
               const std::string& title, const std::string& action, const std::string& public_path) {
    const auto l = ctx.language;
    const auto& s = event_form_strings_for(l);
    html fields = void_tag("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", in.csrf}});
    for (const auto& spec : fields_shown)
        fields += std::string_view(spec.name) == "status" && is_draft(in.fields)
                      ? void_tag("input", {{"type", "hidden"}, {"name", "status"}, {"value", "draft"}})
                      : field(ctx, spec, in);
    const auto questions = in.problems.find("questions");
    fields += question_rows_html(ctx, in.fields, questions == in.problems.end() ? std::string{} : questions->second);
    html body = tag("h1", text(title));
    if (in.saved) body += saved_note(ctx, in.fields, public_path, public_path.starts_with("/events/"));
    if (!in.problems.empty()) body += problems_box(ctx, in, fields_shown);
    if (is_draft(in.fields)) body += tag("p", {{"class", "notice"}}, text(s.draft_note));
    if (in.registered > 0)
        body += tag("p", {{"class", "notice"}}, text(fill(s.change_mails, {{"n", std::to_string(in.registered)}})));
    body += tag("form", {{"method", "post"}, {"action", href(ctx, action)}, {"class", "event-form"}},
                fields + buttons(in, l));
    return admin_layout(ctx, {title, "", ""}, body);
}

}  // namespace

html event_form_page(const page_context& ctx, const event_form_page_input& in) {
    const auto& s = event_form_strings_for(ctx.language);
    const auto slug = value_of(in.fields, "slug");
    const std::string title(in.creating ? s.new_event : s.edit_event);
    const auto action = in.creating ? "/admin/events/new" : "/admin/events/" + slug + "/edit";
    return form_page(ctx, in, specs, title, action, "/events/" + slug);
}

html series_form_page(const page_context& ctx, const event_form_page_input& in) {
    const auto& s = event_form_strings_for(ctx.language);
    const auto slug = value_of(in.fields, "slug");
    const std::string title(in.creating ? s.new_series : s.edit_series);
    const auto action = in.creating ? "/admin/series/new" : "/admin/series/" + slug + "/edit";
    return form_page(ctx, in, series_specs, title, action, "/series/" + slug);
}

}  // namespace tp::web
