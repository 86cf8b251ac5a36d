#include "calendar/zoned.hpp"
#include "web/dates.hpp"
#include "web/fill.hpp"
#include "web/subscribe_links.hpp"
#include "web/pages.hpp"

namespace tp::web {
namespace {

std::string place_of(const calendar::event& e, lang l) {
    if (e.format == calendar::event_format::online) return std::string(strings_for(l).online);
    std::string place = e.venue.empty() ? e.address : e.venue;
    if (e.format == calendar::event_format::hybrid) place += (place.empty() ? "" : " + ") + std::string("Online");
    return place;
}

// "ausgebucht – Warteliste", "noch 3 Plätze" (or every count on a series page); nothing without a limit.
html availability(const page_context& ctx, const calendar::event& e, const seat_map& seats, bool every_count) {
    const auto& s = strings_for(ctx.language);
    const auto found = seats.find(e.id);
    if (found == seats.end() || e.status != calendar::event_status::published) return {};
    if (found->second.waitlist)
        return text(" · ") + tag("span", {{"class", "badge full"}}, text(s.full_waitlist_badge));
    const auto left = found->second.left;
    if (!left || !e.capacity || (!every_count && !few_left(*left, *e.capacity))) return {};
    const auto words =
        every_count ? (*left == 1 ? s.seats_free_one : s.seats_free) : (*left == 1 ? s.seats_few_one : s.seats_few);
    return text(" · ") + tag("span", {{"class", "seats"}}, text(fill(words, {{"n", std::to_string(*left)}})));
}

html item(const page_context& ctx, const calendar::event& e, const seat_map& seats, bool every_count) {
    const auto& s = strings_for(ctx.language);
    const bool cancelled = e.status == calendar::event_status::cancelled;
    html meta = tag("span", {{"class", "badge"}}, text(kind_name(e.kind, ctx.language))) + text(" · " + e.network_name);
    if (const auto place = place_of(e, ctx.language); !place.empty()) meta += text(" · " + place);
    meta += availability(ctx, e, seats, every_count);
    html body = tag("h3", link(href(ctx, "/events/" + e.slug), text(e.title)));
    body += tag(
        "p", {{"class", "when"}},
        tag("time", {{"datetime", calendar::format_iso_local(date::local_seconds{e.start.time_since_epoch()}) + "Z"}},
            text(format_when(e, ctx.language))));
    body += tag("p", {{"class", "meta"}}, meta);
    if (cancelled) body += tag("p", tag("span", {{"class", "badge cancelled"}}, text(s.cancelled)));
    return tag("li", {{"class", cancelled ? "cancelled-event" : "event"}}, tag("article", body));
}

}  // namespace

html event_items(const page_context& ctx, std::span<const calendar::event> events, const seat_map& seats,
                 item_options options) {
    if (events.empty()) return tag("p", text(strings_for(ctx.language).no_events));
    html out, items;
    std::optional<date::year_month> month;
    for (const auto& e : events) {
        if (options.group_by_month && month != month_of(e)) {
            if (month) out += tag("ul", {{"class", "events"}}, items);
            items = html{};
            month = month_of(e);
            out += tag("h2", text(format_month(*month, ctx.language)));
        }
        items += item(ctx, e, seats, options.every_seat_count);
    }
    return out + tag("ul", {{"class", "events"}}, items);
}

// One click for the common calendars, the address to copy (a script from our origin adds the button), and the
// steps by hand. `title` names the calendar in Outlook.
html subscribe_box(const page_context& ctx, std::string_view feed, std::string_view title) {
    const auto& s = strings_for(ctx.language);
    const std::string https = ctx.base_url + std::string(feed);
    const auto out_link = [](const std::string& url, std::string_view words) {
        return tag("li", tag("a", {{"href", url}, {"rel", "noopener"}}, text(words)));
    };
    html body = tag("h2", {{"id", "subscribe"}}, text(s.subscribe)) + tag("p", text(s.subscribe_hint));
    body +=
        tag("ul", {{"class", "actions"}},
            tag("li", link(webcal_url(ctx.base_url, feed), text(s.subscribe_apple))) +
                out_link(google_subscribe_url(ctx.base_url, feed), s.subscribe_google) +
                out_link(outlook_subscribe_url("outlook.live.com", ctx.base_url, feed, title), s.subscribe_outlook) +
                out_link(outlook_subscribe_url("outlook.office.com", ctx.base_url, feed, title), s.subscribe_office));
    body += tag(
        "div", {{"class", "field copy"}},
        tag("label", {{"for", "feed-url"}}, text(s.subscribe_https)) +
            tag("div", {{"class", "copy-row"}},
                void_tag("input", {{"id", "feed-url"}, {"type", "text"}, {"readonly", "readonly"}, {"value", https}}) +
                    tag("button",
                        {{"type", "button"},
                         {"data-copy", "feed-url"},
                         {"data-done", s.copied},
                         {"class", "secondary"},
                         {"hidden", "hidden"}},
                        text(s.copy))));
    body += tag("details", tag("summary", text(s.howto_title)) +
                               tag("ul", tag("li", text(s.howto_google)) + tag("li", text(s.howto_outlook)) +
                                             tag("li", text(s.howto_apple))));
    return tag("section", {{"class", "subscribe"}, {"aria-labelledby", "subscribe"}}, body);
}

}  // namespace tp::web
