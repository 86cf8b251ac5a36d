#pragma once
// The public events API's document (GET /api/v1/public/events): a page of events as their public pages show them,
// for regional platforms that gather the networks' events. Nothing personal, and no join link: that stays with the
// registered. Times are RFC 3339 with the event zone's offset; registration times and `updated` in UTC.
#include <boost/json.hpp>

#include <span>
#include <string>
#include <string_view>

#include "calendar/types.hpp"
#include "web/seat_info.hpp"

namespace tp::web {

[[nodiscard]] boost::json::object public_event_json(const calendar::event& e, const seat_info* seats,
                                                    std::string_view base_url);

struct public_events_page {
    std::span<const calendar::event> shown;
    const seat_map& seats;
    int page = 1;
    int pages = 1;
    std::size_t per_page = 0;
    std::size_t total = 0;  // matching, on every page
    std::string next;       // the next page's absolute URL; empty on the last page
};

[[nodiscard]] std::string public_events_document(const public_events_page& p, std::string_view base_url);

}  // namespace tp::web
