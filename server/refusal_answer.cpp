#include "server/refusal_answer.hpp"

#include "store/programme_store.hpp"
#include "store/registration_store.hpp"
#include "web/failure_texts.hpp"
#include "web/programme_refusals.hpp"

namespace tp::server {

http::status status_of(store::refusal_kind kind) {
    switch (kind) {
        case store::refusal_kind::not_found: return http::status::not_found;
        case store::refusal_kind::conflict: return http::status::conflict;
        case store::refusal_kind::forbidden: return http::status::forbidden;
        case store::refusal_kind::invalid: return http::status::unprocessable_entity;
        case store::refusal_kind::unavailable: return http::status::service_unavailable;
    }
    return http::status::internal_server_error;
}

namespace {

web::failure failure_of(store::refusal_kind kind) {
    switch (kind) {
        case store::refusal_kind::not_found: return web::failure::not_found;
        case store::refusal_kind::conflict: return web::failure::conflict;
        case store::refusal_kind::forbidden: return web::failure::forbidden;
        case store::refusal_kind::invalid: return web::failure::invalid;
        case store::refusal_kind::unavailable: return web::failure::unavailable;
    }
    return web::failure::internal;
}

}  // namespace

std::pair<http::status, std::string> refusal_answer(const store::refusal& refused, web::lang l) {
    const auto status = status_of(refused.kind());
    if (const auto* state = dynamic_cast<const store::registration_conflict*>(&refused))
        return {status, web::registration_state_conflict(state->state, l)};
    if (const auto* rule = dynamic_cast<const store::programme_error*>(&refused))
        return {status, web::refusal_text(rule->why, l)};
    return {status, std::string(web::failure_text(failure_of(refused.kind()), l))};
}

handled too_many_requests(unsigned wait, bool per_link, web::lang l) {
    auto res = text_response(http::status::too_many_requests, web::too_many_requests_text(wait, per_link, l));
    res.set(http::field::retry_after, std::to_string(wait));
    res.set(http::field::content_language, web::code(l));
    return {std::move(res), "rejected"};
}

}  // namespace tp::server
