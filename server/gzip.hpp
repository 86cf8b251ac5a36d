#pragma once
// Compression for browsers (RFC 9110 8.4.1.3, 12.5.3): pages are kept gzipped beside their bytes, made once per
// version, and sent when the request's Accept-Encoding allows it. Calendar feeds stay identity: Outlook's
// subscriptions fail on compressed feeds.
#include <string>
#include <string_view>

namespace tp::server {

// The body as a gzip stream (zlib, level 6). Deterministic.
[[nodiscard]] std::string gzip(std::string_view body);

// Whether Accept-Encoding names gzip (or x-gzip, or *) with a weight above zero and does not refuse gzip by name.
[[nodiscard]] bool accepts_gzip(std::string_view accept_encoding);

}  // namespace tp::server
