#pragma once
// Organisers and what they may manage: admins everything, organisers the events of their networks. Pure rules.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/types.hpp"

namespace tp::calendar {

enum class role { admin, organiser };

// Why an account cannot be created or changed (the store refuses; web/ says it in words).
enum class account_problem {
    password_short,
    name_empty,
    not_an_email,
    email_taken,
    unknown_network,
    unknown_organiser
};
[[nodiscard]] std::string_view to_string(role r);
[[nodiscard]] std::optional<role> parse_role(std::string_view s);

struct organiser {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    calendar::role role = role::organiser;
    std::vector<std::string> networks;  // slugs; admins manage every network whatever this says
};

// Whether `who` may see and change the events, registrations and exports of network `network_slug`.
[[nodiscard]] bool may_manage(const organiser& who, std::string_view network_slug);

// After `failures` failed logins in a row, how long the next attempt must wait: none for the first two, then
// 1 s, 2 s, 4 s, ... up to 15 minutes. Slows guessing without locking anyone out for long.
[[nodiscard]] std::chrono::seconds login_delay(int failures);

}  // namespace tp::calendar
