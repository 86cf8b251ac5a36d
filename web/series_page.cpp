#include "calendar/rrule.hpp"
#include "calendar/zoned.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"
#include "web/rrule_text.hpp"
#include "web/series_changes.hpp"

namespace tp::web {
namespace {

html fact(std::string_view term, const html& value) { return tag("dt", text(term)) + tag("dd", value); }

std::string schedule_of(const calendar::series& s, lang l) {
    try {
        return describe_rule(calendar::parse_rrule(s.rule), s.first_start, s.duration, false, l);
    } catch (const calendar::invalid_rrule&) {
        return s.rule;  // stored rules were checked on import; show the text rather than nothing
    }
}

html place_of(const calendar::series& s, lang l) {
    if (s.format == calendar::event_format::online) return text(strings_for(l).online);
    std::string where = s.venue;
    if (!s.address.empty()) where += (where.empty() ? "" : ", ") + s.address;
    if (s.format == calendar::event_format::hybrid) where += (where.empty() ? "" : " + ") + std::string("Online");
    return text(where);
}

}  // namespace

html series_page(const page_context& ctx, const calendar::series& s, const calendar::network& n,
                 std::span<const calendar::event> upcoming, const seat_map& seats) {
    const auto& str = strings_for(ctx.language);
    const std::string feed = "/series/" + s.slug + ".ics";
    html body = tag("p", {{"class", "meta"}},
                    tag("span", {{"class", "badge"}}, text(str.series)) + text(" ") +
                        tag("span", {{"class", "badge"}}, text(kind_name(s.kind, ctx.language))));
    body += tag("h1", text(s.title));
    if (s.status == calendar::event_status::cancelled)
        body += tag("p", {{"class", "notice cancelled"}, {"role", "status"}}, text(str.cancelled_notice));
    html facts = fact(str.schedule, text(schedule_of(s, ctx.language))) + fact(str.where, place_of(s, ctx.language)) +
                 fact(str.organised_by, link(href(ctx, "/networks/" + n.slug), text(n.name)));
    if (s.time_zone != "Europe/Berlin") facts += fact(str.time_zone_note, text(s.time_zone));
    body += tag("dl", {{"class", "facts"}}, facts);
    if (!s.description.empty()) body += tag("p", text(s.description));
    body += series_changes(ctx, s);
    body += tag("h2", text(str.upcoming_dates));
    body += upcoming.empty() ? tag("p", text(str.no_upcoming_dates))
                             : event_items(ctx, upcoming, seats, {.every_seat_count = true});
    body += subscribe_box(ctx, feed, s.title);
    const auto when = schedule_of(s, ctx.language);
    return layout(
        ctx,
        {.title = s.title,
         .feed_url = feed,
         .description = utf8_prefix(s.description, 160),
         .card = share_card{s.title, s.description.empty() ? when : when + " — " + utf8_prefix(s.description, 160),
                            ctx.base_url + "/series/" + s.slug}},
        body);
}

}  // namespace tp::web
