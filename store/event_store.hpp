#pragma once
// Networks, events and series (store.cpp, upsert.cpp, series_write.cpp, event_admin.cpp): reading them for
// pages and feeds, importing, the organisers' changes, and the occurrences of series.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/series.hpp"
#include "calendar/types.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"
#include "store/refusal.hpp"

namespace tp::store {

struct event_filter {
    std::optional<std::string> network_slug{};  // only this network
    std::vector<calendar::event_kind> kinds{};  // empty: every kind
    bool include_drafts = false;
    std::optional<sys_seconds> ending_after{};  // only events that end after this instant
    bool include_occurrences = true;            // occurrences of series (a feed writes them by their series)
    std::optional<std::string> series_slug{};   // only the occurrences of this series
};

// How far ahead occurrences of series exist as events (each with its own page and, later, registrations).
inline constexpr auto materialization_horizon = std::chrono::days{548};  // 18 months

// A problem with one entry of an import or a change (e.g. an unknown network); nothing is written.
class import_error : public refusal {
public:
    explicit import_error(const std::string& message, std::string reason = "invalid")
        : refusal(refusal_kind::invalid, std::move(reason), message) {}
};

// A write refused for one field: an address (slug) another row holds, or a network an existing row cannot
// leave. `other` is the colliding event's or series' slug, or the network the row keeps.
class field_refusal : public import_error {
public:
    // identity_fixed: a series' new rule would change how calendars know its dates (calendar/rule_subset.hpp)
    // while people hold seats for dates still ahead; their calendars would show those dates twice.
    enum class kind { slug_taken, date_taken, network_fixed, identity_fixed };
    field_refusal(kind reason, std::string field_name, std::string holder, const std::string& message)
        : import_error(message, "field"), why(reason), field(std::move(field_name)), other(std::move(holder)) {}
    kind why;
    std::string field;
    std::string other;
};

class event_store {
public:
    explicit event_store(database& db) : db_(db) {}

    [[nodiscard]] std::vector<calendar::network> networks();
    [[nodiscard]] std::optional<calendar::network> network_by_slug(const std::string& slug);
    // Events matching the filter, by start time (then slug).
    [[nodiscard]] std::vector<calendar::event> events(const event_filter& filter);
    [[nodiscard]] std::optional<calendar::event> event_by_slug(const std::string& slug);
    [[nodiscard]] bool empty();

    // The newest change among the networks and events (drafts included) a filter covers: only moves forward.
    [[nodiscard]] sys_seconds last_change(const event_filter& filter);

    // Inserts or updates networks and events by slug, all in one transaction. An unchanged entry keeps its
    // timestamps; a changed start, end, zone or status raises the event's SEQUENCE. Throws import_error naming
    // the entry when one is invalid (e.g. unknown network); nothing is written then.
    void upsert(std::span<const calendar::network> networks, std::span<const calendar::event> events,
                std::span<const calendar::series> series = {});

    // Series with their skipped dates and overrides; the filter's network, kinds and drafts apply.
    [[nodiscard]] std::vector<calendar::series> series_list(const event_filter& filter);
    [[nodiscard]] std::optional<calendar::series> series_by_slug(const std::string& slug);
    // Makes every series' occurrences exist up to now + materialization_horizon; run periodically. A date whose
    // address another event holds is skipped, never claimed: returns those addresses for the log.
    std::vector<std::string> extend_series();
    // Changes a series from `from` (a wall time in its zone) on: the series `slug` ends just before `from` (UNTIL),
    // keeping its earlier occurrences, skipped dates and overrides untouched; `next` (its own slug) takes over.
    // One transaction; throws not_found_error for an unknown series, import_error when `next` starts before `from`.
    void split_series(const std::string& slug, date::local_seconds from, const calendar::series& next);

    // Creates or changes one event for an organiser (event_admin.cpp), with an audit entry naming the fields
    // that changed, in one transaction. Registrants hear of changes to time, place or status as with an import.
    // Throws import_error for an unknown network, not_found_error when changing an unknown event, field_refusal
    // when creating takes a slug another event holds or a change moves the event to another network, and
    // forbidden_error when `by` may not manage the event's network (old or new).
    enum class save_mode { create, change };
    void save_event(const calendar::event& e, const actor& by, save_mode mode);
    // The same for a series with its skipped and moved dates; its occurrences follow (and their registrants hear
    // of changes). A date whose address another event holds is a field_refusal (field "slug").
    void save_series(const calendar::series& s, const actor& by, save_mode mode);

private:
    database& db_;
};

}  // namespace tp::store
