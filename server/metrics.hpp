#pragma once
// Counters for /metrics in the Prometheus text format. Thread-safe; recording is a few atomic adds.
#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace tp::server {

class metrics {
public:
    void record(std::string_view route, unsigned status, std::chrono::nanoseconds latency);
    void connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
    void connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

    // The exposition text; the feed cache's counters are passed in by the caller that owns the cache.
    [[nodiscard]] std::string render(std::uint64_t feed_hits, std::uint64_t feed_misses) const;

    static constexpr std::array<double, 12> buckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                    0.01,   0.025,   0.05,   0.1,   0.5,    1.0};

private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::array<std::atomic<std::uint64_t>, buckets.size() + 1> latency_counts_{};
    std::atomic<std::uint64_t> latency_sum_ns_{0};
    std::atomic<std::int64_t> open_connections_{0};
};

}  // namespace tp::server
