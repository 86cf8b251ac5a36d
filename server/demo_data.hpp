#pragma once
// Demo networks and events modelled on real MINT-Regionen, dated relative to `today` so lists are never empty.
// Returned in the import format, so it passes the same validation as any import.
#include <date/date.h>

#include <string>

#include "store/store.hpp"

namespace tp::server {

[[nodiscard]] std::string demo_document(date::local_days today);
// The demo barcamp's programme: rooms, time slots, sessions from the board, most of them placed without
// conflicts. Call after importing demo_document.
void add_demo_programme(store::store& s);

}  // namespace tp::server
