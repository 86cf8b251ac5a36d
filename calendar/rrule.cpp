#include "calendar/rrule.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "calendar/zoned.hpp"

namespace tp::calendar {
namespace {

constexpr std::array<std::string_view, 7> day_names{"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

std::string_view trim_part(std::string_view s) {
    while (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
}

int integer(std::string_view part, std::string_view text, int min, int max) {
    int value = 0;
    const char* begin = text.data();
    if (!text.empty() && text.front() == '+') ++begin;
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || value < min || value > max)
        throw invalid_rrule(std::string(part) + ": '" + std::string(text) + "' is not a number from " +
                            std::to_string(min) + " to " + std::to_string(max));
    return value;
}

template <class F>
void each_item(std::string_view part, std::string_view list, F f) {
    if (list.empty()) throw invalid_rrule(std::string(part) + ": the list is empty");
    while (true) {
        const auto comma = list.find(',');
        f(list.substr(0, comma));
        if (comma == std::string_view::npos) return;
        list.remove_prefix(comma + 1);
    }
}

unsigned weekday_of(std::string_view part, std::string_view name) {
    for (unsigned i = 0; i < day_names.size(); ++i)
        if (day_names[i] == name) return i;
    throw invalid_rrule(std::string(part) + ": '" + std::string(name) +
                        "' is not a weekday (MO, TU, WE, TH, FR, SA, SU)");
}

weekday_rule weekday_item(std::string_view item) {
    if (item.size() < 2) throw invalid_rrule("BYDAY: '" + std::string(item) + "' is not a weekday");
    const auto name = item.substr(item.size() - 2);
    const auto ordinal = item.substr(0, item.size() - 2);
    weekday_rule w{0, weekday_of("BYDAY", name)};
    if (!ordinal.empty()) {
        w.ordinal = integer("BYDAY", ordinal, -53, 53);
        if (w.ordinal == 0) throw invalid_rrule("BYDAY: the ordinal in '" + std::string(item) + "' must not be 0");
    }
    return w;
}

std::variant<std::monostate, sys_seconds, date::local_days> until_value(std::string_view v) {
    const auto digits = [&v](std::size_t from, std::size_t n) { return integer("UNTIL", v.substr(from, n), 0, 9999); };
    const auto shape_ok = [&v] {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const bool digit = v[i] >= '0' && v[i] <= '9';
            if ((i == 8 && v[i] != 'T') || (i == 15 && v[i] != 'Z') || (i != 8 && i != 15 && !digit)) return false;
        }
        return true;
    };
    if ((v.size() != 8 && v.size() != 16) || !shape_ok())
        throw invalid_rrule("UNTIL: '" + std::string(v) +
                            "' must be a date (YYYYMMDD) or a UTC time (YYYYMMDDTHHMMSSZ)");
    const date::year_month_day ymd{date::year{digits(0, 4)}, date::month{static_cast<unsigned>(digits(4, 2))},
                                   date::day{static_cast<unsigned>(digits(6, 2))}};
    if (!ymd.ok()) throw invalid_rrule("UNTIL: '" + std::string(v) + "' is not a valid date");
    if (digits(0, 4) < 1900 || digits(0, 4) > 2999)  // and so always written back with four digits
        throw invalid_rrule("UNTIL: in '" + std::string(v) + "' the year must lie between 1900 and 2999");
    const date::local_days day{ymd};
    if (v.size() == 8) return day;
    const int h = digits(9, 2), m = digits(11, 2), s = digits(13, 2);
    if (h > 23 || m > 59 || s > 59) throw invalid_rrule("UNTIL: '" + std::string(v) + "' is not a valid time");
    return sys_seconds{day.time_since_epoch() + std::chrono::hours{h} + std::chrono::minutes{m} +
                       std::chrono::seconds{s}};
}

frequency frequency_of(std::string_view v) {
    if (v == "DAILY") return frequency::daily;
    if (v == "WEEKLY") return frequency::weekly;
    if (v == "MONTHLY") return frequency::monthly;
    if (v == "YEARLY") return frequency::yearly;
    if (v == "SECONDLY" || v == "MINUTELY" || v == "HOURLY")
        throw invalid_rrule("FREQ=" + std::string(v) + " is not supported (DAILY, WEEKLY, MONTHLY, YEARLY)");
    throw invalid_rrule("FREQ: '" + std::string(v) + "' is not one of DAILY, WEEKLY, MONTHLY, YEARLY");
}

void apply(rrule& r, std::string_view name, std::string_view value, bool& has_freq) {
    if (name == "FREQ") {
        r.freq = frequency_of(value);
        has_freq = true;
    } else if (name == "INTERVAL") {
        r.interval = integer(name, value, 1, max_interval);
    } else if (name == "COUNT") {
        r.count = integer(name, value, 1, max_count);
    } else if (name == "UNTIL") {
        r.until = until_value(value);
    } else if (name == "BYDAY") {
        each_item(name, value, [&r](std::string_view i) { r.by_day.push_back(weekday_item(i)); });
    } else if (name == "BYMONTHDAY") {
        each_item(name, value, [&r](std::string_view i) {
            const int d = integer("BYMONTHDAY", i, -31, 31);
            if (d == 0) throw invalid_rrule("BYMONTHDAY: 0 is not a day of the month");
            r.by_month_day.push_back(d);
        });
    } else if (name == "BYMONTH") {
        each_item(name, value, [&r](std::string_view i) {
            r.by_month.push_back(static_cast<unsigned>(integer("BYMONTH", i, 1, 12)));
        });
    } else if (name == "BYSETPOS") {
        each_item(name, value, [&r](std::string_view i) {
            const int p = integer("BYSETPOS", i, -366, 366);
            if (p == 0) throw invalid_rrule("BYSETPOS: 0 is not a position");
            r.by_set_pos.push_back(p);
        });
    } else if (name == "WKST") {
        r.week_start = weekday_of("WKST", value);
    } else if (name == "BYSECOND" || name == "BYMINUTE" || name == "BYHOUR" || name == "BYYEARDAY" ||
               name == "BYWEEKNO") {
        throw invalid_rrule(std::string(name) + " is not supported; the series' start time gives the time of day");
    } else {
        throw invalid_rrule("'" + std::string(name) + "' is not a rule part");
    }
}

void check_combination(const rrule& r, const std::vector<std::string_view>& seen) {
    if (r.count && !std::holds_alternative<std::monostate>(r.until))
        throw invalid_rrule("COUNT and UNTIL must not both be given");
    const bool ordinals = std::any_of(r.by_day.begin(), r.by_day.end(), [](auto& w) { return w.ordinal != 0; });
    if (ordinals && r.freq != frequency::monthly && r.freq != frequency::yearly)
        throw invalid_rrule("BYDAY with a number (like 2TU) needs FREQ=MONTHLY or FREQ=YEARLY");
    if (!r.by_month_day.empty() && r.freq == frequency::weekly)
        throw invalid_rrule("BYMONTHDAY does not go with FREQ=WEEKLY");
    if (!r.by_set_pos.empty() && r.by_day.empty() && r.by_month_day.empty() && r.by_month.empty())
        throw invalid_rrule("BYSETPOS needs another BY part (BYDAY, BYMONTHDAY or BYMONTH) to pick from");
    for (std::size_t i = 0; i < seen.size(); ++i)
        if (std::find(seen.begin() + static_cast<std::ptrdiff_t>(i) + 1, seen.end(), seen[i]) != seen.end())
            throw invalid_rrule(std::string(seen[i]) + " is given twice");
}

template <class T, class F>
std::string joined(const std::vector<T>& items, F f) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + f(i);
    return out;
}

}  // namespace

rrule parse_rrule(std::string_view text) {
    text = trim_part(text);
    if (text.substr(0, 6) == "RRULE:") text.remove_prefix(6);
    if (text.empty()) throw invalid_rrule("the rule is empty");
    rrule r;
    bool has_freq = false;
    std::vector<std::string_view> seen;
    for (std::string_view rest = text; !rest.empty();) {
        const auto semi = rest.find(';');
        const auto part = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        const auto eq = part.find('=');
        if (eq == std::string_view::npos || eq == 0)
            throw invalid_rrule("'" + std::string(part) + "' is not of the form NAME=VALUE");
        const auto name = part.substr(0, eq);
        seen.push_back(name);
        apply(r, name, part.substr(eq + 1), has_freq);
    }
    if (!has_freq) throw invalid_rrule("FREQ is required");
    check_combination(r, seen);
    return r;
}

std::string to_string(const rrule& r) {
    static constexpr std::array<const char*, 4> freqs{"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    std::string out = "FREQ=" + std::string(freqs[static_cast<std::size_t>(r.freq)]);
    if (r.interval != 1) out += ";INTERVAL=" + std::to_string(r.interval);
    if (r.count) out += ";COUNT=" + std::to_string(*r.count);
    if (const auto* t = std::get_if<sys_seconds>(&r.until)) out += ";UNTIL=" + format_utc(*t);
    if (const auto* d = std::get_if<date::local_days>(&r.until)) out += ";UNTIL=" + format_date(*d);
    const auto num = [](auto v) { return std::to_string(v); };
    if (!r.by_month.empty()) out += ";BYMONTH=" + joined(r.by_month, num);
    if (!r.by_month_day.empty()) out += ";BYMONTHDAY=" + joined(r.by_month_day, num);
    if (!r.by_day.empty())
        out +=
            ";BYDAY=" + joined(r.by_day, [](const weekday_rule& w) {
                return (w.ordinal != 0 ? std::to_string(w.ordinal) : std::string{}) + std::string(day_names[w.weekday]);
            });
    if (!r.by_set_pos.empty()) out += ";BYSETPOS=" + joined(r.by_set_pos, num);
    if (r.week_start != 1) out += ";WKST=" + std::string(day_names[r.week_start]);
    return out;
}

}  // namespace tp::calendar
