#pragma once
// A network as menus show it: by name, sent by slug.
#include <string>

namespace tp::web {

struct network_choice {
    std::string slug, name;
};

}  // namespace tp::web
