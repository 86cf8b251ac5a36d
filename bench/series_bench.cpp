// Benchmark (not a test): expansion of 1,000 series over two years, and building /calendar.ics for 200 series
// with overrides. Prints times and peak memory; writes the 1,000 series as one VCALENDAR to argv[1] so a
// reference expander (bench/series.sh: python3-recurring-ical-events) can expand the same data.
#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <random>

#include "calendar/ics_writer.hpp"
#include "calendar/rrule_expand.hpp"
#include "calendar/zoned.hpp"

using namespace tp::calendar;

namespace {

const char* const rules[] = {"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TU",
                             "FREQ=MONTHLY;BYDAY=1WE",
                             "FREQ=WEEKLY",
                             "FREQ=WEEKLY;BYDAY=MO,WE,FR",
                             "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
                             "FREQ=DAILY;INTERVAL=3",
                             "FREQ=MONTHLY;BYMONTHDAY=-1",
                             "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                             "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                             "FREQ=MONTHLY;BYDAY=2TU,4TU"};

std::vector<series> make_series(std::size_t n) {
    std::mt19937 rng(2027);
    std::vector<series> out;
    for (std::size_t i = 0; i < n; ++i) {
        series s;
        s.uid = "bench-" + std::to_string(i) + "@treffpunkt";
        s.slug = "reihe-" + std::to_string(i);
        s.title = "Reihe " + std::to_string(i);
        s.rule = rules[i % std::size(rules)];
        s.duration = std::chrono::minutes{90};
        // A start the rule produces: the first occurrence after a random day in 2027.
        const auto rule = parse_rrule(s.rule);
        const auto& berlin = *find_zone("Europe/Berlin");
        auto day = parse_local_date("2027-01-01") + date::days{static_cast<int>(rng() % 300)};
        while (!starts_on_rule(rule, date::local_seconds{day} + std::chrono::hours{17})) day += date::days{1};
        s.first_start = date::local_seconds{day} + std::chrono::hours{17};
        const auto later = expand(rule, s.first_start, berlin, sys_seconds{}, sys_seconds::max(), 4);
        if (later.size() == 4) {
            s.exdates = {later[2].local};
            series_override moved;
            moved.original_start = later[3].local;
            moved.start = later[3].start + std::chrono::hours{48};
            moved.end = *moved.start + s.duration;
            moved.sequence = 1;
            series_override cancelled;
            cancelled.original_start = later[1].local;
            cancelled.status = event_status::cancelled;
            s.overrides = {cancelled, moved};
        }
        out.push_back(std::move(s));
    }
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

long peak_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
    const auto all = make_series(1000);
    const auto& berlin = *find_zone("Europe/Berlin");
    const auto from = resolve_local(parse_local_date_time("2027-01-01T00:00"), berlin);
    const auto to = from + std::chrono::days{730};
    std::size_t occurrences = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& s : all) occurrences += expand(parse_rrule(s.rule), s.first_start, berlin, from, to).size();
    const double expand_s = seconds_since(t0);

    const std::span<const series> two_hundred(all.data(), 200);
    const feed_info info{"Bench", "", "", "https://tp.example", false};
    const auto t1 = std::chrono::steady_clock::now();
    constexpr int builds = 20;
    std::size_t bytes = 0;
    for (int i = 0; i < builds; ++i) bytes = write_ics(info, {}, two_hundred).size();
    const double feed_s = seconds_since(t1) / builds;

    if (argc > 1) std::ofstream(argv[1], std::ios::binary) << write_ics(info, {}, all);
    std::cout << "expand_seconds " << expand_s << "\noccurrences " << occurrences << "\nfeed_build_seconds " << feed_s
              << "\nfeed_bytes " << bytes << "\npeak_kib " << peak_kib() << "\n";
}
