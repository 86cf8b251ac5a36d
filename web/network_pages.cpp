#include "web/layout.hpp"
#include "web/pages.hpp"

namespace tp::web {
namespace {

html contact(const calendar::network& n) {
    html out = text(n.contact_name);
    if (!n.contact_email.empty()) {
        if (!n.contact_name.empty()) out += raw_html("<br>");
        out += link("mailto:" + n.contact_email, text(n.contact_email));
    }
    return out;
}

}  // namespace

html network_list_page(const page_context& ctx, std::span<const calendar::network> networks) {
    const auto& s = strings_for(ctx.language);
    html items;
    for (const auto& n : networks) {
        html body = tag("h2", link(href(ctx, "/networks/" + n.slug), text(n.name)));
        if (!n.region.empty()) body += tag("p", {{"class", "meta"}}, text(n.region));
        items += tag("li", body);
    }
    return layout(ctx, {std::string(s.networks), "", ""},
                  tag("h1", text(s.networks)) + tag("ul", {{"class", "events"}}, items));
}

html network_page(const page_context& ctx, const calendar::network& n, std::span<const calendar::event> upcoming,
                  const seat_map& seats) {
    const auto& s = strings_for(ctx.language);
    const std::string feed = "/networks/" + n.slug + "/calendar.ics";
    html facts;
    if (!n.region.empty()) facts += tag("dt", text(s.region)) + tag("dd", text(n.region));
    if (!n.website.empty())
        facts += tag("dt", text(s.website)) +
                 tag("dd", tag("a", {{"href", n.website}, {"rel", "noopener"}}, text(n.website)));
    if (!n.contact_name.empty() || !n.contact_email.empty())
        facts += tag("dt", text(s.contact)) + tag("dd", contact(n));
    html body = tag("h1", text(n.name)) + tag("dl", {{"class", "facts"}}, facts);
    if (!n.description.empty()) body += tag("p", text(n.description));
    body += tag("h2", text(s.events_of_network)) + event_items(ctx, upcoming, seats, {});
    body += subscribe_box(ctx, feed, n.name);
    const auto summary = n.description.empty() ? n.region : utf8_prefix(n.description, 160);
    return layout(ctx,
                  {.title = n.name,
                   .feed_url = feed,
                   .description = utf8_prefix(n.description, 160),
                   .card = share_card{n.name, summary, ctx.base_url + "/networks/" + n.slug}},
                  body);
}

html error_page(const page_context& ctx, int status, std::string_view message) {
    const auto& s = strings_for(ctx.language);
    const bool de = ctx.language == lang::de;
    std::string title(status == 404 ? s.not_found_title : s.bad_request_title);
    std::string text_shown(status == 404 && message.empty() ? s.not_found_text : message);
    if (status == 503) title = de ? "Einen Moment bitte" : "One moment, please";
    if (status == 409) title = de ? "Nicht möglich" : "Not possible";
    if (status == 422) title = de ? "Nicht angenommen" : "Not accepted";
    if (status == 500) title = de ? "Ein Fehler ist aufgetreten" : "Something went wrong";
    if (status == 403) {
        title = de ? "Kein Zugriff" : "No access";
        if (message.empty())
            text_shown = de ? "Das gehört zu einem Netzwerk, das Sie nicht betreuen."
                            : "This belongs to a network you do not look after.";
    }
    html body = tag("h1", text(title));
    body += tag("p", text(text_shown));
    body += tag("p", link(href(ctx, "/"), text(s.back_home)));
    return layout(ctx, {title, "", ""}, body);
}

}  // namespace tp::web
