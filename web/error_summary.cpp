#include "web/error_summary.hpp"

namespace tp::web {

html error_summary(std::string_view heading, const std::vector<summary_item>& items) {
    html list;
    for (const auto& item : items) {
        const auto words = item.label.empty() ? item.message : item.label + ": " + item.message;
        list += tag("li", item.field_id.empty() ? text(words) : link("#" + item.field_id, text(words)));
    }
    return tag("section",
               {{"class", "notice error summary"},
                {"id", "problems"},
                {"tabindex", "-1"},
                {"autofocus", "autofocus"},
                {"aria-labelledby", "problems-title"}},
               tag("h2", {{"id", "problems-title"}}, text(heading)) + (items.empty() ? html{} : tag("ul", list)));
}

}  // namespace tp::web
