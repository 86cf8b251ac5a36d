#pragma once
// Write steps shared by the store's upsert files; each runs inside the caller's transaction on the writer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/messages.hpp"
#include "calendar/series.hpp"
#include "store/connection.hpp"

namespace tp::store {

// The series link of an occurrence row: written with it, part of its identity.
struct occurrence_link {
    std::int64_t series_id;
    std::string series_slug;
    std::int64_t original_start_local;  // local_seconds since the epoch
};

// Inserts or updates an event by slug; unchanged content writes nothing. `link` is set for occurrences.
// Throws field_refusal when an existing event would move to another network, or when an occurrence's address is
// held by an event that is not that very date of that series.
void upsert_event(connection& c, const calendar::event& e, calendar::sys_seconds now, const occurrence_link* link);
// The id of a network; throws import_error naming `what` when there is none.
[[nodiscard]] std::int64_t network_id(connection& c, const std::string& network_slug, const std::string& what);
// Inserts or updates a series with its skipped dates and overrides, then materialises its occurrences up to
// now + materialization_horizon. An existing series stays in its network (field_refusal otherwise).
void upsert_series(connection& c, const calendar::series& s, calendar::sys_seconds now);
// Creates, updates or removes the occurrence rows of one series up to `horizon`. A date whose address another
// event holds is a field_refusal, or with `taken` set is skipped and its address added there.
void materialize_series(connection& c, const calendar::series& s, calendar::sys_seconds now,
                        calendar::sys_seconds horizon, std::vector<std::string>* taken = nullptr);
// Gives free seats of an event to its waiting list in arrival order, each promotion with its message.
void promote_waiting(connection& c, std::int64_t event_id, std::optional<int> capacity, calendar::sys_seconds now);

// Queues a message for a registration, due now; `dedupe_key` makes it unique (a second one is ignored).
struct queued_message {
    calendar::message_kind kind = calendar::message_kind::confirm_request;
    std::int64_t registration_id = 0;
    std::string recipient;
    std::string language;
    std::string payload = "{}";
    std::optional<std::string> dedupe_key{};
    calendar::delivery_status status = calendar::delivery_status::queued;
};
void queue_message(connection& c, const queued_message& m, calendar::sys_seconds now);
// Tells every active registration of an event that it changed (time or place) or was cancelled.
// `payload` goes with every message (a change carries the event as it was: see before_payload).
void notify_registrants(connection& c, std::int64_t event_id, calendar::message_kind kind, calendar::sys_seconds now,
                        const std::string& payload = "{}");
// {"before": {start, end, all_day, time_zone, format, venue, address}}: what a change mail shows as "vorher".
[[nodiscard]] std::string before_payload(const calendar::event& old);

// An audit log entry (who, what, about which event) in the caller's transaction.
void write_audit(connection& c, calendar::sys_seconds now, const std::string& actor,
                 std::optional<std::int64_t> event_id, const std::string& action, const std::string& detail);

// Withdraws the sessions a person proposed (at any barcamp) and blanks their host names; drops their votes.
void forget_proposals(connection& c, const std::string& email_key, calendar::sys_seconds now);

// A series with its skipped dates and overrides, or nullopt.
[[nodiscard]] std::optional<calendar::series> find_series(connection& c, const std::string& slug);
void load_series_details(connection& c, calendar::series& s);

}  // namespace tp::store
