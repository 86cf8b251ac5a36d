#include "calendar/zoned.hpp"
#include "web/dates.hpp"
#include "web/fill.hpp"
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

date::year_month month_of(const calendar::event& e) {
    const auto* zone = calendar::find_zone(e.time_zone);
    const date::year_month_day ymd{zone ? calendar::local_day_of(e.start, *zone)
                                        : date::local_days{date::floor<date::days>(e.start).time_since_epoch()}};
    return ymd.year() / ymd.month();
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

html subscribe_box(const page_context& ctx, std::string_view feed) {
    const auto& s = strings_for(ctx.language);
    const std::string https = ctx.base_url + std::string(feed);
    html body = tag("h2", {{"id", "subscribe"}}, text(s.subscribe)) + tag("p", text(s.subscribe_hint));
    body +=
        tag("ul", {{"class", "actions"}}, tag("li", link(webcal_url(ctx.base_url, feed), text(s.subscribe_webcal))));
    body += tag("p", text(std::string(s.subscribe_https) + ": ") + tag("code", text(https)));
    return tag("section", {{"class", "subscribe"}, {"aria-labelledby", "subscribe"}}, body);
}

}  // namespace tp::web
