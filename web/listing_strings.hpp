#pragma once
// German and English strings of the home page's search, months and pages; fill() puts in {count}, {month} etc.
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

struct listing_strings {
    std::string_view search, search_hint, months, pages, page_of, previous_page, next_page, previous_month, next_month,
        results, result_one, no_results, no_events_in_month, event_count, event_count_one;
};

[[nodiscard]] const listing_strings& listing_strings_for(lang l);

}  // namespace tp::web
