#pragma once
// Reminder emails before an event: their offsets ("7d", "1d", "2h") and when one is due. Pure rules.
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/types.hpp"

namespace tp::calendar {

inline constexpr std::chrono::seconds longest_reminder{std::chrono::days{60}};
inline constexpr std::chrono::seconds shortest_reminder{std::chrono::minutes{15}};
inline constexpr std::size_t max_reminders = 5;

// "7d", "36h" or "90m": a whole number of days, hours or minutes between 15 minutes and 60 days.
[[nodiscard]] std::optional<std::chrono::seconds> parse_reminder_offset(std::string_view text);
// The shortest of those forms: 604800 s -> "7d", 5400 s -> "90m".
[[nodiscard]] std::string format_reminder_offset(std::chrono::seconds offset);

enum class reminder_decision {
    wait,  // its moment (start - offset) has not come
    send,  // due now
    skip,  // never: the event started, the person confirmed after the moment, or a later reminder is due as well
};

// Whether the reminder `offset` before `start` goes out at `now` to a person who confirmed at `confirmed_at`.
// A moment that passed while the server was down still sends, as long as the event has not started and no
// reminder closer to the start is due too (one reminder at a time, never a stale one).
[[nodiscard]] reminder_decision decide_reminder(sys_seconds start, std::chrono::seconds offset,
                                                std::span<const std::chrono::seconds> all_offsets,
                                                sys_seconds confirmed_at, sys_seconds now);

}  // namespace tp::calendar
