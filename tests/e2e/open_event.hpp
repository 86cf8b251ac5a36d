#pragma once
// An event of the fixture's network whose registration is open now. The store uses the real clock, so the
// pages' clock is set to now too.
#include "e2e/fixture_server.hpp"
#include "sample_event.hpp"

namespace tp::testing {

inline void add_open_event(fixture_server& s, const std::string& slug, std::optional<int> capacity) {
    auto e = sample_event(slug);
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    s.now = now;
    e.start = now + std::chrono::hours{24 * 30};
    e.end = e.start + std::chrono::hours{7};
    e.registration_opens = now - std::chrono::hours{24};
    e.registration_closes = e.start - std::chrono::hours{24};
    e.capacity = capacity;
    s.db().upsert({}, {&e, 1});
}

}  // namespace tp::testing
