#include "server/sealed_body.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <filesystem>

namespace tp::server {
namespace {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// An unnamed file with the bytes, open read-only; -1 where the folder or its file system has none to give.
int unnamed_file(std::string_view bytes, const std::string& folder) {
    const int writable = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (writable < 0) return -1;
    int readable = -1;
    if (write_all(writable, bytes))
        readable = ::open(("/proc/self/fd/" + std::to_string(writable)).c_str(), O_RDONLY | O_CLOEXEC);
    ::close(writable);
    return readable;
}

// A memfd with the bytes, sealed; -1 where that fails.
int sealed_memfd(std::string_view bytes) {
    const int fd = ::memfd_create("treffpunkt-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return -1;
    if (write_all(fd, bytes) && ::fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) == 0)
        return fd;
    ::close(fd);
    return -1;
}

}  // namespace

std::shared_ptr<const sealed_body> sealed_body::make(std::string_view bytes) {
    std::error_code ec;
    return make(bytes, std::filesystem::temp_directory_path(ec).string());
}

std::shared_ptr<const sealed_body> sealed_body::make(std::string_view bytes, const std::string& folder) {
    if (const int fd = folder.empty() ? -1 : unnamed_file(bytes, folder); fd >= 0)
        return std::shared_ptr<const sealed_body>(new sealed_body(fd, bytes.size(), true));
    if (const int fd = sealed_memfd(bytes); fd >= 0)
        return std::shared_ptr<const sealed_body>(new sealed_body(fd, bytes.size(), false));
    return nullptr;
}

sealed_body::~sealed_body() { ::close(fd_); }

}  // namespace tp::server
