#include "web/dates.hpp"

#include <array>
#include <cstdio>

#include "calendar/zoned.hpp"

namespace tp::web {
namespace {

constexpr std::array<std::string_view, 7> weekdays_de{"Sonntag",    "Montag",  "Dienstag", "Mittwoch",
                                                      "Donnerstag", "Freitag", "Samstag"};
constexpr std::array<std::string_view, 7> weekdays_en{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> months_de{"Januar",    "Februar", "März",     "April",
                                                     "Mai",       "Juni",    "Juli",     "August",
                                                     "September", "Oktober", "November", "Dezember"};
constexpr std::array<std::string_view, 12> months_en{"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};
constexpr std::string_view en_dash = "\xE2\x80\x93";

std::string_view month_name(date::month m, lang l) {
    const auto i = static_cast<unsigned>(m) - 1;
    return l == lang::en ? months_en.at(i) : months_de.at(i);
}

const date::time_zone& zone_or_utc(const std::string& name) {
    const auto* z = calendar::find_zone(name);
    return z ? *z : *date::locate_zone("Etc/UTC");
}

// "10:00 Uhr" in German, "10:00" in English.
std::string clock(date::local_seconds t, lang l) { return format_time(t) + (l == lang::de ? " Uhr" : ""); }

std::string zone_note(const calendar::event& e, lang l) {
    if (e.time_zone == "Europe/Berlin" || e.all_day) return "";
    return " (" + std::string(strings_for(l).time_zone_note) + " " + e.time_zone + ")";
}

}  // namespace

std::string format_day(date::local_days d, lang l) {
    const date::year_month_day ymd{d};
    const auto wd = date::weekday{d}.c_encoding();
    const std::string day = std::to_string(static_cast<unsigned>(ymd.day()));
    const std::string year = std::to_string(static_cast<int>(ymd.year()));
    if (l == lang::en)
        return std::string(weekdays_en.at(wd)) + ", " + day + " " + std::string(month_name(ymd.month(), l)) + " " +
               year;
    return std::string(weekdays_de.at(wd)) + ", " + day + ". " + std::string(month_name(ymd.month(), l)) + " " + year;
}

std::string format_month(date::year_month ym, lang l) {
    return std::string(month_name(ym.month(), l)) + " " + std::to_string(static_cast<int>(ym.year()));
}

std::string format_time(date::local_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::hh_mm_ss tod{t - day};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(tod.hours().count()) % 100,
                  static_cast<int>(tod.minutes().count()) % 100);
    return buf;
}

std::string format_when(const calendar::event& e, lang l) {
    const auto& zone = zone_or_utc(e.time_zone);
    const auto start = zone.to_local(e.start);
    const auto end = zone.to_local(e.end);
    const auto first_day = date::floor<date::days>(start);
    if (e.all_day) {
        const auto last_day = date::floor<date::days>(end) - date::days{1};
        if (last_day <= first_day) return format_day(first_day, l);
        return format_day(first_day, l) + " " + std::string(en_dash) + " " + format_day(last_day, l);
    }
    if (date::floor<date::days>(end) == first_day) {
        std::string range = format_time(start) + std::string(en_dash) + format_time(end);
        if (l == lang::de) range += " Uhr";
        return format_day(first_day, l) + ", " + range + zone_note(e, l);
    }
    return format_day(first_day, l) + ", " + clock(start, l) + " " + std::string(en_dash) + " " +
           format_day(date::floor<date::days>(end), l) + ", " + clock(end, l) + zone_note(e, l);
}

std::string format_instant(calendar::sys_seconds t, const std::string& zone_name, lang l) {
    const auto local = zone_or_utc(zone_name).to_local(t);
    return format_day(date::floor<date::days>(local), l) + ", " + clock(local, l);
}

std::string iso_with_offset(calendar::sys_seconds t, const date::time_zone& zone) {
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(zone.get_info(t).offset);
    const auto magnitude = offset.count() < 0 ? -offset.count() : offset.count();
    char sign_hours_minutes[10];
    std::snprintf(sign_hours_minutes, sizeof sign_hours_minutes, "%c%02d:%02d", offset.count() < 0 ? '-' : '+',
                  static_cast<int>(magnitude / 60 % 100), static_cast<int>(magnitude % 60));
    return date::format("%FT%T", zone.to_local(t)) + sign_hours_minutes;
}

date::year_month month_of(const calendar::event& e) {
    const auto* zone = calendar::find_zone(e.time_zone);
    const date::year_month_day ymd{zone ? calendar::local_day_of(e.start, *zone)
                                        : date::local_days{date::floor<date::days>(e.start).time_since_epoch()}};
    return ymd.year() / ymd.month();
}

}  // namespace tp::web
