#pragma once
// The clocks a request needs, from one reading: the steady time (deadlines, duration) and the wall time for the Date
// header and the pages' minute. The wall clock itself is read when a new second begins on this thread, and the Date
// text is formatted then: about once a second per I/O thread.
// A request reads the clock once, at its first bytes. Its answer is timed by the last reading on its thread (as
// nginx times by the reading of its event loop's turn) when it is a prepared answer, ready microseconds later; an
// answer a handler worked on reads the clock again, so that its work is measured.
#include <chrono>
#include <string_view>

namespace tp::server {

struct request_time {
    std::chrono::steady_clock::time_point steady;
    std::chrono::sys_seconds wall;
    std::string_view date;  // IMF-fixdate of `wall`; valid on this thread until its next request_clock() call
};

// Reads the clock.
[[nodiscard]] request_time request_clock();
// The last reading on this thread (request_clock()'s), without reading the clock again.
[[nodiscard]] request_time last_request_clock();

}  // namespace tp::server
