#pragma once
// The scheduling domain's value types: networks and events. Pure data, no I/O.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tp::calendar {

using sys_seconds = std::chrono::sys_seconds;

enum class event_kind { barcamp, exchange_round, webinar, meeting };
enum class event_format { in_person, online, hybrid };
enum class event_status { draft, published, cancelled };

[[nodiscard]] std::string_view to_string(event_kind k);
[[nodiscard]] std::string_view to_string(event_format f);
[[nodiscard]] std::string_view to_string(event_status s);
// Parsers return nullopt for anything but the exact lower-case names above.
[[nodiscard]] std::optional<event_kind> parse_event_kind(std::string_view s);
[[nodiscard]] std::optional<event_format> parse_event_format(std::string_view s);
[[nodiscard]] std::optional<event_status> parse_event_status(std::string_view s);

inline constexpr event_kind all_event_kinds[] = {event_kind::barcamp, event_kind::exchange_round, event_kind::webinar,
                                                 event_kind::meeting};

// A question an event asks on its registration form.
enum class question_type { text, single_choice, multiple_choice, checkbox };
[[nodiscard]] std::string_view to_string(question_type t);
[[nodiscard]] std::optional<question_type> parse_question_type(std::string_view s);

struct question {
    std::string key;    // a-z, 0-9 and '-': the answer's name in forms, the API and exports
    std::string label;  // what the form shows
    question_type type = question_type::text;
    std::vector<std::string> options;  // for single_choice and multiple_choice
    bool required = false;
    friend bool operator==(const question&, const question&) = default;
};

// Answers by question key: text and single choice have one value, multiple choice any number, a ticked checkbox
// "yes".
using answers = std::vector<std::pair<std::string, std::vector<std::string>>>;

struct network {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
    std::string region;
    std::string website;
    std::string contact_name;
    std::string contact_email;
    std::string description;
    sys_seconds updated_at{};
};

// Start and end are instants. For all-day events they are the zone's first instant of the first day and of the
// day after the last day (end is exclusive), so the local dates are recovered by converting back to the zone.
struct event {
    std::int64_t id = 0;
    std::string uid;  // stable forever, assigned by the store when the event is created
    std::string slug;
    std::string network_slug;
    std::string network_name;
    event_kind kind = event_kind::meeting;
    std::string title;
    std::string description;
    sys_seconds start{};
    sys_seconds end{};
    std::string time_zone = "Europe/Berlin";
    bool all_day = false;
    event_format format = event_format::in_person;
    std::string venue;
    std::string address;
    std::optional<std::string> join_url;  // private: only for registered people
    std::optional<std::string> info_url;
    std::optional<int> capacity;  // nullopt: unlimited
    std::optional<sys_seconds> registration_opens;
    std::optional<sys_seconds> registration_closes;
    event_status status = event_status::published;
    int sequence = 0;
    sys_seconds created_at{};
    sys_seconds updated_at{};
    // Set for an occurrence of a series: the series it belongs to and its original wall-time start.
    std::optional<std::string> series_slug;
    std::optional<std::string> series_title;
    std::optional<std::chrono::seconds> original_start_local;  // local_seconds since the epoch
    // The series' UID, and whether the series is written as its rule (calendar/rule_subset.hpp): then this date is
    // known everywhere by that UID and its original start as RECURRENCE-ID, otherwise by its own `uid`.
    std::optional<std::string> series_uid;
    bool series_written_as_rule = false;
    std::vector<question> questions;  // asked on the registration form
    // Reminder emails go this long before the start (see reminders.hpp); empty: none.
    std::vector<std::chrono::seconds> reminders{std::chrono::days{7}, std::chrono::days{1}};
};

}  // namespace tp::calendar
