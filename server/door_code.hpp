#pragma once
// The check-in code of a registration: what its QR code carries, in an organiser URL
// /admin/events/{slug}/door/{id}/{code}. It is derived from the registration's link token (BLAKE2b keyed with a
// fixed context), so it needs no column, and whoever scans it cannot work back to the person's own link.
#include <string>
#include <string_view>

#include "calendar/registration.hpp"

namespace tp::server {

[[nodiscard]] std::string door_code(const std::string& token);
// In constant time.
[[nodiscard]] bool door_code_matches(const std::string& token, std::string_view code);
// The path an organiser's phone opens (without the site's base URL).
[[nodiscard]] std::string door_path(const calendar::registration& r);

}  // namespace tp::server
