#pragma once
// The query of listings and feeds: ?network=SLUG&kind=K (repeatable)&lang=de|en. Unknown parameters are
// ignored (calendar clients add their own); a bad value is an error message for a 400, in the visitor's language.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

struct listing_query {
    std::optional<std::string> network;
    std::vector<calendar::event_kind> kinds;  // in the order of all_event_kinds, without repeats
    std::optional<lang> language;
};

[[nodiscard]] std::variant<listing_query, std::string> parse_listing_query(std::string_view encoded_query,
                                                                           lang messages = lang::en);
// The query again, canonical (network, kinds in fixed order, no lang), percent-encoded, without '?'.
[[nodiscard]] std::string encode_filter(const listing_query& q);

}  // namespace tp::web
