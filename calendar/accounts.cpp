#include "calendar/accounts.hpp"

#include <algorithm>

namespace tp::calendar {

std::string_view to_string(role r) { return r == role::admin ? "admin" : "organiser"; }

std::optional<role> parse_role(std::string_view s) {
    if (s == "admin") return role::admin;
    if (s == "organiser") return role::organiser;
    return std::nullopt;
}

bool may_manage(const organiser& who, std::string_view network_slug) {
    if (who.role == role::admin) return true;
    return std::find(who.networks.begin(), who.networks.end(), network_slug) != who.networks.end();
}

std::chrono::seconds login_delay(int failures) {
    constexpr std::chrono::seconds longest{15 * 60};
    if (failures < 3) return std::chrono::seconds{0};
    const int doublings = std::min(failures - 3, 20);
    return std::min(longest, std::chrono::seconds{std::int64_t{1} << doublings});
}

}  // namespace tp::calendar
