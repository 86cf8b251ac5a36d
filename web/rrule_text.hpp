#pragma once
// A recurrence rule in words, German or English: "alle 2 Monate am letzten Dienstag, 17:00–18:30 Uhr".
#include <date/date.h>

#include <chrono>
#include <string>

#include "calendar/rrule.hpp"
#include "web/i18n.hpp"

namespace tp::web {

// `first` is the series' first start (its wall time gives the time of day), `length` the duration of one
// occurrence; all_day series get no times.
[[nodiscard]] std::string describe_rule(const calendar::rrule& r, date::local_seconds first,
                                        std::chrono::seconds length, bool all_day, lang l);

}  // namespace tp::web
