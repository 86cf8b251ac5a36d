#pragma once
// A store refusal of an organiser's change as the field it concerns and a text in the organiser's language.
#include <string>

#include "store/store.hpp"
#include "web/write_refusals.hpp"

namespace tp::server {

struct field_problem {
    std::string field;
    std::string text;
};

// `series` tells whose slug was taken when the refusal is a taken slug.
[[nodiscard]] inline field_problem problem_of(const store::field_refusal& refused, bool series, web::lang l) {
    using kind = store::field_refusal::kind;
    const auto why = refused.why == kind::date_taken       ? web::write_refusal::date_taken
                     : refused.why == kind::network_fixed  ? web::write_refusal::network_fixed
                     : refused.why == kind::identity_fixed ? web::write_refusal::identity_fixed
                     : series                              ? web::write_refusal::series_slug_taken
                                                           : web::write_refusal::event_slug_taken;
    return {refused.field, web::refusal_text(why, refused.other, l)};
}

[[nodiscard]] inline field_problem not_your_network(web::lang l) {
    return {"network", web::refusal_text(web::write_refusal::not_your_network, "", l)};
}

}  // namespace tp::server
