// The organisers' JSON API (bearer token, checked by the router): list, create and change events and series; act
// on registrations. Exports are in admin_exports.cpp; the OpenAPI document is served at /api/v1/openapi.json.
#include <boost/json.hpp>
#include <date/date.h>

#include "server/admin_request.hpp"
#include "server/app.hpp"
#include "server/auth.hpp"
#include "server/write_refusal.hpp"
#include "web/api_messages.hpp"
#include "web/event_form.hpp"

namespace tp::server {
namespace {

namespace json = boost::json;
using web::api_message;
using web::api_text;

json::value utc(std::optional<calendar::sys_seconds> t) {
    return t ? json::value(date::format("%Y-%m-%dT%H:%M:%SZ", *t)) : json::value(nullptr);
}

json::object event_json(const calendar::event& e, const store::store::seat_summary& seats) {
    return {{"slug", e.slug},
            {"network", e.network_slug},
            {"title", e.title},
            {"kind", calendar::to_string(e.kind)},
            {"start", utc(e.start)},
            {"end", utc(e.end)},
            {"time_zone", e.time_zone},
            {"status", calendar::to_string(e.status)},
            {"sequence", e.sequence},
            {"capacity", e.capacity ? json::value(*e.capacity) : json::value(nullptr)},
            {"confirmed", seats.held.confirmed},
            {"pending", seats.held.pending},
            {"anyone_waiting", seats.waiting > 0}};
}

handled unprocessable(const web::field_messages& problems, web::lang l) {
    json::object fields;
    for (const auto& [k, v] : problems) fields[k.empty() ? "event" : k] = v;
    return json_response(
        http::status::unprocessable_entity,
        json::object{{"error", api_text(api_message::fields_need_attention, l)}, {"fields", std::move(fields)}},
        "api_admin");
}

// Runs a save; a refusal about the data becomes 422 naming its field. Other refusals (403 for a network not
// managed, 404) are app::handle's.
template <class Save>
std::optional<handled> save_refused(bool series, web::lang l, Save&& save) {
    try {
        save();
        return std::nullopt;
    } catch (const store::field_refusal& refused) {
        auto problem = problem_of(refused, series, l);
        return unprocessable({{problem.field, std::move(problem.text)}}, l);
    } catch (const store::import_error& ex) {
        return unprocessable({{"network", ex.what()}}, l);
    }
}

}  // namespace

handled app::api_act(const parsed& p, const std::string& id_text, const std::string& action_text) {
    const auto id = parse_id(id_text);
    const auto action = action_named(action_text);
    const auto l = p.ctx.language;
    if (!id || !action)
        return json_error(http::status::not_found, api_text(api_message::no_such_route, l), "api_admin");
    const auto done =
        store_.act_on_registration(p.event->slug, *id, *action, store::actor::organiser(*p.who, " (API)"));
    if (!done)
        return json_error(http::status::not_found, api_text(api_message::event_has_no_such_registration, l),
                          "api_admin");
    return json_response(http::status::ok,
                         json::object{{"id", done->registration.id},
                                      {"status", calendar::to_string(done->registration.status)},
                                      {"checked_in_at", utc(done->checked_in_at)}},
                         "api_admin");
}

handled app::api_list_series(const calendar::organiser& who) {
    json::array list;
    for (const auto& one : store_.series_list({.include_drafts = true}))
        if (calendar::may_manage(who, one.network_slug))
            list.push_back(json::object{{"slug", one.slug},
                                        {"network", one.network_slug},
                                        {"title", one.title},
                                        {"rrule", one.rule},
                                        {"status", calendar::to_string(one.status)},
                                        {"sequence", one.sequence}});
    return json_response(http::status::ok, json::object{{"series", std::move(list)}}, "api_admin");
}

// POST /api/v1/series creates (slug nullopt), PUT /api/v1/series/{slug} changes.
handled app::api_save_series(const request& req, const parsed& p, const std::optional<std::string>& slug) {
    const auto l = p.ctx.language;
    const bool create = !slug;
    const auto existing = slug ? store_.series_by_slug(*slug) : std::nullopt;
    if (slug && !existing)
        return json_error(http::status::not_found, api_text(api_message::no_such_series, l, *slug), "api_admin");
    if (existing && !calendar::may_manage(*p.who, existing->network_slug))
        return json_error(http::status::forbidden, api_text(api_message::may_not_manage_series, l), "api_admin");
    auto result = web::read_series_json(req.body());
    if (!result.problems.empty()) return unprocessable(result.problems, l);
    if (existing && result.series->slug != existing->slug)
        return unprocessable({{"slug", api_text(api_message::slug_fixed, l, existing->slug)}}, l);
    const auto mode = create ? store::store::save_mode::create : store::store::save_mode::change;
    const auto by = store::actor::organiser(*p.who, " (API)");
    if (auto refused = save_refused(true, l, [&] { store_.save_series(*result.series, by, mode); }))
        return std::move(*refused);
    const auto saved = store_.series_by_slug(result.series->slug).value();
    return json_response(create ? http::status::created : http::status::ok,
                         json::object{{"slug", saved.slug},
                                      {"rrule", saved.rule},
                                      {"sequence", saved.sequence},
                                      {"occurrences", store_.events({.series_slug = saved.slug}).size()}},
                         "api_admin");
}

handled app::api_list_events(const calendar::organiser& who) {
    json::array list;
    for (const auto& e : store_.events({.include_drafts = true}))
        if (calendar::may_manage(who, e.network_slug)) list.push_back(event_json(e, store_.seats_of_event(e.id)));
    return json_response(http::status::ok, json::object{{"events", std::move(list)}}, "api_admin");
}

handled app::api_save_event(const request& req, const parsed& p, const std::optional<calendar::event>& existing) {
    const auto l = p.ctx.language;
    auto result = web::read_event_json(req.body());
    if (!result.problems.empty()) return unprocessable(result.problems, l);
    auto& e = *result.event;
    if (existing && e.slug != existing->slug)
        return unprocessable({{"slug", api_text(api_message::slug_fixed, l, existing->slug)}}, l);
    const auto mode = existing ? store::store::save_mode::change : store::store::save_mode::create;
    const auto by = store::actor::organiser(*p.who, " (API)");
    if (auto refused = save_refused(false, l, [&] { store_.save_event(e, by, mode); })) return std::move(*refused);
    const auto saved = store_.event_by_slug(e.slug).value();
    return json_response(existing ? http::status::ok : http::status::created,
                         event_json(saved, store_.seats_of_event(saved.id)), "api_admin");
}

}  // namespace tp::server
