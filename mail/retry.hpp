#pragma once
// When to try a message again after a temporary failure: exponential backoff with jitter, and when to give up.
#include <chrono>

namespace tp::mail {

struct retry_policy {
    std::chrono::milliseconds first_delay{std::chrono::seconds{30}};  // after the first failed attempt
    std::chrono::milliseconds longest_delay{std::chrono::hours{1}};
    std::chrono::seconds give_up_after{std::chrono::hours{48}};  // counted from when the message was queued
    double jitter = 0.2;  // each delay is spread over +-20% so many failed messages do not return together
};

// The delay after `attempts` failed attempts (1 = the first failed): first_delay * 2^(attempts-1), at most
// longest_delay, scaled by (1 + jitter * spread). `spread` is a random number in [-1, 1].
[[nodiscard]] std::chrono::milliseconds retry_delay(const retry_policy& p, int attempts, double spread);

// Whether a message queued at `queued` is past trying again at `now`.
[[nodiscard]] bool give_up(const retry_policy& p, std::chrono::sys_seconds queued, std::chrono::sys_seconds now);

}  // namespace tp::mail
