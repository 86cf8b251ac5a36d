#include "web/event_structured_data.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include <date/date.h>

#include "calendar/zoned.hpp"
#include "web/dates.hpp"
#include "web/html.hpp"

namespace tp::web {
namespace {

namespace json = boost::json;
constexpr std::string_view schema = "https://schema.org/";

const date::time_zone& zone_of(const calendar::event& e) {
    const auto* z = calendar::find_zone(e.time_zone);
    return z ? *z : *date::locate_zone("Etc/UTC");
}

// All-day events by their dates (the end is the first instant after the last day); others with the offset.
std::string when(const calendar::event& e, calendar::sys_seconds t, bool is_end) {
    if (!e.all_day) return iso_with_offset(t, zone_of(e));
    const auto day = calendar::local_day_of(is_end ? t - std::chrono::seconds{1} : t, zone_of(e));
    return date::format("%F", day);
}

std::string with_schema(std::string_view term) { return std::string(schema) + std::string(term); }

// A moved date of a series: it started at another wall time first.
bool rescheduled(const calendar::event& e) {
    return e.original_start_local && *e.original_start_local != (zone_of(e).to_local(e.start)).time_since_epoch();
}

std::string status_of(const calendar::event& e) {
    if (e.status == calendar::event_status::cancelled) return with_schema("EventCancelled");
    return with_schema(rescheduled(e) ? "EventRescheduled" : "EventScheduled");
}

std::string attendance_of(calendar::event_format f) {
    switch (f) {
        case calendar::event_format::online: return with_schema("OnlineEventAttendanceMode");
        case calendar::event_format::hybrid: return with_schema("MixedEventAttendanceMode");
        case calendar::event_format::in_person: break;
    }
    return with_schema("OfflineEventAttendanceMode");
}

json::object place_of(const calendar::event& e) {
    const auto a = split_address(e.address);
    json::object address{{"@type", "PostalAddress"}, {"streetAddress", a.street}};
    if (!a.postal_code.empty()) {
        address["postalCode"] = a.postal_code;
        address["addressLocality"] = a.locality;
        address["addressCountry"] = "DE";
    }
    return {{"@type", "Place"}, {"name", e.venue.empty() ? e.address : e.venue}, {"address", std::move(address)}};
}

json::value location_of(const calendar::event& e, const std::string& page) {
    const json::object online{{"@type", "VirtualLocation"}, {"url", page}};
    switch (e.format) {
        case calendar::event_format::online: return online;
        case calendar::event_format::hybrid: return json::array{place_of(e), online};
        case calendar::event_format::in_person: break;
    }
    return place_of(e);
}

std::string availability_of(const calendar::event& e, const seat_info& seats) {
    if (!e.capacity || !seats.left) return with_schema("InStock");
    if (*seats.left <= 0 || seats.waitlist) return with_schema("SoldOut");
    return with_schema(few_left(*seats.left, *e.capacity) ? "LimitedAvailability" : "InStock");
}

// JSON inside a script element must not end it, nor open a comment there.
std::string script_safe(std::string text) {
    for (std::size_t at = 0; (at = text.find('<', at)) != std::string::npos;) text.replace(at, 1, "\\u003c");
    return text;
}

}  // namespace

std::string utf8_prefix(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) return std::string(text);
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;  // not mid-character
    return std::string(text.substr(0, bytes));
}

postal_address split_address(std::string_view address) {
    const auto comma = address.rfind(", ");
    if (comma != std::string_view::npos) {
        const auto rest = address.substr(comma + 2);
        const bool code = rest.size() > 6 && rest[5] == ' ' &&
                          std::all_of(rest.begin(), rest.begin() + 5, [](char c) { return c >= '0' && c <= '9'; });
        if (code)
            return {std::string(address.substr(0, comma)), std::string(rest.substr(0, 5)), std::string(rest.substr(6))};
    }
    return {std::string(address), {}, {}};
}

std::string event_json_ld(const calendar::event& e, const calendar::network& n, const seat_info& seats,
                          std::string_view base_url) {
    const std::string base(base_url);
    const auto page = base + "/events/" + e.slug;
    json::object offer{{"@type", "Offer"},
                       {"price", 0},
                       {"priceCurrency", "EUR"},
                       {"url", page},
                       {"availability", availability_of(e, seats)}};
    if (e.registration_opens) offer["validFrom"] = date::format("%FT%TZ", *e.registration_opens);
    json::object ld{{"@context", "https://schema.org"},
                    {"@type", "Event"},
                    {"name", e.title},
                    {"description", e.description},
                    {"url", page},
                    {"startDate", when(e, e.start, false)},
                    {"endDate", when(e, e.end, true)},
                    {"eventStatus", status_of(e)},
                    {"eventAttendanceMode", attendance_of(e.format)},
                    {"location", location_of(e, page)},
                    {"organizer", {{"@type", "Organization"}, {"name", n.name}, {"url", base + "/networks/" + n.slug}}},
                    {"offers", std::move(offer)}};
    if (rescheduled(e))
        ld["previousStartDate"] = iso_with_offset(
            zone_of(e).to_sys(date::local_seconds{*e.original_start_local}, date::choose::earliest), zone_of(e));
    if (e.series_slug)
        ld["superEvent"] = {{"@type", "EventSeries"},
                            {"name", e.series_title.value_or("")},
                            {"url", base + "/series/" + *e.series_slug}};
    return script_safe(json::serialize(ld));
}

std::string share_card_meta(const share_card& card, lang l) {
    const auto& s = strings_for(l);
    const auto meta = [](std::string_view kind, std::string_view name, std::string_view value) {
        return "<meta " + std::string(kind) + "=\"" + std::string(name) + "\" content=\"" + text(value).str() + "\">";
    };
    return meta("property", "og:type", "website") + meta("property", "og:title", card.title) +
           meta("property", "og:description", card.description) + meta("property", "og:url", card.url) +
           meta("property", "og:site_name", s.site_name) +
           meta("property", "og:locale", l == lang::de ? "de_DE" : "en_GB") + meta("name", "twitter:card", "summary") +
           meta("name", "twitter:title", card.title) + meta("name", "twitter:description", card.description);
}

std::string event_card_description(const calendar::event& e, lang l) {
    std::string out = format_when(e, l);
    const auto& place = e.venue.empty() ? e.address : e.venue;
    if (!place.empty())
        out += " · " + place;
    else if (e.format != calendar::event_format::in_person)
        out += " · " + std::string(format_name(e.format, l));
    if (!e.description.empty()) {
        const auto start = utf8_prefix(e.description, 160);
        out += " — " + start + (start.size() < e.description.size() ? "…" : "");
    }
    return out;
}

}  // namespace tp::web
