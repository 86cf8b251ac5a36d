// The JSON API for registrations: POST /api/v1/events/{slug}/registrations, GET /api/v1/registrations/{token},
// POST /api/v1/registrations/{token}/confirm and /cancel.
#include <boost/json.hpp>
#include <date/date.h>

#include "server/app.hpp"
#include "server/auth.hpp"
#include "web/api_messages.hpp"
#include "web/registration_input.hpp"

namespace tp::server {

namespace json = boost::json;
using web::api_message;
using web::api_text;

handled json_response(http::status status, const json::value& body, std::string_view route) {
    auto res = make_response(status, "application/json; charset=utf-8", json::serialize(body) + "\n");
    res.set(http::field::cache_control, "no-store");
    return {std::move(res), route};
}

handled json_error(http::status status, std::string message, std::string_view route) {
    return json_response(status, json::object{{"error", std::move(message)}}, route);
}

namespace {

using calendar::registration_window;

json::value position_of(const calendar::registration& r) {
    return r.position ? json::value(*r.position) : json::value(nullptr);
}

bool is_json(std::string_view content_type) {
    return content_type.substr(0, content_type.find(';')) == "application/json";
}

}  // namespace

// What whoever holds the link (or the organiser who registered the person) may read: with the link itself.
json::object app::registration_json(const calendar::registration& r) const {
    return {{"status", calendar::to_string(r.status)},
            {"position", position_of(r)},
            {"manage_url", config_.base_url + "/r/" + r.token},
            {"event", r.event_slug}};
}

namespace {

// What anybody who posts a registration learns: the state, never the link. The link that confirms an address
// reaches that address only, or the double opt-in would prove nothing.
json::object public_registration_json(const calendar::registration& r) {
    return {{"status", calendar::to_string(r.status)}, {"position", position_of(r)}, {"event", r.event_slug}};
}

}  // namespace

void app::api_register(const request& req, parsed& p, const std::string& slug, later_reply out) {
    const auto l = p.ctx.language;
    if (!is_json(req[http::field::content_type]))
        return out.reply(
            json_error(http::status::unsupported_media_type, api_text(api_message::send_json, l), "api_register"));
    const auto input = web::parse_registration_json(req.body(), l);
    const auto event = store_.event_by_slug(slug);
    const auto given = web::answers_of_json(req.body());
    const auto answers =
        web::check_answers(event ? event->questions : std::vector<calendar::question>{}, given.answers);
    json::object fields;
    if (const auto* errors = std::get_if<web::field_errors>(&input))
        for (const auto& [k, v] : *errors) fields[k] = v;
    for (const auto& [key, problem] : answers.problems) fields["answers." + key] = web::describe(problem, l);
    for (const auto& key : given.malformed) fields["answers." + key] = web::describe(web::field_problem::not_text, l);
    if (!fields.empty())
        return out.reply(
            json_response(http::status::unprocessable_entity,
                          json::object{{"error", api_text(api_message::fields_need_attention, l)}, {"fields", fields}},
                          "api_register"));
    const auto& in = std::get<web::registration_input>(input);
    std::optional<std::string> key;
    if (const auto k = req["Idempotency-Key"]; !k.empty()) key = std::string(k.substr(0, 200));
    // An organiser registering someone (phone, door) signs the request with an API token and gets the link.
    std::optional<calendar::organiser> organiser;
    if (!req[http::field::authorization].empty()) {
        organiser = bearer_user(req, store_);
        if (!organiser)
            return out.reply(
                json_error(http::status::unauthorized, api_text(api_message::token_not_valid, l), "api_register"));
    }
    store::registration_request asked{in.name, in.email,       in.organisation, std::string(web::code(p.ctx.language)),
                                      key,     answers.answers};
    if (organiser) asked.registered_by = store::actor::organiser(*organiser, " (API)");
    store_.register_person_later(slug, std::move(asked),
                                 completion<store::registration_result>(
                                     req, p, std::move(out),
                                     [this, slug, by_organiser = organiser.has_value()](
                                         const request&, parsed& q, const store::registration_result& result) {
                                         return api_registered(q, slug, by_organiser, result);
                                     }));
}

handled app::api_registered(const parsed& p, const std::string& slug, bool by_organiser,
                            const store::registration_result& result) {
    const auto l = p.ctx.language;
    switch (result.outcome) {
        case store::registration_outcome::unknown_event:
            return json_error(http::status::not_found, api_text(api_message::no_such_event, l, slug), "api_register");
        case store::registration_outcome::window_closed: {
            const auto status =
                result.window == registration_window::not_published ? http::status::not_found : http::status::conflict;
            return json_error(status, std::string(web::api_window_text(result.window, l)), "api_register");
        }
        case store::registration_outcome::repeated:
            // Whoever knows an address learns nothing about that person: the link goes to the address only.
            return json_response(http::status::ok,
                                 json::object{{"status", "already_registered"},
                                              {"position", nullptr},
                                              {"event", slug},
                                              {"message", api_text(api_message::registered_already, l)}},
                                 "api_register");
        case store::registration_outcome::key_reused:
            return json_error(http::status::unprocessable_entity, api_text(api_message::key_reused, l), "api_register");
        case store::registration_outcome::created: break;
    }
    return json_response(
        http::status::created,
        by_organiser ? registration_json(*result.registration) : public_registration_json(*result.registration),
        "api_register");
}

handled app::api_registration(const parsed& p, const std::string& token) {
    const auto r = store_.registration_by_token(token);
    if (!r)
        return json_error(http::status::not_found, api_text(api_message::no_such_registration, p.ctx.language),
                          "api_registration");
    auto body = registration_json(*r);
    body["name"] = r->name;
    if (r->expires_at && r->status == calendar::registration_status::pending)
        body["confirm_before"] = date::format("%FT%TZ", *r->expires_at);
    return json_response(http::status::ok, body, "api_registration");
}

handled app::api_change(const parsed& p, const std::string& token, bool confirm) {
    // A state that does not allow the step is a registration_conflict: 409 from app::handle.
    const auto r = confirm ? store_.confirm_registration(token) : store_.cancel_registration(token);
    if (!r)
        return json_error(http::status::not_found, api_text(api_message::no_such_registration, p.ctx.language),
                          "api_registration");
    return json_response(http::status::ok, registration_json(*r), "api_registration");
}

}  // namespace tp::server
