#pragma once
// After registering, the form redirects (POST-redirect-GET) to /events/{slug}/registered, so a reload sends
// nothing again. This cookie carries what that page says: what happened, the address mailed and until when the
// seat is held. It lives an hour, only on that path, HttpOnly, and holds nothing the visitor did not just type.
#include <optional>
#include <string>

#include "server/http_types.hpp"
#include "web/registration_form.hpp"

namespace tp::server {

// The path of the page after registering for the event `slug`.
[[nodiscard]] std::string registered_path(const std::string& slug);
void set_inbox_cookie(response& res, const web::inbox_note& note, const std::string& slug, bool secure);
// The note of the request's cookie; nullopt without one or for a value this server did not write.
[[nodiscard]] std::optional<web::inbox_note> inbox_note_of(const request& req);

}  // namespace tp::server
