#pragma once
// A large cached body kept in a sealed memfd as well, so that a session sends it with sendfile(2) as nginx sends a
// file: the kernel takes the pages as they are instead of copying the bytes from our memory for each request.
// Sealed (no write, no resize), so no one can change bytes that are on their way.
#include <cstddef>
#include <memory>
#include <string_view>

namespace tp::server {

class sealed_body {
public:
    // Bodies from this size on are worth it (bench/wire.sh: the feed of 500 events, ~370 KB); smaller ones go with
    // the head in one gather write.
    static constexpr std::size_t threshold = 64 * 1024;

    // The bytes in a new sealed memfd; nullptr where that fails (no memfd, no memory): they are then sent from
    // memory.
    [[nodiscard]] static std::shared_ptr<const sealed_body> make(std::string_view bytes);
    ~sealed_body();
    sealed_body(const sealed_body&) = delete;
    sealed_body& operator=(const sealed_body&) = delete;

    [[nodiscard]] int fd() const { return fd_; }
    [[nodiscard]] std::size_t size() const { return size_; }

private:
    sealed_body(int fd, std::size_t size) : fd_(fd), size_(size) {}
    int fd_;
    std::size_t size_;
};

}  // namespace tp::server
