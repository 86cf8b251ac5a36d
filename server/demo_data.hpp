#pragma once
// Demo networks and events modelled on real MINT-Regionen, dated relative to `today` so lists are never empty.
// Returned in the import format, so it passes the same validation as any import.
#include <date/date.h>

#include <string>

namespace tp::server {

[[nodiscard]] std::string demo_document(date::local_days today);

}  // namespace tp::server
