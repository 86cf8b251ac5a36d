#include "server/sealed_body.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

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

}  // namespace

std::shared_ptr<const sealed_body> sealed_body::make(std::string_view bytes) {
    const int fd = ::memfd_create("treffpunkt-body", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) return nullptr;
    if (!write_all(fd, bytes) ||
        ::fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0) {
        ::close(fd);
        return nullptr;
    }
    return std::shared_ptr<const sealed_body>(new sealed_body(fd, bytes.size()));
}

sealed_body::~sealed_body() { ::close(fd_); }

}  // namespace tp::server
