#include "web/links.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "calendar/zoned.hpp"
#include "web/url_text.hpp"

namespace tp::web {

std::string percent_encode(std::string_view s) {
    return boost::urls::encode(url_text(s), boost::urls::unreserved_chars);
}

std::string href(const page_context& ctx, std::string_view path, std::string_view query) {
    std::string out(path);
    std::string q(query);
    if (ctx.lang_in_query) q += (q.empty() ? "lang=" : "&lang=") + std::string(code(ctx.language));
    if (!q.empty()) out += "?" + q;
    return out;
}

std::string switch_language_href(const page_context& ctx) {
    const lang other = ctx.language == lang::de ? lang::en : lang::de;
    std::string q = ctx.filter_query;
    q += (q.empty() ? "lang=" : "&lang=") + std::string(code(other));
    return ctx.path + "?" + q;
}

std::string webcal_url(std::string_view base_url, std::string_view path_and_query) {
    const auto scheme_end = base_url.find("://");
    const auto rest = scheme_end == std::string_view::npos ? base_url : base_url.substr(scheme_end + 3);
    return "webcal://" + std::string(rest) + std::string(path_and_query);
}

namespace {

std::string location_of(const calendar::event& e) {
    std::string location = e.venue;
    if (!e.address.empty()) location += (location.empty() ? "" : ", ") + e.address;
    return location;
}

}  // namespace

std::string google_calendar_url(const calendar::event& e, std::string_view page_url) {
    std::string dates;
    if (e.all_day) {
        const auto* zone = calendar::find_zone(e.time_zone);
        const auto& z = zone ? *zone : *date::locate_zone("Etc/UTC");
        dates = calendar::format_date(calendar::local_day_of(e.start, z)) + "/" +
                calendar::format_date(calendar::local_day_of(e.end, z));
    } else {
        dates = calendar::format_utc(e.start) + "/" + calendar::format_utc(e.end);
    }
    std::string details = std::string(page_url);
    if (!e.description.empty()) details = e.description.substr(0, 1000) + "\n\n" + details;
    return "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + percent_encode(e.title) +
           "&dates=" + dates + "&details=" + percent_encode(details) + "&location=" + percent_encode(location_of(e)) +
           "&ctz=" + percent_encode(e.time_zone);
}

std::string outlook_event_url(std::string_view host, const calendar::event& e, std::string_view page_url) {
    const auto utc = [](calendar::sys_seconds t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); };
    return "https://" + std::string(host) +
           "/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject=" +
           percent_encode(e.title) + "&startdt=" + utc(e.start) + "&enddt=" + utc(e.end) +
           (e.all_day ? "&allday=true" : "") + "&location=" + percent_encode(location_of(e)) +
           "&body=" + percent_encode(page_url);
}

}  // namespace tp::web
