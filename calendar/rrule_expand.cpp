#include "calendar/rrule_expand.hpp"

#include <algorithm>

namespace tp::calendar {
namespace {

using date::local_days;

unsigned weekday_of(local_days d) { return date::weekday{d}.c_encoding(); }

bool contains(const std::vector<local_days>& days, local_days d) {
    return std::find(days.begin(), days.end(), d) != days.end();
}

// Days in [first, last] that a BYDAY item picks: every such weekday, or the nth (from the end when negative).
void add_weekday_days(std::vector<local_days>& out, local_days first, local_days last, const weekday_rule& w) {
    std::vector<local_days> all;
    const auto offset = (w.weekday + 7 - weekday_of(first)) % 7;
    for (auto d = first + date::days{static_cast<int>(offset)}; d <= last; d += date::days{7}) all.push_back(d);
    if (w.ordinal == 0) {
        out.insert(out.end(), all.begin(), all.end());
    } else {
        const auto n = static_cast<int>(all.size());
        const int index = w.ordinal > 0 ? w.ordinal - 1 : n + w.ordinal;
        if (index >= 0 && index < n) out.push_back(all[static_cast<std::size_t>(index)]);
    }
}

bool month_allowed(const rrule& r, local_days d) {
    const auto m = static_cast<unsigned>(date::year_month_day{d}.month());
    return r.by_month.empty() || std::find(r.by_month.begin(), r.by_month.end(), m) != r.by_month.end();
}

// The days of one month the rule picks (BYMONTHDAY, BYDAY with ordinals in the month, or DTSTART's day).
std::vector<local_days> month_days(const rrule& r, date::year_month ym, local_days start) {
    std::vector<local_days> out;
    const local_days first{ym / 1}, last{ym / date::last};
    const int length = static_cast<int>((last - first).count()) + 1;
    if (!r.by_month_day.empty()) {
        for (int d : r.by_month_day) {
            const int day = d > 0 ? d : length + 1 + d;
            if (day >= 1 && day <= length) out.push_back(first + date::days{day - 1});
        }
        if (!r.by_day.empty()) {  // BYDAY limits BYMONTHDAY
            std::vector<local_days> allowed;
            for (const auto& w : r.by_day) add_weekday_days(allowed, first, last, w);
            std::erase_if(out, [&](local_days d) { return !contains(allowed, d); });
        }
    } else if (!r.by_day.empty()) {
        for (const auto& w : r.by_day) add_weekday_days(out, first, last, w);
    } else {
        const auto day = static_cast<unsigned>(date::year_month_day{start}.day());
        if (static_cast<int>(day) <= length) out.push_back(first + date::days{static_cast<int>(day) - 1});
    }
    return out;
}

std::vector<local_days> year_days(const rrule& r, date::year y, local_days start) {
    std::vector<local_days> out;
    if (!r.by_day.empty() && r.by_month.empty() && r.by_month_day.empty()) {
        for (const auto& w : r.by_day) add_weekday_days(out, local_days{y / 1 / 1}, local_days{y / 12 / 31}, w);
        return out;
    }
    std::vector<unsigned> months = r.by_month;
    if (months.empty()) {
        if (r.by_month_day.empty() && r.by_day.empty())
            months.push_back(static_cast<unsigned>(date::year_month_day{start}.month()));
        else
            for (unsigned m = 1; m <= 12; ++m) months.push_back(m);
    }
    for (unsigned m : months) {
        const auto days = month_days(r, y / date::month{m}, start);
        out.insert(out.end(), days.begin(), days.end());
    }
    return out;
}

std::vector<local_days> week_days(const rrule& r, local_days week_first, local_days start) {
    std::vector<local_days> out;
    if (r.by_day.empty()) {
        add_weekday_days(out, week_first, week_first + date::days{6}, {0, weekday_of(start)});
    } else {
        for (const auto& w : r.by_day) add_weekday_days(out, week_first, week_first + date::days{6}, {0, w.weekday});
    }
    std::erase_if(out, [&](local_days d) { return !month_allowed(r, d); });
    return out;
}

// DAILY: BYMONTH, BYMONTHDAY and BYDAY (weekdays only) limit the days.
bool day_allowed(const rrule& r, local_days d) {
    const date::year_month_day ymd{d};
    if (!month_allowed(r, d)) return false;
    if (!r.by_month_day.empty() && !contains(month_days(r, ymd.year() / ymd.month(), d), d)) return false;
    return r.by_day.empty() || std::any_of(r.by_day.begin(), r.by_day.end(),
                                           [&](const weekday_rule& w) { return w.weekday == weekday_of(d); });
}

std::vector<local_days> apply_set_pos(const rrule& r, std::vector<local_days> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (r.by_set_pos.empty()) return days;
    std::vector<local_days> picked;
    const auto n = static_cast<int>(days.size());
    for (int p : r.by_set_pos) {
        const int index = p > 0 ? p - 1 : n + p;
        if (index >= 0 && index < n) picked.push_back(days[static_cast<std::size_t>(index)]);
    }
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    return picked;
}

// The k-th period of the rule: its first day and the days it picks.
struct period {
    local_days first;
    std::vector<local_days> days;
};

period period_at(const rrule& r, local_days start, long k) {
    const date::year_month_day s{start};
    const long step = k * r.interval;
    switch (r.freq) {
        case frequency::yearly: {
            const auto y = s.year() + date::years{step};
            return {local_days{y / 1 / 1}, apply_set_pos(r, year_days(r, y, start))};
        }
        case frequency::monthly: {
            const auto ym = s.year() / s.month() + date::months{step};
            return {local_days{ym / 1}, apply_set_pos(r, month_days(r, ym, start))};
        }
        case frequency::weekly: {
            const auto back = (weekday_of(start) + 7 - r.week_start) % 7;
            const auto week = start - date::days{static_cast<int>(back)} + date::days{static_cast<int>(7 * step)};
            return {week, apply_set_pos(r, week_days(r, week, start))};
        }
        case frequency::daily: break;
    }
    const auto day = start + date::days{static_cast<int>(step)};
    std::vector<local_days> days;
    if (day_allowed(r, day)) days.push_back(day);
    return {day, apply_set_pos(r, days)};
}

bool past_until(const rrule& r, local_days day, sys_seconds instant) {
    if (const auto* t = std::get_if<sys_seconds>(&r.until)) return instant > *t;
    if (const auto* d = std::get_if<local_days>(&r.until)) return day > *d;
    return false;
}

}  // namespace

sys_seconds recurrence_instant(date::local_seconds t, const date::time_zone& zone) {
    // For a gap, `first` is the period before it: t minus the old offset lands after the gap by the gap's length.
    // For an overlap, `first` is the earlier of the two.
    const auto info = zone.get_info(t);
    return sys_seconds{t.time_since_epoch() - info.first.offset};
}

std::vector<occurrence> expand(const rrule& rule, date::local_seconds first, const date::time_zone& zone,
                               sys_seconds from, sys_seconds to, std::size_t limit) {
    limit = std::min(limit, max_occurrences);
    std::vector<occurrence> out;
    const auto start_day = date::floor<date::days>(first);
    const auto time_of_day = first - date::local_seconds{start_day};
    std::size_t emitted = 1;  // DTSTART
    const auto first_instant = recurrence_instant(first, zone);
    if (first_instant >= to) return out;
    if (first_instant >= from) out.push_back({first, first_instant});
    const auto local_end = date::local_seconds{to.time_since_epoch()} + date::days{2};  // any zone's offset
    for (long k = 0; k < static_cast<long>(max_periods) && out.size() < limit; ++k) {
        const auto p = period_at(rule, start_day, k);
        if (date::local_seconds{p.first} > local_end) break;
        for (const auto day : p.days) {
            const auto local = date::local_seconds{day} + time_of_day;
            if (local <= first) continue;
            const auto instant = recurrence_instant(local, zone);
            if (past_until(rule, day, instant) || (rule.count && emitted >= static_cast<std::size_t>(*rule.count)) ||
                instant >= to)
                return out;
            ++emitted;
            if (instant >= from) out.push_back({local, instant});
            if (out.size() >= limit) return out;
        }
    }
    return out;
}

bool starts_on_rule(const rrule& rule, date::local_seconds first) {
    const auto day = date::floor<date::days>(first);
    return contains(period_at(rule, day, 0).days, day);
}

}  // namespace tp::calendar
