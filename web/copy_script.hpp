#pragma once
// The one script of the site, served from our origin as /static/copy.js: it shows the "Kopieren" buttons
// beside feed addresses and copies the address on a click. Without it the address stays selectable text.
#include <string_view>

namespace tp::web {

[[nodiscard]] std::string_view copy_script();

}  // namespace tp::web
