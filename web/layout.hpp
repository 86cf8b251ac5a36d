#pragma once
// The page shell every HTML page shares: head, skip link, header with navigation, main, footer.
#include <optional>

#include "web/event_structured_data.hpp"
#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

struct page_head {
    std::string title;                 // without the site name
    std::string feed_url;              // a <link rel="alternate" type="text/calendar">; empty: none
    std::string description;           // meta description; empty: none
    std::optional<share_card> card{};  // Open Graph and Twitter card fields
    std::string json_ld{};             // schema.org data (event_json_ld); empty: none
};

[[nodiscard]] html layout(const page_context& ctx, const page_head& head, const html& main_content);
// The same shell for the organisers' pages: their navigation (overview, new event, new series, public pages) in
// the header instead of the public one, the current page marked.
[[nodiscard]] html admin_layout(const page_context& ctx, const page_head& head, const html& main_content);

}  // namespace tp::web
