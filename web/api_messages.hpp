#pragma once
// The JSON API's own messages, in the client's language (Accept-Language, German when it names neither).
// Clients should act on the status and the "reason" or "status" fields; these words are for the people who
// read the answers.
#include <string>
#include <string_view>

#include "calendar/registration.hpp"
#include "web/i18n.hpp"

namespace tp::web {

enum class api_message {
    send_json,              // 415: a registration is application/json
    fields_need_attention,  // 422 with "fields"
    token_not_valid,        // 401: a token was sent, but is not valid
    send_token,             // 401: no token
    no_such_route,
    no_such_event,  // `name`: the slug
    no_such_series,
    no_such_registration,  // the link
    event_has_no_such_registration,
    may_not_manage_event,  // 403: the token's organiser does not manage the network
    may_not_manage_series,
    registered_already,  // 200: the link was sent again
    key_reused,          // 422: an Idempotency-Key with another request
    slug_fixed,          // 422: a change names another slug than the address it changes (`name`)
};

[[nodiscard]] std::string api_text(api_message m, lang l, std::string_view name = {});
// Why registration is not possible now (the window is not open).
[[nodiscard]] std::string_view api_window_text(calendar::registration_window w, lang l);

}  // namespace tp::web
