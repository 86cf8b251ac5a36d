#include "calendar/vtimezone.hpp"

#include <vector>

#include "calendar/ics_text.hpp"
#include "calendar/zoned.hpp"

namespace tp::calendar {
namespace {

using std::chrono::seconds;

struct transition {
    sys_seconds at;
    seconds offset_from;
    seconds offset_to;
    std::string abbrev;
    bool dst = false;
};

// How a transition's local day is named within its month: the nth weekday and/or the last one.
struct day_rule {
    unsigned month = 0;
    unsigned weekday = 0;  // 0 = Sunday
    unsigned nth = 0;      // 1..5
    bool last = false;
    seconds time_of_day{};
};

date::local_seconds onset(const transition& t) { return date::local_seconds{t.at.time_since_epoch() + t.offset_from}; }

int year_of(date::local_seconds t) { return static_cast<int>(date::year_month_day{date::floor<date::days>(t)}.year()); }

day_rule rule_of(const transition& t) {
    const auto local = onset(t);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const unsigned d = static_cast<unsigned>(ymd.day());
    const unsigned days_in_month = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
    return {static_cast<unsigned>(ymd.month()), date::weekday{day}.c_encoding(), (d - 1) / 7 + 1, d + 7 > days_in_month,
            local - date::local_seconds{day}};
}

bool same_shape(const transition& a, const transition& b) {
    return a.offset_from == b.offset_from && a.offset_to == b.offset_to && a.abbrev == b.abbrev && a.dst == b.dst;
}

// A run of yearly transitions that one RRULE describes. `nth` is 0 once the years disagree on it.
struct run {
    std::vector<transition> items;
    day_rule rule;
};

bool extends(const run& r, const transition& t) {
    const auto& prev = r.items.back();
    const day_rule next = rule_of(t);
    const bool yearly = year_of(onset(t)) == year_of(onset(prev)) + 1;
    const bool by_nth = r.rule.nth != 0 && r.rule.nth == next.nth;
    const bool by_last = r.rule.last && next.last;
    return yearly && same_shape(prev, t) && next.month == r.rule.month && next.weekday == r.rule.weekday &&
           next.time_of_day == r.rule.time_of_day && (by_nth || by_last);
}

void add_to(run& r, const transition& t) {
    const day_rule next = rule_of(t);
    if (r.rule.nth != next.nth) r.rule.nth = 0;
    r.rule.last = r.rule.last && next.last;
    r.items.push_back(t);
}

std::vector<run> runs_of(const std::vector<transition>& all, bool dst) {
    std::vector<run> runs;
    for (const auto& t : all) {
        if (t.dst != dst) continue;
        if (!runs.empty() && extends(runs.back(), t))
            add_to(runs.back(), t);
        else
            runs.push_back({{t}, rule_of(t)});
    }
    return runs;
}

std::string offset_text(seconds off) {
    const auto total = off.count();
    const long long mag = total < 0 ? -total : total;
    char buf[64];
    if (mag % 60 == 0)
        std::snprintf(buf, sizeof buf, "%c%02lld%02lld", total < 0 ? '-' : '+', mag / 3600, (mag / 60) % 60);
    else
        std::snprintf(buf, sizeof buf, "%c%02lld%02lld%02lld", total < 0 ? '-' : '+', mag / 3600, (mag / 60) % 60,
                      mag % 60);
    return buf;
}

// The last second of the local day an onset falls on, in UTC: UNTIL exactly on the onset loses it in some
// readers (dateutil, rrule.js); the end of its day is included by all and reaches no further onset.
sys_seconds end_of_local_day(const transition& t) {
    const auto local = date::local_seconds{t.at.time_since_epoch() + t.offset_to};
    const auto last = date::floor<date::days>(local) + date::days{1} - seconds{1};
    return sys_seconds{last.time_since_epoch() - t.offset_to};
}

std::string rrule_of(const run& r, bool open_ended) {
    static constexpr const char* names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    // Where both fit, "last" is the tz database's own rule (lastSun); "4th Sunday" would fail in other years.
    const std::string ordinal = r.rule.last ? "-1" : std::to_string(r.rule.nth);
    std::string rule =
        "FREQ=YEARLY;BYMONTH=" + std::to_string(r.rule.month) + ";BYDAY=" + ordinal + names[r.rule.weekday];
    if (!open_ended) rule += ";UNTIL=" + format_utc(end_of_local_day(r.items.back()));
    return rule;
}

void append_block(std::string& out, const run& r, bool open_ended) {
    const auto& first = r.items.front();
    const char* kind = first.dst ? "DAYLIGHT" : "STANDARD";
    append_line(out, "BEGIN", kind);
    append_line(out, "TZNAME", escape_text(first.abbrev));
    append_line(out, "TZOFFSETFROM", offset_text(first.offset_from));
    append_line(out, "TZOFFSETTO", offset_text(first.offset_to));
    append_line(out, "DTSTART", format_local(onset(first)));
    if (r.items.size() > 1) append_line(out, "RRULE", rrule_of(r, open_ended));
    append_line(out, "END", kind);
}

// Every transition from the one that began the period in force at `from` until `to`.
std::vector<transition> transitions(const date::time_zone& zone, sys_seconds from, sys_seconds to) {
    std::vector<transition> out;
    auto info = zone.get_info(from);
    if (info.begin > sys_seconds{}) {
        const auto before = zone.get_info(info.begin - seconds{1});
        out.push_back({info.begin, before.offset, info.offset, info.abbrev, info.save != std::chrono::minutes{0}});
    }
    for (int guard = 0; info.end < to && guard < 1000; ++guard) {
        const auto next = zone.get_info(info.end);
        out.push_back({info.end, info.offset, next.offset, next.abbrev, next.save != std::chrono::minutes{0}});
        info = next;
    }
    return out;
}

}  // namespace

void append_vtimezone(std::string& out, const date::time_zone& zone, sys_seconds from, sys_seconds to) {
    const auto margin = std::chrono::days{366};
    const auto all = transitions(zone, from - margin, to + margin);
    append_line(out, "BEGIN", "VTIMEZONE");
    append_line(out, "TZID", param_value(zone.name()));
    if (all.empty()) {
        const auto info = zone.get_info(from);
        append_block(out, {{{sys_seconds{} - info.offset, info.offset, info.offset, info.abbrev, false}}, {}}, false);
    }
    // A rule in force until the end of the data (the tz files end in 2037) continues: no UNTIL.
    const sys_seconds data_end = all.empty() ? sys_seconds{} : all.back().at;
    for (bool dst : {false, true})
        for (const auto& r : runs_of(all, dst))
            append_block(out, r, r.items.back().at + margin > data_end && data_end + margin > to);
    append_line(out, "END", "VTIMEZONE");
}

}  // namespace tp::calendar
