#pragma once
// Reading the organisers' form fields into the import's JSON: shared by the event, series and question forms.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>

#include "web/event_form.hpp"

namespace tp::web {

// The field's text, "" when it was not sent.
[[nodiscard]] std::string field_value(const form_fields& f, const std::string& key);
// "7d, 1d" or "S, M, L" -> ["7d", "1d"]: pieces between commas, trimmed, empty ones dropped.
[[nodiscard]] boost::json::array comma_list(const std::string& text);
// "capacity": empty means no limit; anything but a whole number is a problem of that field.
void put_capacity(const form_fields& f, boost::json::object& entry, field_messages& problems);

}  // namespace tp::web
