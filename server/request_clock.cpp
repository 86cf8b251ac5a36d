#include "server/request_clock.hpp"

#include <array>
#include <algorithm>

#include "server/conditional.hpp"

namespace tp::server {
namespace {

struct second_on_this_thread {
    std::chrono::steady_clock::time_point ends{};  // when the next second begins, by the steady clock
    std::chrono::sys_seconds wall{};
    std::array<char, 29> date{};  // "Sun, 06 Nov 1994 08:49:37 GMT"
};

}  // namespace

request_time request_clock() {
    thread_local second_on_this_thread current;
    const auto now = std::chrono::steady_clock::now();
    if (now >= current.ends) {
        const auto wall = std::chrono::system_clock::now();
        current.wall = std::chrono::floor<std::chrono::seconds>(wall);
        current.ends = now + (current.wall + std::chrono::seconds{1} - wall);
        const auto text = http_date(current.wall);
        std::copy_n(text.data(), std::min(text.size(), current.date.size()), current.date.data());
    }
    return {now, current.wall, std::string_view(current.date.data(), current.date.size())};
}

}  // namespace tp::server
