#include "calendar/alarm.hpp"

namespace tp::calendar {

std::optional<std::chrono::minutes> parse_alarm(std::string_view text) {
    if (text.size() < 2 || text.size() > 5) return std::nullopt;
    long n = 0;
    for (const char c : text.substr(0, text.size() - 1)) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    const char unit = text.back();
    const long per = unit == 'm' ? 1 : unit == 'h' ? 60 : unit == 'd' ? 24 * 60 : 0;
    if (per == 0) return std::nullopt;
    const std::chrono::minutes before{n * per};
    if (before < shortest_alarm || before > longest_alarm) return std::nullopt;
    return before;
}

std::string format_alarm(std::chrono::minutes before) {
    const auto n = before.count();
    if (n % (24 * 60) == 0) return std::to_string(n / (24 * 60)) + "d";
    if (n % 60 == 0) return std::to_string(n / 60) + "h";
    return std::to_string(n) + "m";
}

std::string alarm_trigger(std::chrono::minutes before) {
    const auto n = before.count();
    if (n % (24 * 60) == 0) return "-P" + std::to_string(n / (24 * 60)) + "D";
    if (n % 60 == 0) return "-PT" + std::to_string(n / 60) + "H";
    return "-PT" + std::to_string(n) + "M";
}

}  // namespace tp::calendar
