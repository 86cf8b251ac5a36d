#include <algorithm>

#include "web/layout.hpp"
#include "web/pages.hpp"

namespace tp::web {
namespace {

html network_select(const page_context& ctx, std::span<const calendar::network> networks, const listing_query& f) {
    const auto& s = strings_for(ctx.language);
    html options = tag("option", {{"value", ""}}, text(s.all_networks));
    for (const auto& n : networks) {
        html opt = raw_html("<option value=\"") + text(n.slug) + raw_html("\"");
        if (f.network == n.slug) opt += raw_html(" selected");
        options += opt + raw_html(">") + text(n.name) + raw_html("</option>");
    }
    return tag("label", {{"class", "title"}, {"for", "network"}}, text(s.network)) + raw_html(" ") +
           tag("select", {{"id", "network"}, {"name", "network"}}, options);
}

html kind_choices(const page_context& ctx, const listing_query& f) {
    const auto& s = strings_for(ctx.language);
    html boxes;
    for (auto k : calendar::all_event_kinds) {
        const std::string id = "kind-" + std::string(calendar::to_string(k));
        const bool checked = std::find(f.kinds.begin(), f.kinds.end(), k) != f.kinds.end();
        boxes += tag("label", {{"for", id}},
                     raw_html("<input type=\"checkbox\" name=\"kind\" id=\"") + text(id) + raw_html("\" value=\"") +
                         text(calendar::to_string(k)) + raw_html(checked ? "\" checked> " : "\"> ") +
                         text(kind_name_plural(k, ctx.language)));
    }
    return tag("fieldset", tag("legend", text(s.kind)) + tag("div", {{"class", "choices"}}, boxes));
}

html filter_form(const page_context& ctx, std::span<const calendar::network> networks, const listing_query& f) {
    const auto& s = strings_for(ctx.language);
    html fields = tag("fieldset", network_select(ctx, networks, f)) + kind_choices(ctx, f);
    if (ctx.lang_in_query)
        fields +=
            raw_html("<input type=\"hidden\" name=\"lang\" value=\"") + text(code(ctx.language)) + raw_html("\">");
    fields += tag("button", {{"type", "submit"}}, text(s.show));
    return tag("form", {{"class", "filter"}, {"method", "get"}, {"action", "/"}, {"aria-label", s.filter_events}},
               fields);
}

}  // namespace

html event_list_page(const page_context& ctx, std::span<const calendar::network> networks,
                     std::span<const calendar::event> events, const listing_query& filter, const seat_map& seats) {
    const auto& s = strings_for(ctx.language);
    const std::string query = encode_filter(filter);
    std::string feed = "/calendar.ics";
    if (!query.empty()) feed += "?" + query;
    html body = tag("h1", text(s.upcoming_events)) + filter_form(ctx, networks, filter);
    body += event_items(ctx, events, seats, {.group_by_month = true});
    body += subscribe_box(ctx, feed, "Treffpunkt: " + std::string(s.upcoming_events));
    return layout(ctx, {std::string(s.upcoming_events), feed, std::string(s.tagline)}, body);
}

}  // namespace tp::web
