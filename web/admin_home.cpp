#include "web/admin_home.hpp"

#include "web/account_pages.hpp"
#include "web/admin_strings.hpp"
#include "web/dates.hpp"
#include "web/fill.hpp"
#include "web/layout.hpp"

namespace tp::web {
namespace {

html hidden(std::string_view name, std::string_view value) {
    return void_tag("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

html logout_form(const page_context& ctx, const std::string& csrf) {
    return tag("form", {{"method", "post"}, {"action", href(ctx, "/admin/logout")}, {"class", "inline"}},
               hidden("csrf", csrf) + tag("button", {{"type", "submit"}, {"class", "secondary"}},
                                          text(admin_strings_for(ctx.language).logout)));
}

// "12 von 30 Plätzen vergeben, davon 2 unbestätigt · 3 auf der Warteliste"
std::string seats_line(const managed_event& m, lang l) {
    const auto& s = admin_strings_for(l);
    const auto taken = std::to_string(m.confirmed + m.pending);
    auto line = m.event.capacity ? fill(s.seats_taken, {{"taken", taken}, {"total", std::to_string(*m.event.capacity)}})
                                 : fill(s.seats_unlimited, {{"taken", taken}});
    if (m.pending > 0) line += ", " + fill(s.unconfirmed_n, {{"n", std::to_string(m.pending)}});
    if (m.waiting > 0) line += " · " + fill(s.waiting_n, {{"n", std::to_string(m.waiting)}});
    return line;
}

html event_card(const page_context& ctx, const managed_event& m) {
    const auto& s = admin_strings_for(ctx.language);
    const auto& e = m.event;
    const auto admin = "/admin/events/" + e.slug;
    const auto status = std::string(calendar::to_string(e.status));
    const html badge = tag("span", {{"class", "badge " + status}}, text(event_status_label(e.status, ctx.language)));
    return tag("li", {{"class", "card"}},
               tag("h3", link(href(ctx, admin), text(e.title))) +
                   tag("p", {{"class", "meta"}}, text(format_when(e, ctx.language) + " · " + e.network_name)) +
                   tag("p", badge + text(" " + seats_line(m, ctx.language))) +
                   tag("p", {{"class", "links"}},
                       link(href(ctx, admin), text(s.attendees)) + text(" · ") +
                           link(href(ctx, admin + "/edit"), text(s.edit_event)) + text(" · ") +
                           link(href(ctx, "/events/" + e.slug), text(s.public_page))));
}

html event_cards(const page_context& ctx, const std::vector<managed_event>& events, bool past) {
    html cards;
    for (const auto& m : events)
        if ((m.event.end < ctx.now) == past) cards += event_card(ctx, m);
    return cards.str().empty() ? html{} : tag("ul", {{"class", "cards"}}, cards);
}

html past_section(const page_context& ctx, const std::vector<managed_event>& events) {
    const auto past = std::count_if(events.begin(), events.end(), [&](const auto& m) { return m.event.end < ctx.now; });
    if (past == 0) return {};
    const auto& s = admin_strings_for(ctx.language);
    return tag("details", tag("summary", text(fill(s.past_events, {{"n", std::to_string(past)}}))) +
                              event_cards(ctx, events, true));
}

html series_section(const page_context& ctx, const std::vector<managed_series>& series) {
    const auto& s = admin_strings_for(ctx.language);
    html items;
    for (const auto& one : series)
        items += tag("li", link(href(ctx, "/admin/series/" + one.slug + "/edit"), text(one.title)));
    return tag("h2", text(s.series_title)) + (series.empty() ? html{} : tag("ul", items)) +
           tag("p", link(href(ctx, "/admin/series/new"), text(s.new_series)));
}

html exports_section(const page_context& ctx, const calendar::organiser& who,
                     const std::vector<network_choice>& networks) {
    const auto& s = admin_strings_for(ctx.language);
    html items;
    for (const auto& n : networks)
        if (calendar::may_manage(who, n.slug))
            items += tag("li", link(href(ctx, "/admin/networks/" + n.slug + "/attendees.csv"),
                                    text(std::string(s.network_export) + ": " + n.name)));
    return tag("h2", text(s.exports_title)) + tag("ul", items);
}

// Admins only: a person's data removed from every registration on request (asked once more before it happens).
html forget_form(const page_context& ctx, const std::string& csrf) {
    const auto& s = admin_strings_for(ctx.language);
    return tag("h2", text(s.forget_title)) +
           tag("form", {{"method", "post"}, {"action", href(ctx, "/admin/forget")}},
               hidden("csrf", csrf) + tag("label", {{"for", "forget-email"}}, text(s.email)) +
                   void_tag("input",
                            {{"id", "forget-email"}, {"name", "email"}, {"type", "email"}, {"required", "required"}}) +
                   tag("button", {{"type", "submit"}}, text(s.forget_button)));
}

}  // namespace

html admin_home_page(const page_context& ctx, const calendar::organiser& who, const std::vector<managed_event>& events,
                     const std::vector<managed_series>& series, const std::string& csrf,
                     const std::vector<network_choice>& networks) {
    const auto& s = admin_strings_for(ctx.language);
    html body = tag("h1", text(s.your_events)) +
                tag("div", {{"class", "signed-in"}},
                    tag("p", text(std::string(s.signed_in_as) + " " + who.name + " (" + who.email + ")")) +
                        logout_form(ctx, csrf)) +
                tag("p", link(href(ctx, "/admin/events/new"), text(s.new_event)));
    const auto upcoming = event_cards(ctx, events, false);
    body += tag("h2", text(s.upcoming)) + (upcoming.str().empty() ? tag("p", text(s.no_upcoming)) : upcoming);
    body += past_section(ctx, events) + series_section(ctx, series) + exports_section(ctx, who, networks);
    if (who.role == calendar::role::admin) body += invite_form(ctx, networks, csrf) + forget_form(ctx, csrf);
    return admin_layout(ctx, {std::string(s.your_events), "", ""}, body);
}

}  // namespace tp::web
