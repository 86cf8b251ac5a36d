#pragma once
// What of a request target may go into a log: the one rule the access log and the error log share. Every
// {token} of the route table (a registration's link /r/TOKEN and /api/v1/registrations/TOKEN/..., a personal
// feed /feeds/TOKEN.ics) and a password or invitation link (?token=...) work as passwords: whoever reads the
// log could use them.
// Control characters and quotes become '?', so a target cannot forge log lines.
#include <string>
#include <string_view>

namespace tp::server {

[[nodiscard]] std::string loggable_target(std::string_view target);

}  // namespace tp::server
