#pragma once
// Who changes the data, and which networks they may change. Every store write that finds rows by slug or id
// checks, inside its own transaction, that those rows belong to a network the actor may manage, and throws
// forbidden_error otherwise (nothing is written then). No write moves a row to another network.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/accounts.hpp"
#include "store/refusal.hpp"

namespace tp::store {

// A write reached a row of a network the actor may not manage.
class forbidden_error : public refusal {
public:
    explicit forbidden_error(const std::string& message) : refusal(refusal_kind::forbidden, "forbidden", message) {}
};

class actor {
public:
    // The operator at the command line (import, message, forget) and the demo data: every network.
    [[nodiscard]] static actor operator_named(std::string name);
    // An organiser, signed in or by API token: admins every network, organisers their own. `via` follows the
    // email in the audit log (e.g. " (API)").
    [[nodiscard]] static actor organiser(const calendar::organiser& who, std::string_view via = "");

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] bool everywhere() const { return !networks_.has_value(); }
    [[nodiscard]] bool may_manage(std::string_view network_slug) const;
    // Throws forbidden_error naming `what` unless the actor may manage the network.
    void require(std::string_view network_slug, std::string_view what) const;
    // Throws forbidden_error unless the actor may manage every network (admins, the operator).
    void require_everywhere(std::string_view what) const;

private:
    actor(std::string name, std::optional<std::vector<std::string>> networks)
        : name_(std::move(name)), networks_(std::move(networks)) {}
    std::string name_;
    std::optional<std::vector<std::string>> networks_;  // nullopt: every network
};

}  // namespace tp::store
