// Creating and changing events in the admin pages: GET shows the form, POST checks it by the import's rules and
// saves with an audit entry; problems show next to their fields with the input kept (422).
#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/csrf.hpp"
#include "web/event_form.hpp"
#include "web/pages.hpp"
#include "web/registration_strings.hpp"

namespace tp::server {
namespace {

web::form_fields defaults_for(const std::vector<std::string>& networks) {
    return {{"network", networks.empty() ? "" : networks.front()},
            {"kind", "meeting"},
            {"time_zone", "Europe/Berlin"},
            {"format", "in_person"},
            {"status", "published"},
            {"reminders", "7d, 1d"}};
}

// The networks an organiser may put events in: their own, or every one for admins.
std::vector<std::string> networks_for(const calendar::organiser& who, store::store& s) {
    if (who.role != calendar::role::admin) return who.networks;
    std::vector<std::string> all;
    for (const auto& n : s.networks()) all.push_back(n.slug);
    return all;
}

web::form_fields fields_from(const web::query_params& posted) {
    web::form_fields f;
    for (const auto& [k, v] : posted)
        if (k != "csrf") f[k] = v;
    return f;
}

}  // namespace

handled app::admin_event_form(const request& req, parsed& p, const calendar::organiser& who,
                              const std::optional<calendar::event>& existing) {
    const auto networks = networks_for(who, store_);
    bool fresh = false;
    const auto csrf = csrf_for(req, fresh);
    const auto show = [&](const web::form_fields& f, const web::field_messages& problems, http::status status) {
        const web::event_form_page_input in{f, problems, networks, csrf, !existing};
        return admin_page(p, "admin", status, web::event_form_page(p.ctx, in).str(), fresh, csrf);
    };
    const bool get = req.method() == http::verb::get || req.method() == http::verb::head;
    if (get) return show(existing ? web::fields_of(*existing) : defaults_for(networks), {}, http::status::ok);
    if (req.method() != http::verb::post) return {method_not_allowed("GET, HEAD, POST"), "method_not_allowed"};
    const auto posted = web::parse_query_string(req.body()).value_or(web::query_params{});
    if (!csrf_matches(req, param(posted, "csrf")))
        return bad_request(p, web::registration_strings_for(p.ctx.language).csrf_error);
    auto fields = fields_from(posted);
    if (existing) fields["slug"] = existing->slug;  // the address of an event never changes
    auto result = web::read_event_form(fields);
    if (result.event && !calendar::may_manage(who, result.event->network_slug))
        result.problems["network"] = p.ctx.language == web::lang::de ? "Dieses Netzwerk verwalten Sie nicht."
                                                                     : "You do not manage this network.";
    if (result.event && !existing && store_.event_by_slug(result.event->slug))
        result.problems["slug"] = p.ctx.language == web::lang::de ? "Diesen Kurznamen hat schon eine Veranstaltung."
                                                                  : "Another event has this short name.";
    if (!result.problems.empty()) return show(fields, result.problems, http::status::unprocessable_entity);
    try {
        (void)store_.save_event(*result.event, who.email);
    } catch (const store::import_error& ex) {
        return show(fields, {{"", ex.what()}}, http::status::unprocessable_entity);
    }
    return see_other(web::href(p.ctx, "/admin/events/" + result.event->slug), "admin");
}

}  // namespace tp::server
