#pragma once
// The clocks a request needs, from one reading: the steady time its first bytes came (its deadlines and its
// duration) and the wall time for the Date header and the pages' minute. The wall clock itself is read when a new
// second begins on this thread, and the Date text is formatted then: about once a second per I/O thread.
#include <chrono>
#include <string_view>

namespace tp::server {

struct request_time {
    std::chrono::steady_clock::time_point steady;
    std::chrono::sys_seconds wall;
    std::string_view date;  // IMF-fixdate of `wall`; valid on this thread until its next request_clock() call
};

[[nodiscard]] request_time request_clock();

}  // namespace tp::server
