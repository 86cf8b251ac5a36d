#include "calendar/rule_subset.hpp"

namespace tp::calendar {
namespace {

// Outlook's "first" to "fourth" and "last"; a fifth weekday or "second to last" has no pattern.
bool outlook_ordinal(int n) { return (n >= 1 && n <= 4) || n == -1; }

// Days 29 to 31 do not exist in every month: Outlook then takes the month's last day, RFC 5545 skips the month.
bool every_month_has(int day) { return day >= 1 && day <= 28; }

// The nth weekday (from the end when negative) of the month that holds `d` is `d` itself.
bool is_nth_weekday(date::year_month_day d, const weekday_rule& w) {
    const date::local_days day{d};
    if (date::weekday{day}.c_encoding() != w.weekday) return false;
    const int from_start = static_cast<int>((static_cast<unsigned>(d.day()) - 1) / 7) + 1;
    const auto last = date::year_month_day_last{d.year(), date::month_day_last{d.month()}};
    const int from_end =
        -(static_cast<int>((static_cast<unsigned>(last.day()) - static_cast<unsigned>(d.day())) / 7) + 1);
    return w.ordinal == (w.ordinal > 0 ? from_start : from_end);
}

std::optional<std::string> weekly(const rrule& r, date::local_days first) {
    if (!r.by_month_day.empty() || !r.by_month.empty()) return "a weekly rule names no month or day of the month";
    const unsigned day = date::weekday{first}.c_encoding();
    bool first_matches = r.by_day.empty();
    for (const auto& w : r.by_day) {
        if (w.ordinal != 0) return "a weekly rule names weekdays without a number";
        first_matches = first_matches || w.weekday == day;
    }
    if (!first_matches) return "the first date is not one of the rule's weekdays";
    return std::nullopt;
}

// Monthly, and yearly within its month: one day of the month or one numbered weekday, which the first date is.
std::optional<std::string> day_in_month(const rrule& r, date::year_month_day first) {
    if (r.by_month_day.size() + r.by_day.size() > 1) return "the rule names more than one day in the month";
    if (r.by_month_day.size() == 1) {
        const int day = r.by_month_day.front();
        if (!every_month_has(day)) return "the day of the month is not one every month has (1 to 28)";
        if (static_cast<unsigned>(first.day()) != static_cast<unsigned>(day))
            return "the first date is not on the rule's day of the month";
    } else if (r.by_day.size() == 1) {
        const auto& w = r.by_day.front();
        if (!outlook_ordinal(w.ordinal)) return "the weekday's number is not first to fourth or last (1 to 4, -1)";
        if (!is_nth_weekday(first, w)) return "the first date is not the rule's weekday of the month";
    } else if (!every_month_has(static_cast<int>(static_cast<unsigned>(first.day())))) {
        return "the first date's day of the month is not one every month has (1 to 28)";
    }
    return std::nullopt;
}

std::optional<std::string> monthly(const rrule& r, date::year_month_day first) {
    if (!r.by_month.empty()) return "a monthly rule names no month";
    return day_in_month(r, first);
}

std::optional<std::string> yearly(const rrule& r, date::year_month_day first) {
    if (r.by_month.size() > 1) return "a yearly rule names at most one month";
    if (!r.by_month.empty() && static_cast<unsigned>(first.month()) != r.by_month.front())
        return "the first date is not in the rule's month";
    if (r.by_month.empty() && (!r.by_day.empty() || !r.by_month_day.empty()))
        return "a yearly rule with a day names its month";
    if (first.month() == date::February && first.day() == date::day{29} && r.by_month_day.empty() && r.by_day.empty())
        return "29 February is not in every year";
    return day_in_month(r, first);
}

}  // namespace

std::optional<std::string> outside_rule_subset(const rrule& r, date::local_days first) {
    if (!r.by_set_pos.empty()) return "BYSETPOS is not read the same way by every client";
    switch (r.freq) {
        case frequency::daily:
            if (!r.by_day.empty() || !r.by_month_day.empty() || !r.by_month.empty())
                return "a daily rule names no weekday, day or month";
            return std::nullopt;
        case frequency::weekly: return weekly(r, first);
        case frequency::monthly: return monthly(r, date::year_month_day{first});
        case frequency::yearly: return yearly(r, date::year_month_day{first});
    }
    return "unknown frequency";
}

bool written_as_rule(const std::string& rule, date::local_seconds first_start) {
    try {
        return !outside_rule_subset(parse_rrule(rule), date::floor<date::days>(first_start));
    } catch (const invalid_rrule&) {
        return false;
    }
}

bool written_as_rule(const series& s) { return written_as_rule(s.rule, s.first_start); }

}  // namespace tp::calendar
