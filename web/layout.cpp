#include "web/layout.hpp"

namespace tp::web {
namespace {

html head_of(const page_context& ctx, const page_head& head) {
    const auto& s = strings_for(ctx.language);
    html out = raw_html(
        "<head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out += tag("title", text(head.title + " · " + std::string(s.site_name)));
    if (!head.description.empty())
        out += raw_html("<meta name=\"description\" content=\"") + text(head.description) + raw_html("\">");
    out += raw_html("<link rel=\"stylesheet\" href=\"/static/style.css\">");
    out += raw_html("<script src=\"/static/copy.js\" defer></script>");  // enhances, never needed
    if (!head.feed_url.empty())
        out += raw_html("<link rel=\"alternate\" type=\"text/calendar\" title=\"") + text(head.title) +
               raw_html("\" href=\"") + text(head.feed_url) + raw_html("\">");
    if (head.card) out += raw_html(share_card_meta(*head.card, ctx.language));
    if (!head.json_ld.empty())
        out += raw_html("<script type=\"application/ld+json\">") + raw_html(head.json_ld) + raw_html("</script>");
    return out + raw_html("</head>");
}

// A navigation entry; the page it leads to is marked as the current one.
html nav_item(const page_context& ctx, std::string_view path, std::string_view label) {
    if (ctx.path == path)
        return tag("li", tag("a", {{"href", href(ctx, path)}, {"aria-current", "page"}}, text(label)));
    return tag("li", link(href(ctx, path), text(label)));
}

html language_item(const page_context& ctx) {
    const lang other = ctx.language == lang::de ? lang::en : lang::de;
    return tag("li", tag("a", {{"href", switch_language_href(ctx)}, {"hreflang", code(other)}, {"lang", code(other)}},
                         text(strings_for(ctx.language).language_switch)));
}

html public_nav(const page_context& ctx) {
    const auto& s = strings_for(ctx.language);
    return nav_item(ctx, "/", s.events) + nav_item(ctx, "/networks", s.networks) + language_item(ctx);
}

html admin_nav(const page_context& ctx) {
    const auto& s = strings_for(ctx.language);
    return nav_item(ctx, "/admin", s.admin_overview) + nav_item(ctx, "/admin/events/new", s.admin_new_event) +
           nav_item(ctx, "/admin/series/new", s.admin_new_series) + nav_item(ctx, "/", s.admin_public_pages) +
           language_item(ctx);
}

html header_of(const page_context& ctx, bool admin) {
    const auto& s = strings_for(ctx.language);
    const auto label = admin ? s.admin_navigation : s.main_navigation;
    return raw_html("<header class=\"site\"><div class=\"wrap\">") +
           tag("a", {{"class", "brand"}, {"href", href(ctx, admin ? "/admin" : "/")}}, text(s.site_name)) +
           tag("span", {{"class", "tagline"}}, text(admin ? s.admin_tagline : s.tagline)) +
           tag("nav", {{"aria-label", label}}, tag("ul", admin ? admin_nav(ctx) : public_nav(ctx))) +
           raw_html("</div></header>");
}

html shell(const page_context& ctx, const page_head& head, const html& main_content, bool admin) {
    const auto& s = strings_for(ctx.language);
    return raw_html("<!DOCTYPE html>\n<html lang=\"") + text(code(ctx.language)) + raw_html("\">") +
           head_of(ctx, head) + raw_html(admin ? "<body class=\"admin\">" : "<body>") +
           tag("a", {{"class", "skip"}, {"href", "#main"}}, text(s.skip_to_content)) + header_of(ctx, admin) +
           raw_html("<main id=\"main\" class=\"wrap\">") + main_content + raw_html("</main>") +
           raw_html("<footer class=\"site\"><div class=\"wrap\">") + tag("p", text(s.footer_text)) +
           raw_html("</div></footer></body></html>\n");
}

}  // namespace

html layout(const page_context& ctx, const page_head& head, const html& main_content) {
    return shell(ctx, head, main_content, false);
}

html admin_layout(const page_context& ctx, const page_head& head, const html& main_content) {
    return shell(ctx, head, main_content, true);
}

}  // namespace tp::web
