#pragma once
// The query of listings and feeds: ?network=SLUG&kind=K (repeatable)&lang=de|en; the home page also takes
// q=TEXT (a search, at most 100 characters), month=YYYY-MM and page=N (within the month). Unknown parameters are
// ignored (calendar clients add their own); a bad value is an error message for a 400, in the visitor's language.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <date/date.h>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

struct listing_query {
    std::optional<std::string> network;
    std::vector<calendar::event_kind> kinds;  // in the order of all_event_kinds, without repeats
    std::optional<lang> language;
    // The home page only; feeds ignore them.
    std::string search;  // trimmed
    std::optional<date::year_month> month;
    int page = 1;
};

inline constexpr std::size_t max_search_length = 100;  // characters
inline constexpr int max_page = 100000;

[[nodiscard]] std::variant<listing_query, std::string> parse_listing_query(std::string_view encoded_query,
                                                                           lang messages = lang::en);
// The language a query asks for (?lang=de|en), read on its own, so that a page saying what else is wrong with
// the query speaks it; nullopt when absent, invalid or the query is malformed.
[[nodiscard]] std::optional<lang> language_of_query(std::string_view encoded_query);
// The feed's part of the query again, canonical (network, kinds in fixed order, no lang), percent-encoded,
// without '?'.
[[nodiscard]] std::string encode_filter(const listing_query& q);
// The whole listing: the filter, then q, month and page (page only above 1), for links between pages.
[[nodiscard]] std::string encode_listing(const listing_query& q);

}  // namespace tp::web
