#pragma once
// A unique path under the system temp folder; the file and its SQLite companions go when this goes.
#include <filesystem>
#include <random>
#include <string>

namespace tp::testing {

class temp_path {
public:
    explicit temp_path(const std::string& suffix = ".db") {
        std::random_device rd;
        path_ = (std::filesystem::temp_directory_path() /
                 ("treffpunkt-test-" + std::to_string(rd()) + "-" + std::to_string(rd()) + suffix))
                    .string();
    }
    temp_path(const temp_path&) = delete;
    temp_path& operator=(const temp_path&) = delete;
    ~temp_path() {
        std::error_code ec;
        for (const char* extra : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove_all(path_ + extra, ec);
    }
    [[nodiscard]] const std::string& str() const { return path_; }

private:
    std::string path_;
};

}  // namespace tp::testing
