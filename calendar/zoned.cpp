#include "calendar/zoned.hpp"

#include <algorithm>

#include <cstdio>

namespace tp::calendar {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

void check_year(int y, std::string_view text) {
    if (y < first_supported_year || y > last_supported_year)
        throw invalid_time("'" + std::string(text) + "' lies outside the supported years " +
                           std::to_string(first_supported_year) + "-" + std::to_string(last_supported_year));
}

date::local_days checked_date(std::string_view text, std::string_view whole) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
        throw invalid_time("'" + std::string(whole) + "' is not a date of the form YYYY-MM-DD");
    const date::year_month_day ymd{date::year{number(text.substr(0, 4))},
                                   date::month{static_cast<unsigned>(number(text.substr(5, 2)))},
                                   date::day{static_cast<unsigned>(number(text.substr(8, 2)))}};
    if (!ymd.ok()) throw invalid_time("'" + std::string(whole) + "' is not a valid calendar date");
    check_year(static_cast<int>(ymd.year()), whole);
    return date::local_days{ymd};
}

std::string two(unsigned v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02u", v % 100u);
    return buf;
}

}  // namespace

const std::vector<std::string>& zone_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        constexpr std::string_view regions[] = {"Africa/",    "America/", "Antarctica/", "Asia/",   "Atlantic/",
                                                "Australia/", "Europe/",  "Indian/",     "Pacific/"};
        for (const auto& z : date::get_tzdb().zones)  // by region: not the old aliases (GB, US/Eastern, Etc/...)
            for (const auto region : regions)
                if (z.name().starts_with(region)) out.emplace_back(z.name());
        out.emplace_back("UTC");
        std::sort(out.begin(), out.end());
        return out;
    }();
    return names;
}

const date::time_zone* find_zone(std::string_view name) {
    if (name.empty()) return nullptr;
    try {
        return date::locate_zone(name);
    } catch (const std::runtime_error&) {
        return nullptr;
    }
}

date::local_days parse_local_date(std::string_view text) { return checked_date(text, text); }

date::local_seconds parse_local_date_time(std::string_view text) {
    const bool with_seconds = text.size() == 19;
    const bool ok_shape = (text.size() == 16 || with_seconds) && text[10] == 'T' && text[13] == ':' &&
                          all_digits(text.substr(11, 2)) && all_digits(text.substr(14, 2)) &&
                          (!with_seconds || (text[16] == ':' && all_digits(text.substr(17, 2))));
    if (!ok_shape)
        throw invalid_time("'" + std::string(text) + "' is not a date and time of the form YYYY-MM-DDTHH:MM");
    const auto day = checked_date(text.substr(0, 10), text);
    const int h = number(text.substr(11, 2)), m = number(text.substr(14, 2));
    const int s = with_seconds ? number(text.substr(17, 2)) : 0;
    if (h > 23 || m > 59 || s > 59) throw invalid_time("'" + std::string(text) + "' is not a valid time of day");
    return date::local_seconds{day} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
}

sys_seconds resolve_local(date::local_seconds t, const date::time_zone& zone) {
    const auto info = zone.get_info(t);
    const std::string shown = format_iso_local(t);
    check_year(static_cast<int>(date::year_month_day{date::floor<date::days>(t)}.year()), shown);
    switch (info.result) {
        case date::local_info::unique: return sys_seconds{t.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent:
            throw invalid_time(shown + " does not exist in " + zone.name() + " (the clocks move forward then)");
        case date::local_info::ambiguous: break;
    }
    throw invalid_time(shown + " happens twice in " + zone.name() + " (the clocks move back then)");
}

sys_seconds start_of_day(date::local_days d, const date::time_zone& zone) {
    check_year(static_cast<int>(date::year_month_day{d}.year()), format_iso_date(d));
    return zone.to_sys(date::local_seconds{d}, date::choose::earliest);
}

date::local_seconds to_local(sys_seconds t, const date::time_zone& zone) { return zone.to_local(t); }

date::local_days local_day_of(sys_seconds t, const date::time_zone& zone) {
    return date::floor<date::days>(zone.to_local(t));
}

std::string format_date(date::local_days d) {
    const date::year_month_day ymd{d};
    return std::to_string(static_cast<int>(ymd.year())) + two(static_cast<unsigned>(ymd.month())) +
           two(static_cast<unsigned>(ymd.day()));
}

std::string format_local(date::local_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::hh_mm_ss tod{t - day};
    return format_date(day) + "T" + two(static_cast<unsigned>(tod.hours().count())) +
           two(static_cast<unsigned>(tod.minutes().count())) + two(static_cast<unsigned>(tod.seconds().count()));
}

std::string format_utc(sys_seconds t) { return format_local(date::local_seconds{t.time_since_epoch()}) + "Z"; }

std::string format_iso_date(date::local_days d) {
    const date::year_month_day ymd{d};
    return std::to_string(static_cast<int>(ymd.year())) + "-" + two(static_cast<unsigned>(ymd.month())) + "-" +
           two(static_cast<unsigned>(ymd.day()));
}

std::string format_iso_local(date::local_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::hh_mm_ss tod{t - day};
    return format_iso_date(day) + "T" + two(static_cast<unsigned>(tod.hours().count())) + ":" +
           two(static_cast<unsigned>(tod.minutes().count()));
}

}  // namespace tp::calendar
