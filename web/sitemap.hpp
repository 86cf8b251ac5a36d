#pragma once
// What search engines read first: robots.txt, which keeps personal (/r/, /feeds/), admin and API paths out and
// names the sitemap, and /sitemap.xml (sitemaps.org protocol 0.9) with every public page and its last change.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "calendar/types.hpp"

namespace tp::web {

struct sitemap_entry {
    std::string path;  // "/events/mint-barcamp-2027"
    std::optional<calendar::sys_seconds> lastmod;
};

// The urlset; `lastmod` as a W3C datetime in UTC. At most 50,000 entries fit one sitemap: callers keep below.
[[nodiscard]] std::string sitemap_xml(std::span<const sitemap_entry> entries, std::string_view base_url);
[[nodiscard]] std::string robots_txt(std::string_view base_url);

// Paths robots.txt keeps out, each a prefix.
// (RFC 9309; its "*" matches any characters.)
inline constexpr std::string_view robots_disallowed[] = {
    "/admin", "/r/", "/feeds/", "/api/", "/metrics", "/healthz", "/events/*/registered"};

}  // namespace tp::web
