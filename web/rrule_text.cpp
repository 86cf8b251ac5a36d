#include "web/rrule_text.hpp"

#include <array>

#include "web/dates.hpp"

namespace tp::web {
namespace {

using calendar::frequency;

constexpr std::array<const char*, 7> weekday_de{"Sonntag",    "Montag",  "Dienstag", "Mittwoch",
                                                "Donnerstag", "Freitag", "Samstag"};
constexpr std::array<const char*, 7> weekday_en{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> month_de{"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                               "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr std::array<const char*, 12> month_en{"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};

std::string ordinal(int n, lang l) {
    static constexpr std::array<const char*, 5> de{"ersten", "zweiten", "dritten", "vierten", "fünften"};
    static constexpr std::array<const char*, 5> en{"first", "second", "third", "fourth", "fifth"};
    if (n == -1) return l == lang::de ? "letzten" : "last";
    if (n == -2) return l == lang::de ? "vorletzten" : "second to last";
    if (n >= 1 && n <= 5)
        return l == lang::de ? de[static_cast<std::size_t>(n - 1)] : en[static_cast<std::size_t>(n - 1)];
    const std::string number = std::to_string(n < 0 ? -n : n);
    if (l == lang::de) return n > 0 ? number + "." : number + ". von hinten";
    return n > 0 ? number + "th" : number + "th to last";
}

std::string and_list(const std::vector<std::string>& items, lang l) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? (l == lang::de ? " und " : " and ") : ", ";
        out += items[i];
    }
    return out;
}

std::string weekday_name(unsigned wd, lang l) { return l == lang::de ? weekday_de.at(wd) : weekday_en.at(wd); }
std::string month_name(unsigned m, lang l) { return l == lang::de ? month_de.at(m - 1) : month_en.at(m - 1); }

std::string every(const calendar::rrule& r, lang l) {
    const bool de = l == lang::de;
    const std::string n = std::to_string(r.interval);
    switch (r.freq) {
        case frequency::daily:
            return r.interval == 1 ? (de ? "täglich" : "daily") : (de ? "alle " + n + " Tage" : "every " + n + " days");
        case frequency::weekly:
            return r.interval == 1 ? (de ? "wöchentlich" : "weekly")
                                   : (de ? "alle " + n + " Wochen" : "every " + n + " weeks");
        case frequency::monthly:
            return r.interval == 1 ? (de ? "monatlich" : "monthly")
                                   : (de ? "alle " + n + " Monate" : "every " + n + " months");
        case frequency::yearly: break;
    }
    return r.interval == 1 ? (de ? "jährlich" : "yearly") : (de ? "alle " + n + " Jahre" : "every " + n + " years");
}

bool weekdays_monday_to_friday(const calendar::rrule& r) {
    if (r.by_day.size() != 5) return false;
    for (const auto& w : r.by_day)
        if (w.ordinal != 0 || w.weekday == 0 || w.weekday == 6) return false;
    return true;
}

// "am letzten Dienstag", "on the first and third Wednesday", "am Montag und Mittwoch", "am letzten Werktag".
std::string weekday_part(const calendar::rrule& r, lang l) {
    const bool de = l == lang::de;
    if (weekdays_monday_to_friday(r) && r.by_set_pos.size() == 1)
        return (de ? " am " : " on the ") + ordinal(r.by_set_pos[0], l) + (de ? " Werktag" : " working day");
    std::vector<std::string> items;
    for (const auto& w : r.by_day)
        items.push_back(w.ordinal == 0 ? weekday_name(w.weekday, l)
                                       : ordinal(w.ordinal, l) + " " + weekday_name(w.weekday, l));
    const bool any_ordinal = std::any_of(r.by_day.begin(), r.by_day.end(), [](auto& w) { return w.ordinal != 0; });
    std::string out = (de ? " am " : (any_ordinal ? " on the " : " on ")) + and_list(items, l);
    if (!r.by_set_pos.empty()) {
        std::vector<std::string> positions;
        for (int p : r.by_set_pos) positions.push_back(ordinal(p, l));
        out += de ? " (jeweils der " + and_list(positions, l) + " Termin)"
                  : " (the " + and_list(positions, l) + " of them)";
    }
    return out;
}

std::string month_day_part(const calendar::rrule& r, lang l) {
    std::vector<std::string> items;
    for (int d : r.by_month_day) {
        if (d == -1)
            items.push_back(l == lang::de ? "letzten Tag" : "last day");
        else if (d < 0)
            items.push_back(ordinal(d, l) + (l == lang::de ? " Tag" : " day"));
        else
            items.push_back(l == lang::de ? std::to_string(d) + "." : ordinal(d, l));
    }
    return (l == lang::de ? " am " : " on the ") + and_list(items, l);
}

std::string months_part(const calendar::rrule& r, lang l) {
    std::vector<std::string> names;
    for (unsigned m : r.by_month) names.push_back(month_name(m, l));
    return (l == lang::de ? " im " : " in ") + and_list(names, l);
}

std::string days_part(const calendar::rrule& r, const date::year_month_day& start, lang l) {
    const bool de = l == lang::de;
    if (!r.by_day.empty()) return weekday_part(r, l) + (r.by_month.empty() ? "" : months_part(r, l));
    if (!r.by_month_day.empty()) return month_day_part(r, l) + (r.by_month.empty() ? "" : months_part(r, l));
    const auto day = static_cast<unsigned>(start.day());
    const auto month = static_cast<unsigned>(start.month());
    switch (r.freq) {
        case frequency::daily: return r.by_month.empty() ? "" : months_part(r, l);
        case frequency::weekly:
            return (de ? " am " : " on ") + weekday_name(date::weekday{date::local_days{start}}.c_encoding(), l);
        case frequency::monthly:
            return de ? " am " + std::to_string(day) + "." : " on the " + ordinal(static_cast<int>(day), l);
        case frequency::yearly: break;
    }
    return de ? " am " + std::to_string(day) + ". " + month_name(month, l)
              : " on " + std::to_string(day) + " " + month_name(month, l);
}

std::string end_part(const calendar::rrule& r, lang l) {
    if (r.count) return ", " + std::to_string(*r.count) + (l == lang::de ? " Termine" : " times");
    const auto* d = std::get_if<date::local_days>(&r.until);
    const auto* t = std::get_if<calendar::sys_seconds>(&r.until);
    if (!d && !t) return "";
    const auto day = d ? *d : date::local_days{date::floor<date::days>(t->time_since_epoch())};
    const date::year_month_day ymd{day};
    const auto text = std::to_string(static_cast<unsigned>(ymd.day())) + (l == lang::de ? ". " : " ") +
                      month_name(static_cast<unsigned>(ymd.month()), l) + " " +
                      std::to_string(static_cast<int>(ymd.year()));
    return (l == lang::de ? ", bis " : ", until ") + text;
}

}  // namespace

std::string describe_rule(const calendar::rrule& r, date::local_seconds first, std::chrono::seconds length,
                          bool all_day, lang l) {
    const date::year_month_day start{date::floor<date::days>(first)};
    std::string out = every(r, l) + days_part(r, start, l);
    if (!all_day) {
        out += ", " + format_time(first) + "\xE2\x80\x93" + format_time(first + length);
        if (l == lang::de) out += " Uhr";
    }
    return out + end_part(r, l);
}

}  // namespace tp::web
