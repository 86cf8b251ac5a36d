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

// The link token of `email`'s registration for the event, as only their inbox learns it (the public API and
// pages never answer with it); "" when there is none.
inline std::string link_token(fixture_server& s, const std::string& slug, const std::string& email) {
    for (const auto& a : s.db().attendees(slug).value_or(std::vector<calendar::attendee>{}))
        if (a.registration.email == email) return a.registration.token;
    return {};
}

}  // namespace tp::testing
