#pragma once
// The public pages. Each returns a whole HTML document; every value from the database is escaped.
#include <span>

#include "calendar/series.hpp"
#include "calendar/types.hpp"
#include "web/html.hpp"
#include "web/links.hpp"
#include "web/listing_query.hpp"

namespace tp::web {

// Upcoming events grouped by month, with the filter form and the matching feed to subscribe to.
[[nodiscard]] html event_list_page(const page_context& ctx, std::span<const calendar::network> networks,
                                   std::span<const calendar::event> events, const listing_query& filter);
// `registration` is the registration section (web/registration_form.hpp) or empty.
[[nodiscard]] html event_page(const page_context& ctx, const calendar::event& e, const calendar::network& n,
                              const html& registration = {});
[[nodiscard]] html network_list_page(const page_context& ctx, std::span<const calendar::network> networks);
[[nodiscard]] html network_page(const page_context& ctx, const calendar::network& n,
                                std::span<const calendar::event> upcoming);
// A series: its rule in words, place, organiser, description, upcoming occurrences and its feed.
[[nodiscard]] html series_page(const page_context& ctx, const calendar::series& s, const calendar::network& n,
                               std::span<const calendar::event> upcoming);
// 404 and 400 pages; `message` is shown as text.
[[nodiscard]] html error_page(const page_context& ctx, int status, std::string_view message);

// Shared pieces.
[[nodiscard]] html event_items(const page_context& ctx, std::span<const calendar::event> events, bool group_by_month);
[[nodiscard]] html subscribe_box(const page_context& ctx, std::string_view feed_path_and_query);

}  // namespace tp::web
