#pragma once
// One line per request: time, client, method, target (secrets hidden: log_redaction.hpp), status, bytes,
// duration. Buffered; flush() writes out.
// Thread-safe.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace tp::server {

class access_log {
public:
    // "-" or "stderr": standard error; "off": nothing; anything else: a file to append to.
    explicit access_log(const std::string& where);
    ~access_log();
    access_log(const access_log&) = delete;
    access_log& operator=(const access_log&) = delete;

    void write(std::string_view client, std::string_view method, std::string_view target, unsigned status,
               std::uint64_t bytes, std::chrono::nanoseconds duration);
    void flush();
    [[nodiscard]] bool enabled() const { return out_ != nullptr; }

private:
    std::mutex mutex_;
    std::FILE* out_ = nullptr;
    bool owned_ = false;
};

}  // namespace tp::server
