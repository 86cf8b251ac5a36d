#include "server/access_log.hpp"

#include <date/date.h>

#include <stdexcept>

#include "server/log_redaction.hpp"

namespace tp::server {

access_log::access_log(const std::string& where) {
    if (where == "off") return;
    if (where == "-" || where == "stderr" || where.empty()) {
        out_ = stderr;
        return;
    }
    out_ = std::fopen(where.c_str(), "a");
    if (!out_) throw std::runtime_error("cannot open the access log " + where);
    owned_ = true;
    std::setvbuf(out_, nullptr, _IOFBF, 1 << 16);
}

access_log::~access_log() {
    flush();
    if (owned_) std::fclose(out_);
}

void access_log::write(std::string_view client, std::string_view method, std::string_view target, unsigned status,
                       std::uint64_t bytes, std::chrono::nanoseconds duration) {
    if (!out_) return;
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    std::string line = date::format("%FT%TZ", now);
    line.append(" ").append(client).append(" \"").append(method).append(" ");
    line += loggable_target(target);
    char tail[96];
    std::snprintf(tail, sizeof tail, "\" %u %llu %.3fms\n", status, static_cast<unsigned long long>(bytes),
                  std::chrono::duration<double, std::milli>(duration).count());
    line += tail;
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), out_);
}

void access_log::flush() {
    std::lock_guard lock(mutex_);
    if (out_) std::fflush(out_);
}

}  // namespace tp::server
