#include "store/actor.hpp"

#include <algorithm>

namespace tp::store {

actor actor::operator_named(std::string name) { return {std::move(name), std::nullopt}; }

actor actor::organiser(const calendar::organiser& who, std::string_view via) {
    auto name = who.email + std::string(via);
    if (who.role == calendar::role::admin) return {std::move(name), std::nullopt};
    return {std::move(name), who.networks};
}

bool actor::may_manage(std::string_view network_slug) const {
    return !networks_ || std::find(networks_->begin(), networks_->end(), network_slug) != networks_->end();
}

void actor::require(std::string_view network_slug, std::string_view what) const {
    if (!may_manage(network_slug))
        throw forbidden_error(std::string(what) + " belongs to network '" + std::string(network_slug) + "', which " +
                              name_ + " does not manage");
}

void actor::require_everywhere(std::string_view what) const {
    if (!everywhere()) throw forbidden_error(std::string(what) + " needs an administrator");
}

}  // namespace tp::store
