#include "web/schedule_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include <date/date.h>

#include "calendar/session_ics.hpp"
#include "calendar/zoned.hpp"
#include "web/barcamp_parts.hpp"
#include "web/dates.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;
using calendar::sys_seconds;

std::string two_digits(long long n) {
    return std::string(1, static_cast<char>('0' + n / 10 % 10)) + static_cast<char>('0' + n % 10);
}

// HH:MM for a time of day or a duration (hours beyond 99 are not expected: slots lie within a barcamp).
std::string hours_minutes(std::chrono::seconds s) {
    const auto total = std::chrono::duration_cast<std::chrono::minutes>(s).count();
    return two_digits(total / 60) + ":" + two_digits(total % 60);
}

json::object session_object(const calendar::barcamp_session& s, const calendar::grid_room& room,
                            const calendar::grid_slot& slot, const date::time_zone& zone, const std::string& page,
                            const std::string& language) {
    const auto local = calendar::to_local(slot.start, zone);
    json::array persons;
    if (!s.host.empty()) persons.push_back(json::object{{"public_name", s.host}, {"name", s.host}});
    return json::object{
        {"guid", session_guid(s.uid)},
        {"id", s.id},
        {"date", iso_with_offset(slot.start, zone)},
        {"start", hours_minutes(local - date::floor<date::days>(local))},
        {"duration", hours_minutes(slot.end - slot.start)},
        {"room", room.name},
        {"slug", "session-" + std::to_string(s.id)},
        {"url", page + "#session-" + std::to_string(s.id)},
        {"title", s.title},
        {"subtitle", ""},
        {"track", nullptr},
        {"type", std::string(calendar::to_string(s.kind))},
        {"language", language},
        {"abstract", s.description},
        {"description", ""},
        {"logo", nullptr},
        {"persons", std::move(persons)},
        {"links", json::array{}},
        {"attachments", json::array{}},
        {"do_not_record", true},
    };
}

}  // namespace

std::string session_guid(std::string_view uid) {
    std::string hex;
    for (const char c : uid)
        if (std::isxdigit(static_cast<unsigned char>(c)) && hex.size() < 32) hex += static_cast<char>(std::tolower(c));
    hex.resize(32, '0');
    hex[12] = '4';                                                          // version 4
    hex[16] = "89ab"[std::stoi(std::string(1, hex[16]), nullptr, 16) & 3];  // RFC 4122 variant
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}

std::string schedule_json(const calendar::event& barcamp, const calendar::programme& p, std::string_view base_url,
                          sys_seconds changed) {
    const auto& zone = barcamp::zone_of(barcamp);
    const auto page = calendar::plan_url(base_url, barcamp);
    const auto first_day = calendar::local_day_of(barcamp.start, zone);
    const auto last_day = calendar::local_day_of(barcamp.end - std::chrono::seconds{1}, zone);
    json::array days, rooms;
    for (const auto& r : p.rooms)
        rooms.push_back(json::object{
            {"name", r.name}, {"guid", session_guid("room" + std::to_string(r.id))}, {"capacity", r.capacity}});
    int index = 0;
    for (auto day = first_day; day <= last_day; day += date::days{1}) {
        const auto from = std::max(barcamp.start, calendar::start_of_day(day, zone));
        const auto to = std::min(barcamp.end, calendar::start_of_day(day + date::days{1}, zone));
        json::object by_room;
        for (const auto& r : p.rooms) by_room[r.name] = json::array{};
        for (const auto& s : p.sessions) {
            if (!calendar::is_scheduled(p, s)) continue;
            const auto& slot = *calendar::find_slot(p, *s.slot);
            if (calendar::local_day_of(slot.start, zone) != day) continue;
            const auto& room = *calendar::find_room(p, *s.room);
            by_room[room.name].as_array().push_back(session_object(s, room, slot, zone, page, "de"));
        }
        for (auto& [name, list] : by_room)
            std::sort(list.as_array().begin(), list.as_array().end(), [](const json::value& a, const json::value& b) {
                return a.at("date").as_string() < b.at("date").as_string();
            });
        days.push_back(json::object{{"index", ++index},
                                    {"date", calendar::format_iso_date(day)},
                                    {"day_start", iso_with_offset(from, zone)},
                                    {"day_end", iso_with_offset(to, zone)},
                                    {"rooms", std::move(by_room)}});
    }
    json::object conference{
        {"acronym", barcamp.slug},
        {"title", barcamp.title},
        {"start", iso_with_offset(barcamp.start, zone)},
        {"end", iso_with_offset(barcamp.end, zone)},
        {"daysCount", index},
        {"timeslot_duration", "00:15"},
        {"time_zone_name", zone.name()},
        {"url", calendar::event_url(base_url, barcamp)},
        {"rooms", std::move(rooms)},
        {"days", std::move(days)},
    };
    const json::object doc{
        {"$schema", "https://c3voc.de/schedule/schema.json"},
        {"generator", json::object{{"name", "Treffpunkt"}}},
        {"schedule", json::object{{"version", calendar::format_utc(changed)},
                                  {"base_url", std::string(base_url) + "/"},
                                  {"conference", std::move(conference)}}},
    };
    return json::serialize(doc);
}

}  // namespace tp::web
