#pragma once
// The time window of the public events API: ?from= and ?to=, each a day (YYYY-MM-DD, a whole day in Berlin time,
// where the networks are) or an instant (RFC 3339 with Z or an offset, such as 2027-09-20T10:00:00+02:00).
// An event is in the window when it ends after `from` and starts before `to`; without `from` the window starts
// now (running and upcoming events), without `to` it has no end. A bad value is a message for a 400, in the
// visitor's language.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "calendar/types.hpp"
#include "web/i18n.hpp"

namespace tp::web {

struct event_window {
    std::optional<calendar::sys_seconds> from;
    std::optional<calendar::sys_seconds> to;
};

[[nodiscard]] std::variant<event_window, std::string> parse_event_window(std::string_view encoded_query,
                                                                         lang messages = lang::en);
// The window again as a query (from=...&to=..., instants in UTC), canonical for cache keys and links; "" when open.
[[nodiscard]] std::string encode_window(const event_window& w);

}  // namespace tp::web
