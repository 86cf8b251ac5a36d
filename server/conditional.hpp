#pragma once
// HTTP validators (RFC 9110 8.8, 13): strong ETags from bodies, HTTP-dates, and whether a request's
// If-None-Match / If-Modified-Since let us answer 304.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tp::server {

using sys_seconds = std::chrono::sys_seconds;

// "\"<32 hex digits>\"": BLAKE2b-128 of the body.
[[nodiscard]] std::string strong_etag(std::string_view body);
// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
[[nodiscard]] std::string http_date(sys_seconds t);
// IMF-fixdate, RFC 850 or asctime forms; nullopt when none fits.
[[nodiscard]] std::optional<sys_seconds> parse_http_date(std::string_view s);

// True when the client's copy is current: If-None-Match (weak comparison, "*" matches) decides when present;
// otherwise If-Modified-Since against last_modified.
[[nodiscard]] bool not_modified(std::string_view if_none_match, std::string_view if_modified_since,
                                std::string_view etag, sys_seconds last_modified);

}  // namespace tp::server
