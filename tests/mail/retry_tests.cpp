#include <catch2/catch.hpp>

#include "mail/retry.hpp"

using namespace tp::mail;
using namespace std::chrono;

TEST_CASE("retry delays double from the first, up to the longest") {
    const retry_policy p{};
    const std::pair<int, milliseconds> table[] = {
        {1, 30s}, {2, 60s}, {3, 120s}, {4, 240s}, {7, 1920s}, {8, 3600s}, {50, 3600s}, {0, 30s},
    };
    for (const auto& [attempts, delay] : table) {
        CAPTURE(attempts);
        CHECK(retry_delay(p, attempts, 0.0) == delay);
    }
}

TEST_CASE("jitter spreads a delay by at most the policy's share") {
    const retry_policy p{};
    CHECK(retry_delay(p, 1, 1.0) == 36s);
    CHECK(retry_delay(p, 1, -1.0) == 24s);
    CHECK(retry_delay(p, 1, 5.0) == 36s);  // clamped
    CHECK(retry_delay(retry_policy{.first_delay = 200ms, .longest_delay = 1s}, 3, 0.0) == 800ms);
}

TEST_CASE("messages are given up after the configured time since they were queued") {
    const retry_policy p{};
    const sys_seconds queued{seconds{1'800'000'000}};
    CHECK_FALSE(give_up(p, queued, queued));
    CHECK_FALSE(give_up(p, queued, queued + 47h + 59min));
    CHECK(give_up(p, queued, queued + 48h));
    CHECK(give_up(retry_policy{.give_up_after = 10s}, queued, queued + 10s));
}
