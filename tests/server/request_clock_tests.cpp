// A request reads the clock once: the last reading stands until the clock is read again, and a reading carries
// the wall second and its Date text.
#include <catch2/catch.hpp>

#include <thread>

#include "server/conditional.hpp"
#include "server/request_clock.hpp"

using namespace tp::server;

TEST_CASE("the last reading stands until the clock is read again", "[request_clock]") {
    const auto first = request_clock();
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    const auto last = last_request_clock();
    CHECK(last.steady == first.steady);
    CHECK(last.wall == first.wall);
    const auto again = request_clock();
    CHECK(again.steady - first.steady >= std::chrono::milliseconds(3));
    CHECK(last_request_clock().steady == again.steady);
}

TEST_CASE("a reading's wall second and Date text agree with the system clock", "[request_clock]") {
    const auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto reading = request_clock();
    const auto after = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(reading.wall >= before);
    CHECK(reading.wall <= after);
    CHECK(reading.date == http_date(reading.wall));
    // A second later, the wall second and its text move on.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto later = request_clock();
    CHECK(later.wall > reading.wall);
    CHECK(later.date == http_date(later.wall));
}

TEST_CASE("a thread that has not read the clock yet gets a fresh reading", "[request_clock]") {
    request_time seen{};
    const auto before = std::chrono::steady_clock::now();
    std::thread([&] { seen = last_request_clock(); }).join();
    CHECK(seen.steady >= before);
    CHECK(seen.wall.time_since_epoch().count() > 0);
}
