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
    if (!head.feed_url.empty())
        out += raw_html("<link rel=\"alternate\" type=\"text/calendar\" title=\"") + text(head.title) +
               raw_html("\" href=\"") + text(head.feed_url) + raw_html("\">");
    return out + raw_html("</head>");
}

html header_of(const page_context& ctx) {
    const auto& s = strings_for(ctx.language);
    const lang other = ctx.language == lang::de ? lang::en : lang::de;
    html nav =
        tag("li", link(href(ctx, "/"), text(s.events))) + tag("li", link(href(ctx, "/networks"), text(s.networks))) +
        tag("li", tag("a", {{"href", switch_language_href(ctx)}, {"hreflang", code(other)}, {"lang", code(other)}},
                      text(s.language_switch)));
    return raw_html("<header class=\"site\"><div class=\"wrap\">") +
           tag("a", {{"class", "brand"}, {"href", href(ctx, "/")}}, text(s.site_name)) +
           tag("span", {{"class", "tagline"}}, text(s.tagline)) +
           tag("nav", {{"aria-label", s.main_navigation}}, tag("ul", nav)) + raw_html("</div></header>");
}

}  // namespace

html layout(const page_context& ctx, const page_head& head, const html& main_content) {
    const auto& s = strings_for(ctx.language);
    return raw_html("<!DOCTYPE html>\n<html lang=\"") + text(code(ctx.language)) + raw_html("\">") +
           head_of(ctx, head) + raw_html("<body>") +
           tag("a", {{"class", "skip"}, {"href", "#main"}}, text(s.skip_to_content)) + header_of(ctx) +
           raw_html("<main id=\"main\" class=\"wrap\">") + main_content + raw_html("</main>") +
           raw_html("<footer class=\"site\"><div class=\"wrap\">") + tag("p", text(s.footer_text)) +
           raw_html("</div></footer></body></html>\n");
}

}  // namespace tp::web
