#pragma once
// Per-address limit on POSTs: a token bucket of `per_minute` tokens refilled evenly over a minute. Bounded memory:
// full buckets are forgotten, and past max_clients the oldest half goes. Thread-safe.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tp::server {

class rate_limiter {
public:
    using clock = std::chrono::steady_clock;
    explicit rate_limiter(unsigned per_minute, std::size_t max_clients = 100000)
        : per_minute_(per_minute), max_clients_(max_clients) {}

    // 0 when the request may go ahead (and takes a token), else the seconds until it may be tried again.
    [[nodiscard]] unsigned retry_after(std::string_view client, clock::time_point now = clock::now());
    [[nodiscard]] bool enabled() const { return per_minute_ > 0; }

private:
    struct bucket {
        double tokens;
        clock::time_point last;
    };
    void prune(clock::time_point now);

    unsigned per_minute_;
    std::size_t max_clients_;
    std::mutex mutex_;
    std::unordered_map<std::string, bucket> buckets_;
};

}  // namespace tp::server
