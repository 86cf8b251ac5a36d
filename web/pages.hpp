#pragma once
// The public pages. Each returns a whole HTML document; every value from the database is escaped.
#include <span>

#include "calendar/series.hpp"
#include "calendar/types.hpp"
#include "web/html.hpp"
#include "web/links.hpp"
#include "web/event_listing.hpp"
#include "web/listing_query.hpp"
#include "web/seat_info.hpp"

namespace tp::web {

// The home page: the filter form with its search, one month of the matching upcoming events (web/event_listing)
// with the other months and pages linked, and the matching feed to subscribe to. `seats` (by event id) lets
// lists say "ausgebucht – Warteliste" or "noch 3 Plätze".
[[nodiscard]] html event_list_page(const page_context& ctx, std::span<const calendar::network> networks,
                                   const listing_selection& selection, const listing_query& filter,
                                   const seat_map& seats = {});
// `registration` is the registration section (web/registration_form.hpp) or empty.
// With schema.org Event data (its offers from `seats`) and a share card in its head.
[[nodiscard]] html event_page(const page_context& ctx, const calendar::event& e, const calendar::network& n,
                              const html& registration = {}, const seat_info& seats = {});
[[nodiscard]] html network_list_page(const page_context& ctx, std::span<const calendar::network> networks);
[[nodiscard]] html network_page(const page_context& ctx, const calendar::network& n,
                                std::span<const calendar::event> upcoming, const seat_map& seats = {});
// A series: its rule in words, place, organiser, description, skipped and moved dates still to come, upcoming
// occurrences with their free seats, and its feed.
[[nodiscard]] html series_page(const page_context& ctx, const calendar::series& s, const calendar::network& n,
                               std::span<const calendar::event> upcoming, const seat_map& seats = {});
// 404 and 400 pages; `message` is shown as text.
[[nodiscard]] html error_page(const page_context& ctx, int status, std::string_view message);

// Shared pieces.
struct item_options {
    bool group_by_month = false;
    bool every_seat_count = false;  // "12 Plätze frei" on every item, not only when few are left
};
[[nodiscard]] html event_items(const page_context& ctx, std::span<const calendar::event> events, const seat_map& seats,
                               item_options options);
[[nodiscard]] html subscribe_box(const page_context& ctx, std::string_view feed_path_and_query, std::string_view title);

}  // namespace tp::web
