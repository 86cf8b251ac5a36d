#pragma once
// A series page's "Geänderte Termine": the skipped, cancelled and moved dates still to come, in date order
// ("Dienstag, 27. April 2027 entfällt.", "... ist verschoben auf Donnerstag, 29. April 2027, 17:00."). Empty
// when nothing changed.
#include "calendar/series.hpp"
#include "web/html.hpp"
#include "web/links.hpp"

namespace tp::web {

[[nodiscard]] html series_changes(const page_context& ctx, const calendar::series& s);

}  // namespace tp::web
