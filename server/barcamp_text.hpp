#pragma once
// Why the store refused a programme change, in words for the pages (German or English).
#include <string>

#include "store/store.hpp"
#include "web/i18n.hpp"

namespace tp::server {

[[nodiscard]] std::string refusal_text(store::programme_refusal r, web::lang l);

}  // namespace tp::server
