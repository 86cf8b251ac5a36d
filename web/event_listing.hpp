#pragma once
// The home page's share of the upcoming events, for a national platform with thousands: those matching the text
// search (every word somewhere in the title, the network's name, the venue or the address; case, accents and
// script do not matter), then one month (the one asked for, else the first with events), then one page within it.
#include <date/date.h>

#include <optional>
#include <span>
#include <vector>

#include "calendar/types.hpp"
#include "web/listing_query.hpp"
#include "web/search_memo.hpp"

namespace tp::web {

inline constexpr std::size_t events_per_page = 100;

struct month_count {
    date::year_month month;
    std::size_t events = 0;
};

struct listing_selection {
    std::vector<calendar::event> shown;
    std::vector<month_count> months;        // every month with matching events, in order
    std::optional<date::year_month> month;  // shown; nullopt when nothing matches and none was asked for
    int page = 1;                           // within the month; a page past the last is the last
    int pages = 1;
    std::size_t matching = 0;  // in every month
};

// One page of the events matching a search, without months (the public events API).
struct page_selection {
    std::vector<calendar::event> shown;
    int pages = 1;             // at least one, also when nothing matches
    std::size_t matching = 0;  // on every page
};

// `events` in start order, as the store lists them.
[[nodiscard]] listing_selection select_listing(std::span<const calendar::event> events, const listing_query& q,
                                               search_memo& memo, std::size_t per_page = events_per_page);
// A page past the last shows nothing.
[[nodiscard]] page_selection select_page(std::span<const calendar::event> events, std::string_view search, int page,
                                         search_memo& memo, std::size_t per_page);

}  // namespace tp::web
