// Creating and changing events and series in the admin pages: GET shows the form, POST checks it by the import's rules
// and saves with an audit entry; problems show next to their fields with the input kept (422).
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "web/admin_strings.hpp"
#include "web/failure_texts.hpp"
#include "server/csrf.hpp"
#include "server/write_refusal.hpp"
#include "web/event_form.hpp"
#include "web/series_form.hpp"

#include <functional>
#include "web/pages.hpp"
#include "web/registration_strings.hpp"

namespace tp::server {
namespace {

// A new event or series starts as a draft: publishing is its own step (the form's second button).
web::form_fields defaults_for(const std::vector<web::network_choice>& networks) {
    return {{"network", networks.empty() ? "" : networks.front().slug},
            {"kind", "meeting"},
            {"time_zone", "Europe/Berlin"},
            {"format", "in_person"},
            {"status", "draft"},
            {"reminders", "7d, 1d"}};
}

// The networks an organiser may put events in, by name: their own, or every one for admins.
std::vector<web::network_choice> networks_for(const calendar::organiser& who, store::store& s) {
    std::vector<web::network_choice> out;
    for (const auto& n : s.networks())
        if (who.role == calendar::role::admin || calendar::may_manage(who, n.slug)) out.push_back({n.slug, n.name});
    return out;
}

// Runs a save; a refusal of the store becomes a problem next to its field. Returns whether it was refused.
template <class Save>
bool save_refused(web::field_messages& problems, bool series, web::lang l, Save&& save) {
    try {
        save();
        return false;
    } catch (const store::field_refusal& refused) {
        auto problem = problem_of(refused, series, l);
        problems[problem.field] = std::move(problem.text);
    } catch (const store::forbidden_error&) {
        problems["network"] = not_your_network(l).text;
    } catch (const store::import_error& ex) {  // the store's words are English: the page says it in its language
        const std::string_view unknown = "unknown_network:";
        if (ex.reason().starts_with(unknown))
            problems["network"] =
                std::string(web::admin_strings_for(l).unknown_network) + ex.reason().substr(unknown.size());
        else
            problems[""] = web::failure_text(web::failure::invalid, l);
    }
    return true;
}

web::form_fields fields_from(const web::query_params& posted) {
    web::form_fields f;
    for (const auto& [k, v] : posted)
        if (k != "csrf") f[k] = v;
    return f;
}

}  // namespace

// What differs between the event and the series forms.
struct entity_form {
    bool creating = true;
    web::form_fields shown;                 // for a GET
    std::optional<std::string> fixed_slug;  // an existing one's: addresses never change
    int registered = 0;                     // people a change of time or place would mail
    std::function<web::html(const web::page_context&, const web::event_form_page_input&)> render;
    // Checks the fields (problems filled in) and saves; returns the page to go to afterwards.
    std::function<std::optional<std::string>(const web::form_fields&, web::field_messages&)> save;
};

handled app::admin_entity_form(const request& req, parsed& p, const calendar::organiser& who, const entity_form& form) {
    const auto networks = networks_for(who, store_);
    const auto csrf = csrf_for(req);
    const auto show = [&](const web::form_fields& f, const web::field_messages& problems, http::status status) {
        const bool saved = param(query_of(req), "saved") == "yes";
        const web::event_form_page_input in{f, problems, networks, csrf.value, form.creating, saved, form.registered};
        return admin_page(p, "admin", status, form.render(p.ctx, in).str(), csrf);
    };
    if (req.method() != http::verb::post) return show(form.shown, {}, http::status::ok);
    const auto posted = web::parse_query_string(req.body()).value_or(web::query_params{});
    auto fields = fields_from(posted);
    if (form.fixed_slug) fields["slug"] = *form.fixed_slug;
    auto saving = fields;  // "Veröffentlichen" publishes; shown again, the form stays a draft
    if (saving["publish"] == "yes") saving["status"] = "published";
    fields.erase("publish");
    saving.erase("publish");
    web::field_messages problems;
    const auto next = form.save(saving, problems);
    if (!next) return show(fields, problems, http::status::unprocessable_entity);
    return see_other(web::href(p.ctx, *next, "saved=yes"), "admin");
}

handled app::admin_event_form(const request& req, parsed& p, const calendar::organiser& who,
                              const std::optional<calendar::event>& existing) {
    entity_form form;
    form.creating = !existing;
    form.shown = existing ? web::fields_of(*existing) : defaults_for(networks_for(who, store_));
    if (existing) {
        form.fixed_slug = existing->slug;
        for (const auto& a : store_.attendees(existing->slug).value_or(std::vector<calendar::attendee>{}))
            form.registered += calendar::is_active(a.registration.status) ? 1 : 0;
    }
    form.render = web::event_form_page;
    form.save = [&](const web::form_fields& fields, web::field_messages& problems) -> std::optional<std::string> {
        auto result = web::read_event_form(fields);
        problems = result.problems;
        if (!problems.empty()) return std::nullopt;
        const auto mode = existing ? store::store::save_mode::change : store::store::save_mode::create;
        if (!save_refused(problems, false, p.ctx.language,
                          [&] { store_.save_event(*result.event, store::actor::organiser(who), mode); }))
            return "/admin/events/" + result.event->slug + "/edit";
        return std::nullopt;
    };
    return admin_entity_form(req, p, who, form);
}

handled app::admin_series_form(const request& req, parsed& p, const calendar::organiser& who,
                               const std::optional<calendar::series>& existing) {
    entity_form form;
    form.creating = !existing;
    if (existing) {
        form.shown = web::fields_of(*existing);
        form.fixed_slug = existing->slug;
    } else {
        form.shown = defaults_for(networks_for(who, store_));
        form.shown["kind"] = "exchange_round";
        form.shown["format"] = "online";
        form.shown["rrule"] = "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU";
    }
    form.render = web::series_form_page;
    form.save = [&](const web::form_fields& fields, web::field_messages& problems) -> std::optional<std::string> {
        auto result = web::read_series_form(fields);
        problems = result.problems;
        if (!problems.empty()) return std::nullopt;
        const auto mode = existing ? store::store::save_mode::change : store::store::save_mode::create;
        if (!save_refused(problems, true, p.ctx.language,
                          [&] { store_.save_series(*result.series, store::actor::organiser(who), mode); }))
            return "/admin/series/" + result.series->slug + "/edit";
        return std::nullopt;
    };
    return admin_entity_form(req, p, who, form);
}

}  // namespace tp::server
