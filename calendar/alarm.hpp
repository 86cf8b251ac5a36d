#pragma once
// Alarms by choice in a person's own feed (?alarm=30m): how long before each event the calendar app reminds
// them. Public feeds carry none: Google and Outlook ignore VALARM in subscriptions, Apple and Thunderbird honour
// it, and an alarm nobody chose is noise.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tp::calendar {

inline constexpr std::chrono::minutes shortest_alarm{15};
inline constexpr std::chrono::minutes longest_alarm{2 * 24 * 60};

// "15m", "90m", "2h", "1d": a whole number and a unit, from 15 minutes to 2 days; nullopt otherwise.
[[nodiscard]] std::optional<std::chrono::minutes> parse_alarm(std::string_view text);
// The same written back ("30m", "2h", "1d"), the largest unit that divides it.
[[nodiscard]] std::string format_alarm(std::chrono::minutes before);
// The VALARM TRIGGER before the start: "-PT30M", "-PT2H", "-P1D" (RFC 5545 3.3.6).
[[nodiscard]] std::string alarm_trigger(std::chrono::minutes before);

}  // namespace tp::calendar
