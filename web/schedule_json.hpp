#pragma once
// A barcamp's plan as a schedule JSON in the frab / c3voc style (https://c3voc.de/wiki/schedule), which conference
// apps such as Giggity and EventFahrplan read: conference, rooms, and per day each room's sessions.
#include <string>
#include <string_view>

#include "calendar/barcamp.hpp"

namespace tp::web {

// A UUID-shaped guid (version 4 and variant bits set) derived from a session's UID, stable as the UID is.
[[nodiscard]] std::string session_guid(std::string_view uid);

// The whole document. Only scheduled sessions appear; `changed` is the programme's last change (the version).
[[nodiscard]] std::string schedule_json(const calendar::event& barcamp, const calendar::programme& p,
                                        std::string_view base_url, calendar::sys_seconds changed);

}  // namespace tp::web
