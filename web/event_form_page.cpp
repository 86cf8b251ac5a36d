// The event form's HTML: one labelled control per field, each problem next to its field, what was typed kept.
#include "web/event_form.hpp"
#include "web/series_form.hpp"

#include <span>
#include "web/i18n.hpp"
#include "web/layout.hpp"
#include "web/question_rows.hpp"

namespace tp::web {
namespace {

struct field_spec {
    const char* name;
    const char* de;
    const char* en;
    const char* type;  // an <input> type, "textarea", "select" or "checkbox"
};

constexpr field_spec specs[] = {
    {"network", "Netzwerk", "Network", "select"},
    {"slug", "Kurzname in der Adresse (a-z, 0-9, -)", "Short name in the address (a-z, 0-9, -)", "text"},
    {"title", "Titel", "Title", "text"},
    {"kind", "Art", "Kind", "select"},
    {"description", "Beschreibung", "Description", "textarea"},
    {"time_zone", "Zeitzone", "Time zone", "text"},
    {"all_day", "Ganztägig", "All day", "checkbox"},
    {"start", "Beginn", "Start", "datetime-local"},
    {"end", "Ende", "End", "datetime-local"},
    {"format", "Format", "Format", "select"},
    {"venue", "Ort", "Venue", "text"},
    {"address", "Adresse", "Address", "text"},
    {"join_url", "Zugangslink (nur für Angemeldete)", "Join link (registered people only)", "url"},
    {"info_url", "Weitere Informationen (Link)", "More information (link)", "url"},
    {"capacity", "Plätze (leer: unbegrenzt)", "Seats (empty: no limit)", "number"},
    {"registration_opens", "Anmeldung ab", "Registration opens", "datetime-local"},
    {"registration_closes", "Anmeldung bis", "Registration closes", "datetime-local"},
    {"reminders", "Erinnerungen vor Beginn (z. B. 7d, 1d, 2h)", "Reminders before the start (e.g. 7d, 1d, 2h)", "text"},
    {"status", "Status", "Status", "select"},
};

// A series: its first date's start and end, the rule, skipped and moved dates; the rest as for events.
constexpr field_spec series_specs[] = {
    {"network", "Netzwerk", "Network", "select"},
    {"slug", "Kurzname in der Adresse (a-z, 0-9, -)", "Short name in the address (a-z, 0-9, -)", "text"},
    {"title", "Titel", "Title", "text"},
    {"kind", "Art", "Kind", "select"},
    {"description", "Beschreibung", "Description", "textarea"},
    {"time_zone", "Zeitzone", "Time zone", "text"},
    {"start", "Erster Termin: Beginn", "First date: start", "datetime-local"},
    {"end", "Erster Termin: Ende", "First date: end", "datetime-local"},
    {"rrule", "Wiederholung (RRULE, z. B. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU)",
     "Repeats (RRULE, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU)", "text"},
    {"exdates", "Ausfallende Termine (je Zeile: 2027-07-27T17:00)", "Skipped dates (one per line: 2027-07-27T17:00)",
     "textarea"},
    {"overrides", "Verschobene Termine (je Zeile: alt -> neu, oder alt -> abgesagt)",
     "Moved dates (one per line: old -> new, or old -> cancelled)", "textarea"},
    {"format", "Format", "Format", "select"},
    {"venue", "Ort", "Venue", "text"},
    {"address", "Adresse", "Address", "text"},
    {"join_url", "Zugangslink (nur für Angemeldete)", "Join link (registered people only)", "url"},
    {"info_url", "Weitere Informationen (Link)", "More information (link)", "url"},
    {"capacity", "Plätze je Termin (leer: unbegrenzt)", "Seats per date (empty: no limit)", "number"},
    {"reminders", "Erinnerungen vor Beginn (z. B. 7d, 1d, 2h)", "Reminders before the start (e.g. 7d, 1d, 2h)", "text"},
    {"status", "Status", "Status", "select"},
};

std::vector<std::string> choices_of(std::string_view field, const std::vector<std::string>& networks) {
    if (field == "network") return networks;
    if (field == "kind") return {"barcamp", "exchange_round", "webinar", "meeting"};
    if (field == "format") return {"in_person", "online", "hybrid"};
    return {"draft", "published", "cancelled"};
}

std::string value_of(const form_fields& f, const std::string& key) {
    const auto it = f.find(key);
    return it == f.end() ? std::string{} : it->second;
}

html control(const field_spec& s, const std::string& value, const std::vector<std::string>& networks, bool invalid,
             bool locked) {
    const std::string id = std::string("f-") + s.name;
    const std::string type = s.type;
    if (type == "textarea") return tag("textarea", {{"id", id}, {"name", s.name}, {"rows", "5"}}, text(value));
    if (type == "checkbox")
        return value == "on"
                   ? void_tag("input", {{"id", id}, {"name", s.name}, {"type", "checkbox"}, {"checked", "checked"}})
                   : void_tag("input", {{"id", id}, {"name", s.name}, {"type", "checkbox"}});
    if (type == "select") {
        html options;
        for (const auto& c : choices_of(s.name, networks))
            options += c == value ? tag("option", {{"value", c}, {"selected", "selected"}}, text(c))
                                  : tag("option", {{"value", c}}, text(c));
        return tag("select", {{"id", id}, {"name", s.name}}, options);
    }
    const auto id_error = id + "-error";
    if (locked)
        return void_tag("input",
                        {{"id", id}, {"name", s.name}, {"type", type}, {"value", value}, {"readonly", "readonly"}});
    if (invalid)
        return void_tag("input", {{"id", id},
                                  {"name", s.name},
                                  {"type", type},
                                  {"value", value},
                                  {"aria-invalid", "true"},
                                  {"aria-describedby", id_error}});
    return void_tag("input", {{"id", id}, {"name", s.name}, {"type", type}, {"value", value}});
}

html field(const page_context& ctx, const field_spec& s, const event_form_page_input& in) {
    const auto problem = in.problems.find(s.name);
    const bool invalid = problem != in.problems.end();
    const bool locked = !in.creating && std::string_view(s.name) == "slug";  // the address stays
    html body = tag("label", {{"for", std::string("f-") + s.name}}, text(ctx.language == lang::de ? s.de : s.en)) +
                control(s, value_of(in.fields, s.name), in.networks, invalid, locked);
    if (invalid)
        body += tag("p", {{"class", "error"}, {"id", std::string("f-") + s.name + "-error"}}, text(problem->second));
    return tag("div", {{"class", invalid ? "field invalid" : "field"}}, body);
}

html input_row(const std::string& id, std::string_view name, std::string_view label, const std::string& value) {
    return tag("div", {{"class", "field"}},
               tag("label", {{"for", id}}, text(label)) +
                   void_tag("input", {{"id", id}, {"name", name}, {"type", "text"}, {"value", value}}));
}

html question_row(const page_context& ctx, const form_fields& f, int i) {
    const bool de = ctx.language == lang::de;
    const auto name = [i](const char* part) { return "q" + std::to_string(i) + "." + part; };
    const auto id = [i](const char* part) { return "q" + std::to_string(i) + "-" + part; };
    html types;
    const std::pair<const char*, const char*> choices[] = {
        {"text", de ? "Text" : "Text"},
        {"single_choice", de ? "Eine Auswahl" : "One choice"},
        {"multiple_choice", de ? "Mehrere Auswahlen" : "Several choices"},
        {"checkbox", de ? "Ankreuzen" : "Tick box"}};
    for (const auto& [value, label] : choices)
        types += value_of(f, name("type")) == value
                     ? tag("option", {{"value", value}, {"selected", "selected"}}, text(label))
                     : tag("option", {{"value", value}}, text(label));
    html body = tag("legend", text((de ? "Frage " : "Question ") + std::to_string(i + 1)));
    if (const auto key = value_of(f, name("key")); !key.empty())
        body += void_tag("input", {{"type", "hidden"}, {"name", name("key")}, {"value", key}});
    body += input_row(id("label"), name("label"), de ? "Frage (leer: keine)" : "Question (empty: none)",
                      value_of(f, name("label")));
    body += tag("div", {{"class", "field"}},
                tag("label", {{"for", id("type")}}, text(de ? "Art der Antwort" : "Kind of answer")) +
                    tag("select", {{"id", id("type")}, {"name", name("type")}}, types));
    body +=
        input_row(id("options"), name("options"), de ? "Auswahlen, mit Komma getrennt" : "Choices, separated by commas",
                  value_of(f, name("options")));
    const auto box =
        value_of(f, name("required")) == "on"
            ? void_tag(
                  "input",
                  {{"id", id("required")}, {"name", name("required")}, {"type", "checkbox"}, {"checked", "checked"}})
            : void_tag("input", {{"id", id("required")}, {"name", name("required")}, {"type", "checkbox"}});
    body += tag("div", {{"class", "field check"}},
                box + tag("label", {{"for", id("required")}}, text(de ? " Pflichtfrage" : " Required")));
    return tag("fieldset", {{"class", "question"}}, body);
}

// The form with these fields and the question rows, posted to `action`.
html form_page(const page_context& ctx, const event_form_page_input& in, std::span<const field_spec> fields_shown,
               const std::string& title, const std::string& action) {
    const bool de = ctx.language == lang::de;
    html fields = void_tag("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", in.csrf}});
    for (const auto& s : fields_shown) fields += field(ctx, s, in);
    fields += tag("h2", text(de ? "Fragen bei der Anmeldung" : "Questions on the registration form"));
    if (const auto q = in.problems.find("questions"); q != in.problems.end())
        fields += tag("p", {{"class", "error"}, {"role", "alert"}}, text(q->second));
    for (int i = 0; i < question_rows(in.fields); ++i) fields += question_row(ctx, in.fields, i);
    html body = tag("h1", text(title));
    if (const auto general = in.problems.find(""); general != in.problems.end())
        body += tag("p", {{"class", "error"}, {"role", "alert"}}, text(general->second));
    else if (!in.problems.empty())
        body += tag("p", {{"class", "error"}, {"role", "alert"}},
                    text(de ? "Bitte prüfen Sie die markierten Angaben." : "Please check the marked fields."));
    body += tag("form", {{"method", "post"}, {"action", href(ctx, action)}, {"class", "event-form"}},
                fields + tag("button", {{"type", "submit"}}, text(de ? "Speichern" : "Save")));
    return admin_layout(ctx, {title, "", ""}, body);
}

}  // namespace

html event_form_page(const page_context& ctx, const event_form_page_input& in) {
    const bool de = ctx.language == lang::de;
    const std::string title =
        in.creating ? (de ? "Neue Veranstaltung" : "New event") : (de ? "Veranstaltung bearbeiten" : "Edit event");
    const auto action = in.creating ? "/admin/events/new" : "/admin/events/" + value_of(in.fields, "slug") + "/edit";
    return form_page(ctx, in, specs, title, action);
}

html series_form_page(const page_context& ctx, const event_form_page_input& in) {
    const bool de = ctx.language == lang::de;
    const std::string title =
        in.creating ? (de ? "Neue Reihe" : "New series") : (de ? "Reihe bearbeiten" : "Edit series");
    const auto action = in.creating ? "/admin/series/new" : "/admin/series/" + value_of(in.fields, "slug") + "/edit";
    return form_page(ctx, in, series_specs, title, action);
}

}  // namespace tp::web
