#pragma once
// Why a change to a barcamp's programme was refused, in words for the pages (German or English).
#include <string>

#include "calendar/barcamp.hpp"
#include "web/i18n.hpp"

namespace tp::web {

[[nodiscard]] std::string refusal_text(calendar::programme_refusal r, lang l);

}  // namespace tp::web
