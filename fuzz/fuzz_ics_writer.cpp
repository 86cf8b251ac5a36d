// The iCalendar writer against a real parser: libical (Debian libical-dev, the parser behind Evolution) reads the
// feed we write for an event whose texts come from the input, and must read back exactly those texts, after the
// changes calendar text must make (line breaks become \n, other control characters go, tabs become spaces,
// invalid UTF-8 becomes U+FFFD, blanks at the ends go). This covers escaping, folding at 75 octets and UTF-8 at the
// fold.
#include <libical/ical.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/ics_text.hpp"
#include "calendar/ics_writer.hpp"
#include "calendar/zoned.hpp"
#include "check.hpp"

namespace {

// What a calendar shows of `raw`: the writer's documented normalisation, written out separately here.
std::string shown(std::string_view raw) {
    const std::string text = tp::calendar::valid_utf8(raw);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: the LF counts
        if (c == '\r' || c == '\n')
            out += '\n';
        else if (c == '\t')
            out += ' ';
        else if (c >= 0x20 && c != 0x7F)
            out += static_cast<char>(c);
    }
    const auto first = out.find_first_not_of(' ');  // blanks at the ends are not kept
    return first == std::string::npos ? std::string{} : out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// The input's pieces between NUL bytes: title, description, venue, feed name. Titles and feed names are never
// empty (the store requires them; libical drops a property with an empty value), so an empty one becomes "x".
std::vector<std::string> pieces(std::string_view data) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < 4; ++i) {
        const auto nul = data.find('\0');
        out.emplace_back(data.substr(0, nul));
        data = nul == std::string_view::npos ? std::string_view{} : data.substr(nul + 1);
    }
    for (const std::size_t required : {std::size_t{0}, std::size_t{3}})
        if (shown(out[required]).empty()) out[required] += 'x';
    return out;
}

tp::calendar::event event_of(const std::vector<std::string>& p) {
    tp::calendar::event e;
    e.id = 1;
    e.uid = "fuzz@treffpunkt.test";
    e.slug = "fuzz";
    e.title = p[0];
    e.description = p[1];
    e.venue = p[2];
    const auto& berlin = *tp::calendar::find_zone("Europe/Berlin");
    e.start = tp::calendar::resolve_local(tp::calendar::parse_local_date_time("2027-09-20T10:00"), berlin);
    e.end = e.start + std::chrono::hours{2};
    e.created_at = e.start - std::chrono::hours{24};
    e.updated_at = e.created_at;
    return e;
}

std::string text_or_empty(const char* s) { return s == nullptr ? std::string{} : std::string{s}; }

std::string calendar_name(icalcomponent* calendar) {
    for (auto* p = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY); p != nullptr;
         p = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY))
        if (std::string_view(icalproperty_get_x_name(p)) == "X-WR-CALNAME") return text_or_empty(icalproperty_get_x(p));
    return "(none)";
}

void check_read_back(const std::string& ics, const std::vector<std::string>& p, const std::string& url) {
    using tp::fuzz::require;
    icalcomponent* calendar = icalparser_parse_string(ics.c_str());
    require(calendar != nullptr, "libical parses the feed");
    icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
    require(event != nullptr, "the feed holds the event");
    require(text_or_empty(icalcomponent_get_summary(event)) == shown(p[0]), "SUMMARY reads back");
    const std::string description = p[1].empty() ? url : p[1] + "\n\n" + url;
    require(text_or_empty(icalcomponent_get_description(event)) == shown(description), "DESCRIPTION reads back");
    require(text_or_empty(icalcomponent_get_location(event)) == shown(p[2]), "LOCATION reads back");
    require(calendar_name(calendar) == shown(p[3]), "X-WR-CALNAME reads back");
    icalcomponent_free(calendar);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    icalerror_set_errors_are_fatal(0);
    const auto p = pieces(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::vector<tp::calendar::event> events{event_of(p)};
    const tp::calendar::feed_info feed{.name = p[3], .base_url = "https://treffpunkt.test"};
    const auto ics = tp::calendar::write_ics(feed, events);
    for (std::size_t start = 0; start < ics.size();) {  // every physical line: at most 75 octets and CRLF
        const auto end = ics.find("\r\n", start);
        tp::fuzz::require(end != std::string::npos && end - start <= 75, "lines are folded at 75 octets");
        start = end + 2;
    }
    check_read_back(ics, p, tp::calendar::event_url(feed.base_url, events.front()));
    return 0;
}
