#include "server/request_arena.hpp"

#include <algorithm>
#include <cstdint>
#include <new>

namespace tp::server {

struct request_arena::spill {
    spill* next;
    std::size_t alignment;
};

namespace {

constexpr std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

}  // namespace

request_arena::~request_arena() { free_spills(); }

void* request_arena::do_allocate(std::size_t bytes, std::size_t alignment) {
    if (!block_) {
        size_ = std::max(size_, first_block);
        block_ = std::make_unique<std::byte[]>(size_);
    }
    const auto base = reinterpret_cast<std::uintptr_t>(block_.get());
    const auto start = round_up(base + used_, alignment) - base;
    if (start + bytes <= size_) {
        used_ = start + bytes;
        return block_.get() + start;
    }
    // The header sits before the bytes, at a multiple of the alignment, so that the bytes keep it.
    const auto header = round_up(sizeof(spill), std::max(alignment, alignof(spill)));
    const auto align = std::max(alignment, alignof(spill));
    auto* raw = static_cast<std::byte*>(::operator new (header + bytes, std::align_val_t{align}));
    spills_ = new (raw) spill{spills_, align};
    spilled_ += bytes + alignment;
    return raw + header;
}

void request_arena::free_spills() {
    while (spills_) {
        auto* next = spills_->next;
        ::operator delete (static_cast<void*>(spills_), std::align_val_t{spills_->alignment});
        spills_ = next;
    }
}

void request_arena::reset() {
    free_spills();
    const auto need = used_ + spilled_;
    if (spilled_ > 0 && size_ < max_block) {
        size_ = std::min(max_block, round_up(need, first_block));
        block_.reset();  // made at the next allocation, at the new size
    }
    used_ = 0;
    spilled_ = 0;
}

}  // namespace tp::server
