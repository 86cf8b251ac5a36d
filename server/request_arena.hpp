#pragma once
// The memory one connection's request headers live in: a block used again for every request, so that parsing a
// request (Beast's fields, its target) allocates nothing once the connection has seen a request of its size.
// Allocation is a pointer bump; freeing waits for reset(), which the session calls when the request is gone.
// A request that needs more than the block takes the rest from the heap, and the block grows to that need (up to
// max_block) at the next reset, so the block fits what the connection's client sends.
#include <cstddef>
#include <memory>
#include <memory_resource>

namespace tp::server {

class request_arena final : public std::pmr::memory_resource {
public:
    static constexpr std::size_t first_block = 1024;  // wrk's and curl's requests fit; a browser's grows it once
    static constexpr std::size_t max_block = 16 * 1024;

    request_arena() = default;
    request_arena(const request_arena&) = delete;
    request_arena& operator=(const request_arena&) = delete;
    ~request_arena() override;

    // Forgets all that was allocated: nothing from it may be in use. Grows the block to the last request's need.
    void reset();
    [[nodiscard]] std::size_t block_size() const { return size_; }

private:
    struct spill;  // a heap allocation beyond the block, freed at reset

    void* do_allocate(std::size_t bytes, std::size_t alignment) override;
    void do_deallocate(void*, std::size_t, std::size_t) override {}
    [[nodiscard]] bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override {
        return this == &other;
    }
    void free_spills();

    std::unique_ptr<std::byte[]> block_;
    std::size_t size_ = 0;
    std::size_t used_ = 0;
    std::size_t spilled_ = 0;  // bytes taken from the heap since the last reset
    spill* spills_ = nullptr;
};

}  // namespace tp::server
