// Test tool: for RULE START ZONE YEARS prints JSON {"ics": a VCALENDAR with our VTIMEZONE and one recurring
// VEVENT, "instants": our expansion over YEARS years as UTC ISO strings}, for independent parsers to compare.
#include <boost/json.hpp>

#include <iostream>

#include "calendar/ics_text.hpp"
#include "calendar/rrule_expand.hpp"
#include "calendar/vtimezone.hpp"
#include "calendar/zoned.hpp"

using namespace tp::calendar;

namespace {

std::string iso_utc(sys_seconds t) { return format_iso_local(date::local_seconds{t.time_since_epoch()}) + ":00Z"; }

std::string calendar_text(const rrule& r, date::local_seconds first, const date::time_zone& zone, sys_seconds end) {
    std::string out;
    append_line(out, "BEGIN", "VCALENDAR");
    append_line(out, "VERSION", "2.0");
    append_line(out, "PRODID", "-//Treffpunkt//oracle//EN");
    append_vtimezone(out, zone, recurrence_instant(first, zone), end);
    append_line(out, "BEGIN", "VEVENT");
    append_line(out, "UID", "oracle@treffpunkt");
    append_line(out, "DTSTAMP", "20270101T000000Z");
    append_line(out, "DTSTART;TZID=" + param_value(zone.name()), format_local(first));
    append_line(out, "DURATION", "PT1H");
    append_line(out, "RRULE", to_string(r));
    append_line(out, "SUMMARY", "oracle");
    append_line(out, "END", "VEVENT");
    append_line(out, "END", "VCALENDAR");
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: rrule_oracle_tool RULE START ZONE YEARS\n";
        return 2;
    }
    try {
        const auto rule = parse_rrule(argv[1]);
        const auto first = parse_local_date_time(argv[2]);
        const auto* zone = find_zone(argv[3]);
        if (!zone) throw std::invalid_argument("unknown zone");
        const auto from = recurrence_instant(first, *zone);
        const auto to = from + std::chrono::days{365 * std::stoi(argv[4])};
        boost::json::array instants;
        for (const auto& o : expand(rule, first, *zone, from, to)) instants.emplace_back(iso_utc(o.start));
        std::cout << boost::json::serialize(boost::json::object{
            {"ics", calendar_text(rule, first, *zone, to)}, {"instants", instants}, {"to", iso_utc(to)}});
        return 0;
    } catch (const std::exception& ex) {
        std::cerr << ex.what() << "\n";
        return 1;
    }
}
