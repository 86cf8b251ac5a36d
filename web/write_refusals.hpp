#pragma once
// Why an organiser's change was refused, in the organiser's language: an address another event or series holds,
// a date of a series whose address another event holds, a network a saved event or series cannot leave, a
// network the organiser does not manage. `other` names the colliding event or series, or the network kept.
#include <string>
#include <string_view>

#include "web/i18n.hpp"

namespace tp::web {

enum class write_refusal {
    event_slug_taken,
    series_slug_taken,
    date_taken,
    network_fixed,
    identity_fixed,
    not_your_network
};

[[nodiscard]] std::string refusal_text(write_refusal why, std::string_view other, lang l);

}  // namespace tp::web
