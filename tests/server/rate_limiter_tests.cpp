#include <catch2/catch.hpp>

#include "server/rate_limiter.hpp"

using namespace tp::server;
using namespace std::chrono_literals;

TEST_CASE("the limiter allows a minute's worth at once, then one per refill interval") {
    rate_limiter limit(6);  // one token every 10 s
    const auto t0 = rate_limiter::clock::time_point{} + 1h;
    for (int i = 0; i < 6; ++i) CHECK(limit.retry_after("1.2.3.4", t0) == 0);
    CHECK(limit.retry_after("1.2.3.4", t0) == 10);
    CHECK(limit.retry_after("5.6.7.8", t0) == 0);  // per address
    CHECK(limit.retry_after("1.2.3.4", t0 + 5s) == 5);
    CHECK(limit.retry_after("1.2.3.4", t0 + 10s) == 0);
    CHECK(limit.retry_after("1.2.3.4", t0 + 10s) == 10);
}

TEST_CASE("0 turns the limit off, memory stays bounded") {
    rate_limiter off(0);
    for (int i = 0; i < 1000; ++i) CHECK(off.retry_after("1.2.3.4") == 0);
    rate_limiter small(1, 100);
    const auto t0 = rate_limiter::clock::time_point{} + 1h;
    for (int i = 0; i < 1000; ++i)
        CHECK(small.retry_after("client-" + std::to_string(i), t0 + std::chrono::milliseconds{i}) == 0);
    CHECK(small.retry_after("client-999", t0 + 1s) > 0);  // a recent client is still remembered
}
