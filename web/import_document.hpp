#pragma once
// The JSON import format (README "Import format"): networks and events with local wall times.
#include <string>
#include <string_view>
#include <vector>

#include "calendar/series.hpp"
#include "calendar/types.hpp"

namespace tp::web {

struct import_document {
    std::vector<calendar::network> networks;
    std::vector<calendar::event> events;
    std::vector<calendar::series> series;
};

// Every problem found, each naming its entry, e.g. "events[2] (mint-barcamp): start: 2027-03-28T02:30 does not
// exist in Europe/Berlin ..."; `document` is complete only when `errors` is empty.
struct import_result {
    import_document document;
    std::vector<std::string> errors;
};

[[nodiscard]] import_result parse_import(std::string_view json_text);

}  // namespace tp::web
