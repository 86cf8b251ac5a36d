#include "web/public_events_json.hpp"

#include <date/date.h>

#include "calendar/zoned.hpp"
#include "web/dates.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;

json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::value utc_or_null(const std::optional<calendar::sys_seconds>& t) {
    return t ? json::value(date::format("%FT%TZ", *t)) : json::value(nullptr);
}

json::object registration_json(const calendar::event& e, const seat_info* seats) {
    const bool limited = e.capacity.has_value();
    return {{"opens", utc_or_null(e.registration_opens)},
            {"closes", utc_or_null(e.registration_closes)},
            {"capacity", limited ? json::value(*e.capacity) : json::value(nullptr)},
            {"seats_left", limited && seats && seats->left ? json::value(*seats->left)
                           : limited                       ? json::value(*e.capacity)
                                                           : json::value(nullptr)},
            {"waitlist", seats && seats->waitlist}};
}

}  // namespace

json::object public_event_json(const calendar::event& e, const seat_info* seats, std::string_view base_url) {
    const std::string base(base_url);
    const auto* zone = calendar::find_zone(e.time_zone);
    const auto& z = zone ? *zone : *date::locate_zone("Etc/UTC");
    json::value series = nullptr;
    if (e.series_slug)
        series = json::object{{"slug", *e.series_slug},
                              {"title", e.series_title.value_or("")},
                              {"url", base + "/series/" + *e.series_slug}};
    return {{"slug", e.slug},
            {"url", base + "/events/" + e.slug},
            {"ics", base + "/events/" + e.slug + ".ics"},
            {"title", e.title},
            {"description", e.description},
            {"kind", calendar::to_string(e.kind)},
            {"status", calendar::to_string(e.status)},
            {"start", iso_with_offset(e.start, z)},
            {"end", iso_with_offset(e.end, z)},
            {"time_zone", e.time_zone},
            {"all_day", e.all_day},
            {"attendance", calendar::to_string(e.format)},
            {"venue", text_or_null(e.venue)},
            {"address", text_or_null(e.address)},
            {"info_url", e.info_url ? json::value(*e.info_url) : json::value(nullptr)},
            {"network",
             {{"slug", e.network_slug}, {"name", e.network_name}, {"url", base + "/networks/" + e.network_slug}}},
            {"series", series},
            {"registration", registration_json(e, seats)},
            {"updated", date::format("%FT%TZ", e.updated_at)}};
}

std::string public_events_document(const public_events_page& p, std::string_view base_url) {
    json::array events;
    for (const auto& e : p.shown) {
        const auto found = p.seats.find(e.id);
        events.push_back(public_event_json(e, found == p.seats.end() ? nullptr : &found->second, base_url));
    }
    return json::serialize(json::object{{"events", std::move(events)},
                                        {"page", p.page},
                                        {"pages", p.pages},
                                        {"per_page", p.per_page},
                                        {"total", p.total},
                                        {"next", p.next.empty() ? json::value(nullptr) : json::value(p.next)}});
}

}  // namespace tp::web
