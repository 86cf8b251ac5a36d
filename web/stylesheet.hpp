#pragma once
#include <string_view>

namespace tp::web {
// The one stylesheet: phone first, system fonts, WCAG AA contrast, visible focus.
[[nodiscard]] std::string_view stylesheet();
}  // namespace tp::web
