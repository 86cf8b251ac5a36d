#pragma once
// What the store refuses, as a small set of kinds that app::handle maps to one HTTP status each, with the words
// from web/ in the visitor's language: not_found 404, conflict 409 (the current state does not allow it),
// forbidden 403 (another network's rows), invalid 422 (bad data), unavailable 503 (the storage cannot be
// written). `reason()` is a stable code for the API and the log (e.g. "registration_cancelled"); what() is
// English for the log and the command line. Nothing is written when a refusal is thrown.
#include <stdexcept>
#include <string>

namespace tp::store {

enum class refusal_kind { not_found, conflict, forbidden, invalid, unavailable };

class refusal : public std::runtime_error {
public:
    refusal(refusal_kind kind, std::string reason, const std::string& message)
        : std::runtime_error(message), kind_(kind), reason_(std::move(reason)) {}
    [[nodiscard]] refusal_kind kind() const { return kind_; }
    [[nodiscard]] const std::string& reason() const { return reason_; }

private:
    refusal_kind kind_;
    std::string reason_;
};

// A row the write names does not exist (an event, a series, a registration).
class not_found_error : public refusal {
public:
    explicit not_found_error(const std::string& message) : refusal(refusal_kind::not_found, "not_found", message) {}
};

// The database cannot be written or read (disk full, read-only, I/O error, locked, out of memory). `hint` says
// what an operator should look at; the transaction was rolled back, and the next write after the cause is gone
// works without a restart.
class storage_unavailable : public refusal {
public:
    storage_unavailable(const std::string& message, std::string hint)
        : refusal(refusal_kind::unavailable, "storage_unavailable", message), hint_(std::move(hint)) {}
    [[nodiscard]] const std::string& hint() const { return hint_; }

private:
    std::string hint_;
};

}  // namespace tp::store
