#pragma once
// Columns that hold JSON: an event's questions and a registration's answers. Unreadable JSON (which we never
// write) reads as empty rather than failing the whole query.
#include <string>

#include "calendar/types.hpp"

namespace tp::store {

[[nodiscard]] std::string questions_to_json(const std::vector<calendar::question>& questions);
[[nodiscard]] std::vector<calendar::question> questions_from_json(const std::string& text);
[[nodiscard]] std::string answers_to_json(const calendar::answers& answers);
[[nodiscard]] calendar::answers answers_from_json(const std::string& text);
// Reminder offsets as a JSON list of seconds.
[[nodiscard]] std::string reminders_to_json(const std::vector<std::chrono::seconds>& offsets);
[[nodiscard]] std::vector<std::chrono::seconds> reminders_from_json(const std::string& text);

}  // namespace tp::store
