#pragma once
// A registration's answers as people read them: in the event's question order, several choices joined by ", ",
// a ticked box as the page's word for yes. Questions without an answer are left out.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/registration.hpp"

namespace tp::web {

// (question label, answer) pairs.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> answers_shown(const calendar::event& e,
                                                                             const calendar::registration& r,
                                                                             std::string_view yes);

}  // namespace tp::web
