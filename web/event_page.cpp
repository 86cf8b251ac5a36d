#include "calendar/ics_writer.hpp"
#include "web/dates.hpp"
#include "web/layout.hpp"
#include "web/pages.hpp"
#include "web/event_structured_data.hpp"

namespace tp::web {
namespace {

html fact(std::string_view term, const html& value) { return tag("dt", text(term)) + tag("dd", value); }

html place(const page_context& ctx, const calendar::event& e) {
    const auto& s = strings_for(ctx.language);
    html where;
    if (e.format != calendar::event_format::online) {
        if (!e.venue.empty()) where += text(e.venue);
        if (!e.address.empty()) where += (e.venue.empty() ? html{} : raw_html("<br>")) + text(e.address);
    }
    if (e.format != calendar::event_format::in_person) {
        if (e.format == calendar::event_format::hybrid) where += raw_html("<br>");
        where += text(s.online);
    }
    return where;
}

html registration_facts(const page_context& ctx, const calendar::event& e) {
    const auto& s = strings_for(ctx.language);
    html out;
    out += fact(s.seats, text(e.capacity ? std::to_string(*e.capacity) : std::string(s.seats_unlimited)));
    if (e.registration_opens)
        out += fact(s.registration_opens, text(format_instant(*e.registration_opens, e.time_zone, ctx.language)));
    if (e.registration_closes)
        out += fact(s.registration_closes, text(format_instant(*e.registration_closes, e.time_zone, ctx.language)));
    return out;
}

// Paragraphs from blank-line separated text; single newlines become line breaks.
html paragraphs(std::string_view t) {
    html out, para;
    bool has = false;
    std::size_t pos = 0;
    while (pos <= t.size()) {
        const auto eol = std::min(t.find('\n', pos), t.size());
        auto line = t.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            if (has) out += tag("p", para);
            para = html{};
            has = false;
        } else {
            if (has) para += raw_html("<br>");
            para += text(line);
            has = true;
        }
        pos = eol + 1;
    }
    if (has) out += tag("p", para);
    return out;
}

html calendar_actions(const page_context& ctx, const calendar::event& e) {
    const auto& s = strings_for(ctx.language);
    const std::string ics = "/events/" + e.slug + ".ics";
    const std::string page_url = calendar::event_url(ctx.base_url, e);
    html items =
        tag("li", tag("a", {{"href", ics}, {"download", e.slug + ".ics"}}, text(s.download_ics))) +
        tag("li", link(webcal_url(ctx.base_url, ics), text(s.subscribe_webcal))) +
        tag("li", tag("a", {{"href", google_calendar_url(e, page_url)}, {"rel", "noopener"}}, text(s.google_calendar)));
    return tag("section", {{"aria-labelledby", "add"}},
               tag("h2", {{"id", "add"}}, text(s.add_to_calendar)) + tag("ul", {{"class", "actions"}}, items));
}

}  // namespace

html event_page(const page_context& ctx, const calendar::event& e, const calendar::network& n, const html& registration,
                const seat_info& seats) {
    const auto& s = strings_for(ctx.language);
    html body = tag("p", {{"class", "meta"}}, tag("span", {{"class", "badge"}}, text(kind_name(e.kind, ctx.language))));
    body += tag("h1", text(e.title));
    if (e.status == calendar::event_status::cancelled)
        body += tag("p", {{"class", "notice cancelled"}, {"role", "status"}}, text(s.cancelled_notice));
    else if (e.end < ctx.now)
        body += tag("p", {{"class", "notice"}}, text(s.past_event));
    html facts = fact(s.when, text(format_when(e, ctx.language))) + fact(s.where, place(ctx, e)) +
                 fact(s.format, text(format_name(e.format, ctx.language))) +
                 fact(s.organised_by, link(href(ctx, "/networks/" + n.slug), text(n.name)));
    if (e.series_slug)
        facts +=
            fact(s.part_of_series, link(href(ctx, "/series/" + *e.series_slug), text(e.series_title.value_or(""))));
    body += tag("dl", {{"class", "facts"}}, facts + registration_facts(ctx, e));
    body += paragraphs(e.description);
    if (e.kind == calendar::event_kind::barcamp)
        body += tag("p",
                    link(href(ctx, "/events/" + e.slug + "/sessions"),
                         text(ctx.language == lang::de ? "Sessionplan und Vorschläge" : "Session plan and proposals")));
    body += registration;
    if (e.info_url) body += tag("p", tag("a", {{"href", *e.info_url}, {"rel", "noopener"}}, text(s.more_information)));
    body += calendar_actions(ctx, e);
    const auto page = ctx.base_url + "/events/" + e.slug;
    return layout(ctx,
                  {.title = e.title,
                   .feed_url = "/events/" + e.slug + ".ics",
                   .description = utf8_prefix(e.description, 160),
                   .card = share_card{e.title, event_card_description(e, ctx.language), page},
                   .json_ld = event_json_ld(e, n, seats, ctx.base_url)},
                  body);
}

}  // namespace tp::web
