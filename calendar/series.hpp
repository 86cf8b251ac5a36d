#pragma once
// A recurring series: a rule, a first start in wall time, a duration and the event fields as a template, plus
// skipped dates (EXDATE) and changed occurrences (overrides), each known by its original wall-time start.
#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "calendar/types.hpp"

namespace tp::calendar {

struct series_override {
    date::local_seconds original_start{};  // identity: the rule's wall time (RECURRENCE-ID)
    std::optional<sys_seconds> start;      // moved
    std::optional<sys_seconds> end;
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::string> venue;
    std::optional<std::string> address;
    std::optional<event_status> status;  // e.g. one cancelled date
    int sequence = 0;
    sys_seconds updated_at{};
    friend bool operator==(const series_override&, const series_override&) = default;
};

struct series {
    std::int64_t id = 0;
    std::string uid;
    std::string slug;
    std::string network_slug;
    std::string network_name;
    event_kind kind = event_kind::exchange_round;
    std::string title;
    std::string description;
    std::string rule;                   // canonical RRULE text
    date::local_seconds first_start{};  // wall time in time_zone
    std::chrono::seconds duration{3600};
    std::string time_zone = "Europe/Berlin";
    event_format format = event_format::online;
    std::string venue;
    std::string address;
    std::optional<std::string> join_url;
    std::optional<std::string> info_url;
    std::optional<int> capacity;
    event_status status = event_status::published;
    int sequence = 0;
    std::vector<date::local_seconds> exdates;  // sorted
    std::vector<series_override> overrides;    // sorted by original_start
    std::vector<question> questions;           // every occurrence asks them
    std::vector<std::chrono::seconds> reminders{std::chrono::days{7}, std::chrono::days{1}};
    sys_seconds created_at{};
    sys_seconds updated_at{};
};

}  // namespace tp::calendar
