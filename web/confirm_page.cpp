#include "web/confirm_page.hpp"

#include "web/confirm_strings.hpp"
#include "web/layout.hpp"

namespace tp::web {
namespace {

html hidden(std::string_view name, std::string_view value) {
    return void_tag("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

html effects_list(const std::vector<std::string>& effects) {
    html items;
    for (const auto& e : effects) items += tag("li", text(e));
    return tag("ul", {{"class", "effects"}}, items);
}

html reason_field(const std::string& label) {
    if (label.empty()) return {};
    return tag("div", {{"class", "field"}},
               tag("label", {{"for", "reason"}}, text(label)) +
                   tag("textarea", {{"id", "reason"}, {"name", "reason"}, {"rows", "3"}, {"maxlength", "1000"}}, {}));
}

}  // namespace

html confirm_page(const page_context& ctx, const confirm_step& step, const std::string& csrf) {
    html fields = hidden("csrf", csrf) + hidden(confirmed_field, "yes");
    for (const auto& [name, value] : step.fields)
        if (name != "csrf" && name != confirmed_field && name != "reason") fields += hidden(name, value);
    const auto& s = confirm_strings_for(ctx.language);
    const html buttons = tag("p", {{"class", "buttons"}},
                             tag("button", {{"type", "submit"}, {"class", "danger"}}, text(step.button)) +
                                 link(href(ctx, step.back), text(s.cancel)));
    const html body = tag("h1", text(step.title)) + effects_list(step.effects) +
                      tag("form", {{"method", "post"}, {"action", href(ctx, step.action)}},
                          fields + reason_field(step.reason_label) + buttons);
    const page_head head{step.title, "", ""};
    return step.action.starts_with("/admin") ? admin_layout(ctx, head, body) : layout(ctx, head, body);
}

}  // namespace tp::web
