#include "mail/retry.hpp"

#include <algorithm>
#include <cmath>

namespace tp::mail {

std::chrono::milliseconds retry_delay(const retry_policy& p, int attempts, double spread) {
    const auto first = static_cast<double>(p.first_delay.count());
    const auto longest = static_cast<double>(p.longest_delay.count());
    const int doublings = std::clamp(attempts - 1, 0, 40);
    const auto base = std::min(longest, first * std::pow(2.0, doublings));
    const auto scaled = base * (1.0 + p.jitter * std::clamp(spread, -1.0, 1.0));
    return std::chrono::milliseconds{static_cast<long long>(std::max(0.0, scaled))};
}

bool give_up(const retry_policy& p, std::chrono::sys_seconds queued, std::chrono::sys_seconds now) {
    return now - queued >= p.give_up_after;
}

}  // namespace tp::mail
