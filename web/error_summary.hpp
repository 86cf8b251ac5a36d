#pragma once
// A form shown again with problems starts with this box: a heading, then one link per problem to its field
// ("Beginn: Das Ende liegt vor dem Beginn."). The browser moves focus to it by itself (autofocus on an element
// with tabindex=-1), so a keyboard or screen reader user lands on the list of problems; no script needed.
#include <string>
#include <string_view>
#include <vector>

#include "web/html.hpp"

namespace tp::web {

struct summary_item {
    std::string field_id;  // the control's id, without '#'
    std::string label;     // the field's label as the form shows it
    std::string message;   // the problem, in the page's language
};

[[nodiscard]] html error_summary(std::string_view heading, const std::vector<summary_item>& items);

}  // namespace tp::web
