#include "web/event_window.hpp"

#include <date/date.h>

#include "calendar/zoned.hpp"
#include "web/query_string.hpp"

namespace tp::web {
namespace {

using calendar::sys_seconds;

// The number in text[from, from + n), or -1 when it is not all digits.
int digits(std::string_view text, std::size_t from, std::size_t n) {
    if (from + n > text.size()) return -1;
    int out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        out = out * 10 + (text[i] - '0');
    }
    return out;
}

std::optional<date::year_month_day> day_of(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 0 || m < 1 || d < 1) return std::nullopt;
    const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!day.ok()) return std::nullopt;
    return day;
}

// The offset of "Z", "+HH:MM" or "-HH:MM" (at most 14 hours, as the world's zones), or nullopt.
std::optional<std::chrono::minutes> offset_of(std::string_view text) {
    if (text == "Z" || text == "z") return std::chrono::minutes{0};
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
    const int h = digits(text, 1, 2), m = digits(text, 4, 2);
    if (h < 0 || h > 14 || m < 0 || m > 59 || (h == 14 && m > 0)) return std::nullopt;
    const std::chrono::minutes offset{h * 60 + m};
    return text[0] == '-' ? -offset : offset;
}

// 2027-09-20T10:00:00(.fraction)(Z|+02:00), as RFC 3339's date-time.
std::optional<sys_seconds> instant_of(std::string_view text) {
    const auto day = day_of(text);
    if (!day || text.size() < 20 || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const int h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    auto rest = text.substr(19);
    if (rest.starts_with('.')) {
        std::size_t n = 1;
        while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
        if (n == 1) return std::nullopt;
        rest.remove_prefix(n);
    }
    const auto offset = offset_of(rest);
    if (!offset) return std::nullopt;
    return sys_seconds{date::sys_days{*day}} + std::chrono::hours{h} + std::chrono::minutes{m} +
           std::chrono::seconds{s} - *offset;
}

// A day's midnight in Berlin; `after` takes the next day's (a `to` day is in the window as a whole).
sys_seconds berlin_midnight(date::year_month_day day, bool after) {
    const auto local = date::local_days{day} + date::days{after ? 1 : 0};
    const auto* berlin = calendar::find_zone("Europe/Berlin");
    return berlin ? calendar::sys_seconds{berlin->to_sys(local, date::choose::earliest)}
                  : calendar::sys_seconds{date::sys_days{local.time_since_epoch()}};
}

std::optional<sys_seconds> bound_of(std::string_view text, bool is_to) {
    if (text.size() == 10) {
        const auto day = day_of(text);
        if (!day) return std::nullopt;
        return berlin_midnight(*day, is_to);
    }
    return instant_of(text);
}

std::string not_a_date(const std::string& key, const std::string& value, bool de) {
    return de ? "„" + value + "“ ist kein Datum (JJJJ-MM-TT, etwa 2027-09-20, oder ein Zeitpunkt wie " +
                    "2027-09-20T10:00:00+02:00)."
              : key + ": '" + value + "' is not a date (YYYY-MM-DD such as 2027-09-20, or an instant such as " +
                    "2027-09-20T10:00:00+02:00)";
}

}  // namespace

std::variant<event_window, std::string> parse_event_window(std::string_view encoded, lang messages) {
    const bool de = messages == lang::de;
    const auto params = parse_query_string(encoded);
    if (!params) return std::string(de ? "Die Adresse ist fehlerhaft kodiert." : "the query string is malformed");
    event_window w;
    bool seen_from = false, seen_to = false;
    for (const auto& [key, value] : *params) {
        if (key != "from" && key != "to") continue;
        auto& seen = key == "from" ? seen_from : seen_to;
        if (seen) return de ? "Bitte „" + key + "“ nur einmal angeben." : "give " + key + " only once";
        seen = true;
        if (value.empty()) continue;  // open
        const auto bound = bound_of(value, key == "to");
        if (!bound) return not_a_date(key, value, de);
        (key == "from" ? w.from : w.to) = bound;
    }
    if (w.from && w.to && *w.from >= *w.to)
        return std::string(de ? "Der Anfang (from) muss vor dem Ende (to) liegen." : "from must be before to");
    return w;
}

std::string encode_window(const event_window& w) {
    std::string out;
    if (w.from) out += "from=" + date::format("%FT%TZ", *w.from);
    if (w.to) out += (out.empty() ? "" : "&") + std::string("to=") + date::format("%FT%TZ", *w.to);
    return out;
}

}  // namespace tp::web
