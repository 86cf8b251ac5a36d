#pragma once
// What people read when a request cannot be done as asked, in their language: what the store refused (by kind,
// as app::handle maps it once), too many requests, a request we cannot read, and our own error.
#include <string>
#include <string_view>

#include "calendar/registration.hpp"
#include "web/i18n.hpp"

namespace tp::web {

enum class failure {
    not_found,             // 404: what the request names does not exist
    conflict,              // 409: the current state does not allow it
    forbidden,             // 403: another network's rows
    invalid,               // 422: the data was not accepted
    unavailable,           // 503: the storage cannot be written; nothing was saved
    internal,              // 500: our error, logged
    malformed,             // 400: the request itself cannot be read
    needs_host,            // 400: HTTP/1.1 without a Host header
    header_too_large,      // 431
    body_too_large,        // 413
    too_many_connections,  // 503 before a request is read
};

[[nodiscard]] std::string_view failure_text(failure f, lang l);
// Before a request's headers are read its language is unknown: German, then English on a line of its own.
[[nodiscard]] std::string failure_text_both(failure f);
// A conflict about a registration's state: "A cancelled registration cannot take this step."
[[nodiscard]] std::string registration_state_conflict(calendar::registration_status state, lang l);
// 429: how long to wait; `per_link` when the limit counts a registration's link, not the address.
[[nodiscard]] std::string too_many_requests_text(unsigned seconds, bool per_link, lang l);

}  // namespace tp::web
