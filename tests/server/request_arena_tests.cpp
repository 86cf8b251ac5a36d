// The connection's request arena: aligned, non-overlapping allocations; more than the block spills to the heap and
// grows the block at the next reset, up to its cap.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

#include "server/request_arena.hpp"

using tp::server::request_arena;

namespace {

struct taken {
    std::byte* at;
    std::size_t size;
};

// Allocates `sizes` with `alignment`, fills each with its own byte, and checks every one kept its bytes.
void allocate_and_check(request_arena& arena, const std::vector<std::size_t>& sizes, std::size_t alignment) {
    std::vector<taken> all;
    for (const auto size : sizes) {
        auto* p = static_cast<std::byte*>(arena.allocate(size, alignment));
        CHECK(reinterpret_cast<std::uintptr_t>(p) % alignment == 0);
        std::memset(p, static_cast<int>(all.size() + 1), size);
        all.push_back({p, size});
    }
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = 0; j < all[i].size; ++j) REQUIRE(all[i].at[j] == static_cast<std::byte>(i + 1));
}

}  // namespace

TEST_CASE("the arena's allocations are aligned and apart, within the block and beyond it", "[request_arena]") {
    const auto alignment = GENERATE(as<std::size_t>{}, 1, 2, 8, 16, 64);
    const auto sizes = GENERATE(std::vector<std::size_t>{1, 3, 7, 100},                // all within the first block
                                std::vector<std::size_t>{600, 600, 600},               // the third spills
                                std::vector<std::size_t>{5000},                        // larger than the block
                                std::vector<std::size_t>{10, 2000, 10, 3000, 10, 1});  // in and out
    CAPTURE(alignment, sizes);
    request_arena arena;
    allocate_and_check(arena, sizes, alignment);
    arena.reset();
    allocate_and_check(arena, sizes, alignment);  // the same again after a reset
}

TEST_CASE("the block grows to what a request needed, and no further than its cap", "[request_arena]") {
    request_arena arena;
    CHECK(arena.block_size() == 0);  // nothing until the first request
    (void)arena.allocate(100, 8);
    arena.reset();
    CHECK(arena.block_size() == request_arena::first_block);  // it fitted: no growth

    (void)arena.allocate(900, 8);
    (void)arena.allocate(900, 8);  // spills
    arena.reset();
    CHECK(arena.block_size() >= 1800);
    CHECK(arena.block_size() % request_arena::first_block == 0);
    const auto grown = arena.block_size();
    (void)arena.allocate(900, 8);
    (void)arena.allocate(900, 8);  // fits now
    arena.reset();
    CHECK(arena.block_size() == grown);

    (void)arena.allocate(10 * request_arena::max_block, 8);
    arena.reset();
    CHECK(arena.block_size() == request_arena::max_block);
}
