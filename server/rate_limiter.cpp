#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tp::server {

unsigned rate_limiter::retry_after(std::string_view client, clock::time_point now) {
    if (per_minute_ == 0) return 0;
    const double rate = per_minute_ / 60.0;  // tokens per second
    std::lock_guard lock(mutex_);
    if (buckets_.size() >= max_clients_) prune(now);
    auto [it, fresh] = buckets_.try_emplace(std::string(client), bucket{static_cast<double>(per_minute_), now});
    auto& b = it->second;
    if (!fresh) {
        b.tokens = std::min<double>(per_minute_, b.tokens + std::chrono::duration<double>(now - b.last).count() * rate);
        b.last = now;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return static_cast<unsigned>(std::ceil((1.0 - b.tokens) / rate));
}

void rate_limiter::prune(clock::time_point now) {
    const auto full_after = std::chrono::seconds{60};
    std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.last >= full_after; });
    if (buckets_.size() < max_clients_) return;
    // Still too many active clients: forget the half that was quiet longest.
    std::vector<clock::time_point> times;
    for (const auto& kv : buckets_) times.push_back(kv.second.last);
    std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2), times.end());
    const auto cut = times[times.size() / 2];
    std::erase_if(buckets_, [&](const auto& kv) { return kv.second.last < cut; });
}

}  // namespace tp::server
