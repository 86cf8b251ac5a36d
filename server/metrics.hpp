#pragma once
// Counters for /metrics in the Prometheus text format. Thread-safe; recording is a few atomic adds.
#include <array>
#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace tp::server {

class metrics {
public:
    // The route labels handlers use; anything else is counted as "other".
    static constexpr std::array<std::string_view, 33> routes{"index",
                                                             "networks",
                                                             "network",
                                                             "event",
                                                             "series",
                                                             "feed",
                                                             "network_feed",
                                                             "event_ics",
                                                             "series_ics",
                                                             "personal_feed",
                                                             "plan",
                                                             "sessions_ics",
                                                             "schedule_json",
                                                             "sessions",
                                                             "api_register",
                                                             "api_registration",
                                                             "manage",
                                                             "privacy",
                                                             "static",
                                                             "healthz",
                                                             "metrics",
                                                             "admin",
                                                             "admin_login",
                                                             "export",
                                                             "api_export",
                                                             "api_admin",
                                                             "not_found",
                                                             "bad_request",
                                                             "method_not_allowed",
                                                             "rejected",
                                                             "unavailable",
                                                             "error",
                                                             "other"};
    static constexpr std::array<unsigned, 18> statuses{200, 201, 303, 304, 400, 401, 403, 404, 405,
                                                       408, 409, 413, 415, 422, 429, 431, 500, 503};

    // Lock-free: a few relaxed atomic adds.
    void record(std::string_view route, unsigned status, std::chrono::nanoseconds latency);
    void connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
    void connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

    // The exposition text; the feed cache's counters are passed in by the caller that owns the cache.
    [[nodiscard]] std::string render(std::uint64_t feed_hits, std::uint64_t feed_misses) const;

    static constexpr std::array<double, 12> buckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                    0.01,   0.025,   0.05,   0.1,   0.5,    1.0};

private:
    // [route][status]; the last status column counts every status not listed (label "other").
    std::array<std::array<std::atomic<std::uint64_t>, statuses.size() + 1>, routes.size()> requests_{};
    std::array<std::atomic<std::uint64_t>, buckets.size() + 1> latency_counts_{};
    std::atomic<std::uint64_t> latency_sum_ns_{0};
    std::atomic<std::int64_t> open_connections_{0};
};

// Outbox messages by delivery state (a gauge each: queued, sending, retrying, sent, failed, skipped).
[[nodiscard]] std::string render_outbox_metrics(const store::outbox_counts& n);
// The public pages' cache (app::cached_page): answered from it, and built.
[[nodiscard]] std::string render_page_cache_metrics(std::uint64_t hits, std::uint64_t misses);

}  // namespace tp::server
