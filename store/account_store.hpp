#pragma once
// Organisers' accounts (accounts.cpp, organiser_links.cpp): creating and inviting them, logins with a growing
// delay after failures, sessions, API tokens, password links.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "calendar/accounts.hpp"
#include "store/actor.hpp"
#include "store/database.hpp"
#include "store/refusal.hpp"

namespace tp::store {

// An account the store cannot create: the email is taken, a network is unknown, the password too short.
class account_error : public refusal {
public:
    account_error(calendar::account_problem problem, const std::string& message)
        : refusal(refusal_kind::invalid, "account", message), why(problem) {}
    calendar::account_problem why;
};

struct new_organiser {
    std::string email;
    std::string name;
    calendar::role role = calendar::role::organiser;
    std::vector<std::string> networks{};
    std::string password;  // at least min_password_length characters
};
inline constexpr std::size_t min_password_length = 10;

struct login_result {
    enum class outcome { ok, wrong, wait } result = outcome::wrong;
    std::optional<calendar::organiser> who;  // ok
    std::chrono::seconds retry_after{0};     // wait: the growing delay after failed logins
};

inline constexpr std::chrono::hours session_lifetime{12};

class account_store {
public:
    explicit account_store(database& db) : db_(db) {}

    // Throws account_error.
    calendar::organiser create_organiser(const new_organiser& o);
    // Checks a password. The attempt is counted before the slow hash, atomically, so parallel wrong guesses each
    // count towards the account's growing delay; a right password clears the count. Unknown emails cost the same.
    [[nodiscard]] login_result check_login(const std::string& email, const std::string& password);
    // A new session for an organiser: the token for the cookie (only its digest is stored), valid 12 hours.
    [[nodiscard]] std::string open_session(std::int64_t organiser_id);
    [[nodiscard]] std::optional<calendar::organiser> session_organiser(const std::string& token);
    void close_session(const std::string& token);
    // A new API token for the organiser with this email (throws account_error for an unknown one).
    [[nodiscard]] std::string create_api_token(const std::string& email, const std::string& label);
    [[nodiscard]] std::optional<calendar::organiser> api_token_organiser(const std::string& token);
    // Revokes every API token of an organiser with this label (all labels when empty); returns how many.
    int revoke_api_tokens(const std::string& email, const std::string& label);

    // An invitation creates the account without a password and queues an email with a link valid 72 hours; a
    // reset queues one valid 2 hours, and nothing for an unknown email (the caller says the same either way).
    // Throws account_error like create_organiser.
    calendar::organiser invite_organiser(const new_organiser& o, const actor& by);
    void request_password_reset(const std::string& email);
    // Sets the password of the link's organiser, uses the link up, voids the account's other open links and
    // ends all its sessions; nullopt for an unknown, used or expired link. Throws account_error for a short password.
    std::optional<calendar::organiser> set_password_by_link(const std::string& token, const std::string& password);
    [[nodiscard]] bool link_valid(const std::string& token);

private:
    database& db_;
};

}  // namespace tp::store
