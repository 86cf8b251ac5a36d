// One-time links for organisers: invitations (first password) and password resets, each sent by email.

#include <boost/json.hpp>

#include "store/accounts_steps.hpp"
#include "store/rows.hpp"
#include "store/account_store.hpp"
#include "store/tokens.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

constexpr std::chrono::hours invite_lifetime{72};
constexpr std::chrono::hours reset_lifetime{2};

// Stores the link's digest and queues its email; the token itself rides in the outbox row until it is sent.
void send_link(connection& c, const calendar::organiser& who, const std::string& purpose, std::chrono::hours lifetime,
               calendar::sys_seconds now) {
    const auto token = random_token() + random_token();
    auto link =
        c.prepare("INSERT INTO organiser_links (digest, organiser_id, purpose, expires_at) VALUES (?, ?, ?, ?)");
    link->bind(1, token_digest(token));
    link->bind(2, who.id);
    link->bind(3, purpose);
    link->bind(4, to_db(now + lifetime));
    link->exec();
    auto mail = c.prepare(
        "INSERT INTO outbox (kind, registration_id, recipient, language, created_at, due_at, payload) "
        "VALUES (?, NULL, ?, 'de', ?, ?, ?)");
    mail->bind(1, "organiser_" + purpose);
    mail->bind(2, who.email);
    mail->bind(3, to_db(now));
    mail->bind(4, to_db(now));
    mail->bind(5, boost::json::serialize(boost::json::object{{"token", token}, {"name", who.name}}));
    mail->exec();
}

}  // namespace

calendar::organiser account_store::invite_organiser(const new_organiser& o, const actor& by) {
    if (o.role == calendar::role::admin) by.require_everywhere("inviting an administrator");
    for (const auto& n : o.networks) by.require(n, "the invitation");
    if (o.name.empty()) throw account_error(calendar::account_problem::name_empty, "the name is empty");
    if (o.email.find('@') == std::string::npos)
        throw account_error(calendar::account_problem::not_an_email, "'" + o.email + "' is not an email address");
    return db_.write([&](connection& c, sys_seconds now) -> calendar::organiser {
        auto created = insert_organiser(c, o, std::nullopt, now);
        send_link(c, created, "invite", invite_lifetime, now);
        write_audit(c, now, by.name(), std::nullopt, "invite_organiser",
                    std::string(calendar::to_string(o.role)) + " " + o.email);
        return created;
    });
}

void account_store::request_password_reset(const std::string& email) {
    db_.write([&](connection& c, sys_seconds now) {
        const auto who = organiser_where(c, "WHERE o.email_key = ?", lower(email));
        if (!who) return;
        send_link(c, *who, "reset", reset_lifetime, now);
    });
}

bool account_store::link_valid(const std::string& token) {
    return db_.read([&](connection& c) -> bool {
        auto find = c.prepare("SELECT 1 FROM organiser_links WHERE digest = ? AND used_at IS NULL AND expires_at > ?");
        find->bind(1, token_digest(token));
        find->bind(2, to_db(db_.now()));
        return find->executeStep();
    });
}

std::optional<calendar::organiser> account_store::set_password_by_link(const std::string& token,
                                                                       const std::string& password) {
    if (password.size() < min_password_length)
        throw account_error(calendar::account_problem::password_short,
                            "the password needs at least " + std::to_string(min_password_length) + " characters");
    const auto hash = hash_password(password);
    return db_.write([&](connection& c, sys_seconds now) -> std::optional<calendar::organiser> {
        const auto who = organiser_where(c,
                                         "JOIN organiser_links l ON l.organiser_id = o.id WHERE l.digest = ?1 AND "
                                         "l.used_at IS NULL AND l.expires_at > ?2",
                                         token_digest(token), to_db(now));
        if (!who) return std::nullopt;
        auto set = c.prepare(
            "UPDATE organisers SET password_hash = ?, failed_logins = 0, locked_until = NULL, "
            "updated_at = ? WHERE id = ?");
        set->bind(1, hash);
        set->bind(2, to_db(now));
        set->bind(3, who->id);
        set->exec();
        // A new password ends every session of the account (a thief's too) and voids its other open links.
        auto use = c.prepare("UPDATE organiser_links SET used_at = ? WHERE organiser_id = ? AND used_at IS NULL");
        use->bind(1, to_db(now));
        use->bind(2, who->id);
        use->exec();
        auto end_sessions = c.prepare("DELETE FROM admin_sessions WHERE organiser_id = ?");
        end_sessions->bind(1, who->id);
        end_sessions->exec();
        return who;
    });
}

}  // namespace tp::store
