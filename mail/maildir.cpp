#include "mail/maildir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

namespace tp::mail {
namespace {

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "localhost";
    std::string out;
    for (const char* p = name; *p != '\0'; ++p) out += (*p == '/' || *p == ':') ? '_' : *p;
    return out;
}

// time.M<microseconds>P<pid>Q<sequence>.host, unique per process and message (the maildir naming convention).
std::string unique_name(unsigned long sequence) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now - seconds);
    return std::to_string(seconds.count()) + ".M" + std::to_string(micros.count()) + "P" + std::to_string(getpid()) +
           "Q" + std::to_string(sequence) + "." + host_name();
}

// One sequence for the whole process: several senders may write to the same maildir at once.
std::atomic<unsigned long> sequence{0};

send_result local_error(const std::string& what) { return {delivery::temporary, what + ": " + std::strerror(errno)}; }

}  // namespace

maildir_transport::maildir_transport(std::filesystem::path folder) : folder_(std::move(folder)) {
    for (const auto* sub : {"tmp", "new", "cur"}) std::filesystem::create_directories(folder_ / sub);
}

send_result maildir_transport::send(const envelope&, std::string_view data) {
    const auto name = unique_name(++sequence);
    const auto tmp = folder_ / "tmp" / name;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return local_error("cannot create " + tmp.string());
    std::size_t done = 0;
    while (done < data.size()) {
        const auto n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            auto failed = local_error("cannot write " + tmp.string());
            ::close(fd);
            ::unlink(tmp.c_str());
            return failed;
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    const auto target = folder_ / "new" / name;
    if (!synced || ::rename(tmp.c_str(), target.c_str()) != 0) {
        auto failed = local_error("cannot store " + target.string());
        ::unlink(tmp.c_str());
        return failed;
    }
    return {delivery::sent, target.string()};
}

}  // namespace tp::mail
