#pragma once
// A large cached body kept in a file as well, so that a session sends it with sendfile(2) as nginx sends a file:
// the kernel takes the pages as they are instead of copying the bytes from our memory for each request.
// Kept where the kernel splices fastest: an unnamed file (O_TMPFILE) in the temp folder, which on a disk file system
// sendfile reads in batches of the page cache; bench/wire.sh measured the feed about 7% quicker than from a memfd,
// whose shmem pages it looks up one by one. Where there is no such folder, a memfd.
// No one can change bytes that are on their way: the file has no name, and the descriptor kept is read-only (the
// writable one is closed); a memfd is sealed (no write, no resize).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace tp::server {

class sealed_body {
public:
    // Bodies from this size on are worth it (bench/wire.sh: the feed of 500 events, ~370 KB, and the public API's
    // page of 100 events, ~88 KB, which went about 7% quicker by sendfile than with a threshold of 128 KiB); smaller
    // ones go with the head in one gather write.
    static constexpr std::size_t threshold = 64 * 1024;

    // The bytes in a new unnamed file in `folder` (by default the temp folder), else in a sealed memfd; nullptr
    // where both fail (no space, no memory): they are then sent from memory.
    [[nodiscard]] static std::shared_ptr<const sealed_body> make(std::string_view bytes);
    [[nodiscard]] static std::shared_ptr<const sealed_body> make(std::string_view bytes, const std::string& folder);
    ~sealed_body();
    sealed_body(const sealed_body&) = delete;
    sealed_body& operator=(const sealed_body&) = delete;

    [[nodiscard]] int fd() const { return fd_; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool in_file() const { return in_file_; }  // not a memfd

private:
    sealed_body(int fd, std::size_t size, bool in_file) : fd_(fd), size_(size), in_file_(in_file) {}
    int fd_;
    std::size_t size_;
    bool in_file_;
};

}  // namespace tp::server
