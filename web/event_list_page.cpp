#include <algorithm>

#include "web/dates.hpp"
#include "web/fill.hpp"
#include "web/layout.hpp"
#include "web/listing_strings.hpp"
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

html search_field(const page_context& ctx, const listing_query& f) {
    const auto& s = listing_strings_for(ctx.language);
    return tag("div", {{"class", "search"}},
               tag("label", {{"class", "title"}, {"for", "q"}}, text(s.search)) +
                   void_tag("input", {{"type", "search"},
                                      {"id", "q"},
                                      {"name", "q"},
                                      {"value", f.search},
                                      {"maxlength", std::to_string(max_search_length)},
                                      {"aria-describedby", "q-hint"}}) +
                   tag("p", {{"class", "meta"}, {"id", "q-hint"}}, text(s.search_hint)));
}

html filter_form(const page_context& ctx, std::span<const calendar::network> networks, const listing_query& f) {
    const auto& s = strings_for(ctx.language);
    html fields = search_field(ctx, f) + tag("fieldset", network_select(ctx, networks, f)) + kind_choices(ctx, f);
    if (ctx.lang_in_query)
        fields +=
            raw_html("<input type=\"hidden\" name=\"lang\" value=\"") + text(code(ctx.language)) + raw_html("\">");
    fields += tag("button", {{"type", "submit"}}, text(s.show));
    return tag("form", {{"class", "filter"}, {"method", "get"}, {"action", "/"}, {"aria-label", s.filter_events}},
               fields);
}

// A link to another month or page of the same listing, filters kept.
std::string listing_href(const page_context& ctx, listing_query q, date::year_month month, int page) {
    q.month = month;
    q.page = page;
    return href(ctx, "/", encode_listing(q));
}

html count_words(std::size_t n, const listing_strings& s) {
    return text(n == 1 ? std::string(s.event_count_one) : fill(s.event_count, {{"count", std::to_string(n)}}));
}

// Every month with matching events, with how many: the page's own month is marked.
html month_nav(const page_context& ctx, const listing_query& q, const listing_selection& sel) {
    const auto& s = listing_strings_for(ctx.language);
    html items;
    for (const auto& m : sel.months) {
        const auto words = text(format_month(m.month, ctx.language) + " ") +
                           tag("span", {{"class", "meta"}}, text("(") + count_words(m.events, s) + text(")"));
        items += tag("li", m.month == sel.month
                               ? tag("a", {{"href", listing_href(ctx, q, m.month, 1)}, {"aria-current", "page"}}, words)
                               : tag("a", {{"href", listing_href(ctx, q, m.month, 1)}}, words));
    }
    return tag("nav", {{"class", "months"}, {"aria-label", s.months}}, tag("ul", items));
}

// Pages within the month, then the months before and after.
html page_nav(const page_context& ctx, const listing_query& q, const listing_selection& sel) {
    const auto& s = listing_strings_for(ctx.language);
    html items;
    if (sel.page > 1)
        items += tag("li", tag("a", {{"href", listing_href(ctx, q, *sel.month, sel.page - 1)}, {"rel", "prev"}},
                               text(s.previous_page)));
    if (sel.pages > 1)
        items += tag("li",
                     text(fill(s.page_of, {{"page", std::to_string(sel.page)}, {"pages", std::to_string(sel.pages)}})));
    if (sel.page < sel.pages)
        items += tag("li", tag("a", {{"href", listing_href(ctx, q, *sel.month, sel.page + 1)}, {"rel", "next"}},
                               text(s.next_page)));
    const auto here =
        std::find_if(sel.months.begin(), sel.months.end(), [&](const month_count& m) { return m.month >= *sel.month; });
    if (here != sel.months.begin() && sel.page == 1) {
        const auto before = std::prev(here)->month;
        items += tag("li", tag("a", {{"href", listing_href(ctx, q, before, 1)}},
                               text(fill(s.previous_month, {{"month", format_month(before, ctx.language)}}))));
    }
    const auto after = here != sel.months.end() && here->month == *sel.month ? std::next(here) : here;
    if (after != sel.months.end() && sel.page == sel.pages)
        items += tag("li", tag("a", {{"href", listing_href(ctx, q, after->month, 1)}},
                               text(fill(s.next_month, {{"month", format_month(after->month, ctx.language)}}))));
    if (items.str().empty()) return {};
    return tag("nav", {{"class", "pages"}, {"aria-label", s.pages}}, tag("ul", items));
}

// "12 Veranstaltungen gefunden für „Robotik“." when searching; what to try when nothing matched.
html search_result(const page_context& ctx, const listing_query& q, const listing_selection& sel) {
    const auto& s = listing_strings_for(ctx.language);
    if (q.search.empty()) return {};
    const auto said = sel.matching == 0 ? fill(s.no_results, {{"search", q.search}})
                      : sel.matching == 1
                          ? fill(s.result_one, {{"search", q.search}})
                          : fill(s.results, {{"count", std::to_string(sel.matching)}, {"search", q.search}});
    return tag("p", {{"class", "notice"}, {"role", "status"}}, text(said));
}

}  // namespace

html event_list_page(const page_context& ctx, std::span<const calendar::network> networks,
                     const listing_selection& selection, const listing_query& filter, const seat_map& seats) {
    const auto& s = strings_for(ctx.language);
    const std::string query = encode_filter(filter);
    std::string feed = "/calendar.ics";
    if (!query.empty()) feed += "?" + query;
    html body = tag("h1", text(s.upcoming_events)) + filter_form(ctx, networks, filter);
    body += search_result(ctx, filter, selection);
    if (selection.months.size() > 1) body += month_nav(ctx, filter, selection);
    if (!selection.shown.empty())
        body += event_items(ctx, selection.shown, seats, {.group_by_month = true});
    else if (selection.matching > 0)
        body += tag("h2", text(format_month(*selection.month, ctx.language))) +
                tag("p", text(listing_strings_for(ctx.language).no_events_in_month));
    else if (filter.search.empty())
        body += tag("p", text(s.no_events));
    if (selection.month) body += page_nav(ctx, filter, selection);
    body += subscribe_box(ctx, feed, "Treffpunkt: " + std::string(s.upcoming_events));
    return layout(ctx, {std::string(s.upcoming_events), feed, std::string(s.tagline)}, body);
}

}  // namespace tp::web
