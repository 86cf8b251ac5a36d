#include "web/atom_feed.hpp"

#include <date/date.h>

#include <algorithm>

#include "web/dates.hpp"
#include "web/xml_text.hpp"

namespace tp::web {
namespace {

std::string stamp(calendar::sys_seconds t) { return date::format("%FT%TZ", t); }

// When, where, and (cancelled) that it is off: the line a reader shows before the description.
std::string summary_of(const calendar::event& e, lang l) {
    std::string out = format_when(e, l);
    const auto& place = e.venue.empty() ? e.address : e.venue;
    out += " · " + (place.empty() ? std::string(format_name(e.format, l)) : place);
    if (e.status == calendar::event_status::cancelled) out = std::string(strings_for(l).cancelled_notice) + " " + out;
    return out;
}

void append_entry(std::string& out, const calendar::event& e, const std::string& base, lang l) {
    const auto page = base + "/events/" + e.slug;
    out += "<entry><id>" + xml_text(page) + "</id><title>" + xml_text(e.title) + "</title>";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(page) + "\"/>";
    out += "<link rel=\"related\" type=\"text/calendar\" href=\"" + xml_text(page + ".ics") + "\"/>";
    out += "<published>" + stamp(e.created_at) + "</published><updated>" + stamp(e.updated_at) + "</updated>";
    out += "<author><name>" + xml_text(e.network_name) + "</name><uri>" +
           xml_text(base + "/networks/" + e.network_slug) + "</uri></author>";
    out += "<category term=\"" + xml_text(calendar::to_string(e.kind)) + "\" label=\"" +
           xml_text(kind_name(e.kind, l)) + "\"/>";
    out += "<summary>" + xml_text(summary_of(e, l)) + "</summary>";
    if (!e.description.empty()) out += "<content type=\"text\">" + xml_text(e.description) + "</content>";
    out += "</entry>\n";
}

}  // namespace

std::string atom_title(lang l, std::string_view network_name) {
    const std::string who = network_name.empty() ? std::string(strings_for(l).site_name) : std::string(network_name);
    return who + (l == lang::de ? ": neue und geänderte Veranstaltungen" : ": new and changed events");
}

std::string atom_xml(const atom_feed& feed, std::span<const calendar::event> events, std::string_view base_url, lang l,
                     calendar::sys_seconds empty_since) {
    const std::string base(base_url);
    auto updated = empty_since;
    if (!events.empty())
        updated = std::max_element(events.begin(), events.end(), [](const auto& a, const auto& b) {
                      return a.updated_at < b.updated_at;
                  })->updated_at;
    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
        std::string(code(l)) + "\">\n";
    out += "<id>" + xml_text(base + feed.self_path) + "</id><title>" + xml_text(feed.title) + "</title>";
    out += "<updated>" + stamp(updated) + "</updated>";
    out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(base + feed.self_path) + "\"/>";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(base + feed.alternate_path) + "\"/>";
    out += "<generator>Treffpunkt</generator>\n";
    for (const auto& e : events) append_entry(out, e, base, l);
    out += "</feed>\n";
    return out;
}

}  // namespace tp::web
