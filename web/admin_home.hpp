#pragma once
// The organisers' home: their networks' upcoming events with status, network, seats taken of the total and the
// waiting list; past events apart; their series; the networks' exports; for admins the invitation and the
// forgetting of a person.
#include <string>
#include <vector>

#include "calendar/accounts.hpp"
#include "calendar/types.hpp"
#include "web/account_pages.hpp"
#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

struct managed_event {
    calendar::event event;
    int confirmed = 0, pending = 0, waiting = 0;
};
struct managed_series {
    std::string slug, title;
};
// `networks`: every network by name, for the exports and an admin's invitation form.
[[nodiscard]] html admin_home_page(const page_context& ctx, const calendar::organiser& who,
                                   const std::vector<managed_event>& events, const std::vector<managed_series>& series,
                                   const std::string& csrf, const std::vector<network_choice>& networks);

}  // namespace tp::web
