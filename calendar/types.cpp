#include "calendar/types.hpp"

#include "calendar/enum_names.hpp"

namespace tp::calendar {
namespace {

constexpr std::array<std::pair<event_kind, std::string_view>, 4> kinds{{
    {event_kind::barcamp, "barcamp"},
    {event_kind::exchange_round, "exchange_round"},
    {event_kind::webinar, "webinar"},
    {event_kind::meeting, "meeting"},
}};
constexpr std::array<std::pair<event_format, std::string_view>, 3> formats{{
    {event_format::in_person, "in_person"},
    {event_format::online, "online"},
    {event_format::hybrid, "hybrid"},
}};
constexpr std::array<std::pair<event_status, std::string_view>, 3> statuses{{
    {event_status::draft, "draft"},
    {event_status::published, "published"},
    {event_status::cancelled, "cancelled"},
}};

constexpr std::array<std::pair<question_type, std::string_view>, 4> question_types{{
    {question_type::text, "text"},
    {question_type::single_choice, "single_choice"},
    {question_type::multiple_choice, "multiple_choice"},
    {question_type::checkbox, "checkbox"},
}};

}  // namespace

std::string_view to_string(question_type t) { return name_in(question_types, t); }
std::optional<question_type> parse_question_type(std::string_view s) { return value_in(question_types, s); }

std::string_view to_string(event_kind k) { return name_in(kinds, k); }
std::string_view to_string(event_format f) { return name_in(formats, f); }
std::string_view to_string(event_status s) { return name_in(statuses, s); }
std::optional<event_kind> parse_event_kind(std::string_view s) { return value_in(kinds, s); }
std::optional<event_format> parse_event_format(std::string_view s) { return value_in(formats, s); }
std::optional<event_status> parse_event_status(std::string_view s) { return value_in(statuses, s); }

}  // namespace tp::calendar
