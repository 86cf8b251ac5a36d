#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <thread>

#include "server/made_ahead.hpp"

using tp::server::made_ahead;

TEST_CASE("items made ahead come in order, made on another thread") {
    const auto caller = std::this_thread::get_id();
    std::vector<std::thread::id> makers(5);
    made_ahead<std::string> items(5, [&](std::size_t i) {
        makers[i] = std::this_thread::get_id();
        return "item " + std::to_string(i);
    });
    for (std::size_t i = 0; i < 5; ++i) CHECK(items.take(i) == "item " + std::to_string(i));
    for (const auto& id : makers) CHECK(id != caller);
}

TEST_CASE("what making an item threw is thrown where it is taken, and the others are still made") {
    made_ahead<int> items(3, [](std::size_t i) {
        if (i == 1) throw std::invalid_argument("item 1 cannot be made");
        return static_cast<int>(i) * 10;
    });
    CHECK(items.take(0) == 0);
    CHECK_THROWS_WITH(items.take(1), "item 1 cannot be made");
    CHECK(items.take(2) == 20);
}

TEST_CASE("leaving early stops the helper after the item in hand, and none is made twice") {
    std::atomic<int> made{0};
    {
        made_ahead<int> items(1000, [&](std::size_t i) {
            ++made;
            std::this_thread::sleep_for(std::chrono::milliseconds{1});
            return static_cast<int>(i);
        });
        CHECK(items.take(0) == 0);
    }  // destroyed with most items not taken
    CHECK(made >= 1);
    CHECK(made < 1000);
}

TEST_CASE("nothing to make is fine") {
    made_ahead<int> items(0, [](std::size_t) -> int { throw std::logic_error("never called"); });
    CHECK_THROWS_AS(items.take(0), std::out_of_range);
}
