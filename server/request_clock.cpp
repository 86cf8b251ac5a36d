#include "server/request_clock.hpp"

#include <algorithm>
#include <array>

#include "server/conditional.hpp"

namespace tp::server {
namespace {

struct readings_on_this_thread {
    std::chrono::steady_clock::time_point last{};
    std::chrono::steady_clock::time_point second_ends{};  // when the next second begins, by the steady clock
    std::chrono::sys_seconds wall{};
    std::array<char, 29> date{};  // "Sun, 06 Nov 1994 08:49:37 GMT"
};

thread_local readings_on_this_thread readings;

request_time last_reading() {
    return {readings.last, readings.wall, std::string_view(readings.date.data(), readings.date.size())};
}

}  // namespace

request_time request_clock() {
    readings.last = std::chrono::steady_clock::now();
    if (readings.last >= readings.second_ends) {
        const auto wall = std::chrono::system_clock::now();
        readings.wall = std::chrono::floor<std::chrono::seconds>(wall);
        readings.second_ends = readings.last + (readings.wall + std::chrono::seconds{1} - wall);
        const auto text = http_date(readings.wall);
        std::copy_n(text.data(), std::min(text.size(), readings.date.size()), readings.date.data());
    }
    return last_reading();
}

request_time last_request_clock() {
    if (readings.last == std::chrono::steady_clock::time_point{}) return request_clock();  // none yet
    return last_reading();
}

}  // namespace tp::server
