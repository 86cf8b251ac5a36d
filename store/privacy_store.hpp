#pragma once
// Data protection (privacy.cpp): forgetting a person, anonymising past events, and the audit log that records
// organisers' changes (how many, never whose data).
#include <optional>
#include <string>
#include <vector>

#include "store/actor.hpp"
#include "store/database.hpp"

namespace tp::store {

class privacy_store {
public:
    explicit privacy_store(database& db) : db_(db) {}

    // Removes a person's data from every registration of this email (name, email, organisation, answers; their
    // messages and personal feed go too); active registrations are cancelled first, so seats go to the waiting
    // list. The audit log records how many, not whose. Returns how many.
    int forget_person(const std::string& email, const actor& by);
    // What forget_person would touch, for the page that asks once more: registrations of this email in any
    // state, and those still active (pending, confirmed, waiting).
    struct footprint {
        int registrations = 0;
        int active = 0;
    };
    [[nodiscard]] footprint footprint_of(const std::string& email);
    // The same for every registration of events that ended before `ended_before`; returns how many.
    int anonymise_past_events(sys_seconds ended_before);
    struct audit_entry {
        sys_seconds at{};
        std::string actor, event_slug, action, detail;
    };
    [[nodiscard]] std::vector<audit_entry> audit_log(std::optional<std::string> event_slug = std::nullopt);

private:
    database& db_;
};

}  // namespace tp::store
