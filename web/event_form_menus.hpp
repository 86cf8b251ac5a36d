#pragma once
// The event form's menus in words: networks by name, kinds ("Austauschrunde"), formats, statuses, and time
// zones from the IANA list with Europe/Berlin first. Sent values stay the import's ("exchange_round").
#include <string>
#include <string_view>
#include <vector>

#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/network_choice.hpp"

namespace tp::web {

// The <option>s of the menu for `field` (network, kind, format, status, time_zone), `selected` marked. A value
// the menu does not know (a network since left, an old zone name) is kept as the first option, so saving the
// form never changes it unasked.
[[nodiscard]] html menu_options(std::string_view field, const std::string& selected,
                                const std::vector<network_choice>& networks, lang l);

}  // namespace tp::web
