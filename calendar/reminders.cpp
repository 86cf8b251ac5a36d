#include "calendar/reminders.hpp"

#include <charconv>

namespace tp::calendar {

std::optional<std::chrono::seconds> parse_reminder_offset(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    const char unit = text.back();
    const auto digits = text.substr(0, text.size() - 1);
    long long n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || end != digits.data() + digits.size() || n <= 0 || n > 100'000) return std::nullopt;
    std::chrono::seconds offset{};
    if (unit == 'd')
        offset = std::chrono::days{n};
    else if (unit == 'h')
        offset = std::chrono::hours{n};
    else if (unit == 'm')
        offset = std::chrono::minutes{n};
    else
        return std::nullopt;
    if (offset < shortest_reminder || offset > longest_reminder) return std::nullopt;
    return offset;
}

std::string format_reminder_offset(std::chrono::seconds offset) {
    const auto n = offset.count();
    if (n % 86400 == 0) return std::to_string(n / 86400) + "d";
    if (n % 3600 == 0) return std::to_string(n / 3600) + "h";
    return std::to_string(n / 60) + "m";
}

reminder_decision decide_reminder(sys_seconds start, std::chrono::seconds offset,
                                  std::span<const std::chrono::seconds> all_offsets, sys_seconds confirmed_at,
                                  sys_seconds now) {
    const auto moment = start - offset;
    if (now < moment) return reminder_decision::wait;
    if (now >= start || moment < confirmed_at) return reminder_decision::skip;
    for (const auto other : all_offsets)
        if (other < offset && start - other <= now) return reminder_decision::skip;
    return reminder_decision::send;
}

}  // namespace tp::calendar
