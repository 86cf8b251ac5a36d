// Loaded into the server with LD_PRELOAD by crash_test.py (test_torn_commit): at the Nth write to a SQLite
// write-ahead log (TREFFPUNKT_TORN_WAL_WRITE=N) it writes only the first half of the buffer and kills the
// process. Every write to the log belongs to a commit, so the kill lands inside one for certain, and the log ends
// in a torn frame, as after a crash mid-write. Built without sanitizers: it is loaded before their runtime.
#include <dlfcn.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using pwrite_fn = ssize_t (*)(int, const void*, size_t, off_t);

long kill_at() {
    static const long n = [] {
        const char* text = std::getenv("TREFFPUNKT_TORN_WAL_WRITE");
        return text != nullptr ? std::atol(text) : 0L;
    }();
    return n;
}

bool is_log(int fd) {
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    char path[4096];
    const auto n = readlink(link.c_str(), path, sizeof path - 1);
    return n > 4 && std::memcmp(path + n - 4, "-wal", 4) == 0;
}

std::atomic<long> log_writes{0};

}  // namespace

extern "C" ssize_t pwrite64(int fd, const void* buffer, size_t count, off_t offset) {
    static const auto real = reinterpret_cast<pwrite_fn>(dlsym(RTLD_NEXT, "pwrite64"));
    if (kill_at() > 0 && is_log(fd) && ++log_writes == kill_at()) {
        (void)real(fd, buffer, count / 2, offset);
        std::raise(SIGKILL);
    }
    return real(fd, buffer, count, offset);
}
