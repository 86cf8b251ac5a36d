#pragma once
// The one mapping from what the store refuses to what HTTP says: each refusal kind has one status, and the
// words come from web/ in the visitor's language (a registration's state or a programme's rule by name).
#include <string>
#include <utility>

#include "server/http_types.hpp"
#include "store/refusal.hpp"
#include "web/i18n.hpp"

namespace tp::server {

// not_found 404, conflict 409, forbidden 403, invalid 422, unavailable 503.
[[nodiscard]] http::status status_of(store::refusal_kind kind);
[[nodiscard]] std::pair<http::status, std::string> refusal_answer(const store::refusal& refused, web::lang l);
// 429 with Retry-After, as plain text: per address, or per registration link (`per_link`).
[[nodiscard]] handled too_many_requests(unsigned wait, bool per_link, web::lang l);

}  // namespace tp::server
