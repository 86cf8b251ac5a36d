#pragma once
// What of a request target may go into a log. A registration's link (/r/TOKEN), a personal feed
// (/feeds/TOKEN.ics) and a password link (?token=...) work as passwords: whoever reads the log could use them.
// Control characters and quotes become '?', so a target cannot forge log lines.
#include <string>
#include <string_view>

namespace tp::server {

[[nodiscard]] std::string loggable_target(std::string_view target);

}  // namespace tp::server
