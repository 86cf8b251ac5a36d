#pragma once
// Writes iCalendar objects (RFC 5545, RFC 7986) for subscription feeds and single-event downloads.
#include <chrono>
#include <optional>
#include <span>
#include <string>

#include "calendar/series.hpp"
#include "calendar/types.hpp"

namespace tp::calendar {

struct feed_info {
    std::string name{};                      // NAME and X-WR-CALNAME
    std::string description{};               // DESCRIPTION and X-WR-CALDESC; empty: none
    std::string url{};                       // URL of the page the feed belongs to; empty: none
    std::string base_url{};                  // e.g. https://treffpunkt.example, used for event URLs
    bool include_private_join_urls = false;  // only for feeds meant for one registered person
    // Before a cancelled event's SUMMARY ("Abgesagt: "): Outlook shows STATUS:CANCELLED events like any other.
    std::string cancelled_prefix{};
    // A person's own feed with an alarm chosen (calendar/alarm.hpp): a VALARM this long before each event.
    std::optional<std::chrono::minutes> alarm{};
};

// A whole VCALENDAR with one VTIMEZONE per zone used and one VEVENT per event (drafts are skipped). A series
// inside the rule subset (calendar/rule_subset.hpp) is a master VEVENT with RRULE and EXDATE plus a VEVENT with
// RECURRENCE-ID for each changed occurrence, and its dates among `events` are left out; a series outside it is
// not written, its dates among `events` stand for it. A date of a series written as its rule is written as the
// series' UID with its RECURRENCE-ID wherever it appears alone. Deterministic: the same data gives the same
// bytes. Thread-safe.
[[nodiscard]] std::string write_ics(const feed_info& feed, std::span<const event> events,
                                    std::span<const series> series = {});

// The page URL of an event: base_url + "/events/" + slug.
[[nodiscard]] std::string event_url(std::string_view base_url, const event& e);
// The page of a series and of one of its occurrences (by original wall-time start).
[[nodiscard]] std::string series_url(std::string_view base_url, const series& s);
[[nodiscard]] std::string occurrence_slug(const series& s, date::local_seconds original_start);

}  // namespace tp::calendar
