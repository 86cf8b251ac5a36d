// Organisers: accounts with argon2id passwords and a growing delay after failed logins, sessions and API tokens
// stored as digests, and the networks each organiser manages.

#include "store/rows.hpp"
#include "store/account_store.hpp"
#include "store/event_store.hpp"
#include "store/tokens.hpp"
#include "store/accounts_steps.hpp"
#include "store/writes.hpp"

namespace tp::store {

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::optional<calendar::organiser> organiser_where(connection& c, const std::string& where, const std::string& value,
                                                   std::optional<std::int64_t> now) {
    calendar::organiser o;
    {
        auto find = c.prepare("SELECT o.id, o.email, o.name, o.role FROM organisers o " + where);
        find->bind(1, value);
        if (now) find->bind(2, *now);
        if (!find->executeStep()) return std::nullopt;
        o.id = find->getColumn(0).getInt64();
        o.email = find->getColumn(1).getString();
        o.name = find->getColumn(2).getString();
        o.role = calendar::parse_role(find->getColumn(3).getString()).value_or(calendar::role::organiser);
    }
    auto networks = c.prepare(
        "SELECT n.slug FROM organiser_networks m JOIN networks n ON n.id = m.network_id "
        "WHERE m.organiser_id = ? ORDER BY n.slug");
    networks->bind(1, o.id);
    while (networks->executeStep()) o.networks.push_back(networks->getColumn(0).getString());
    return o;
}

namespace {

void check_new(const new_organiser& o) {
    if (o.password.size() < min_password_length)
        throw account_error(calendar::account_problem::password_short,
                            "the password needs at least " + std::to_string(min_password_length) + " characters");
    if (o.name.empty()) throw account_error(calendar::account_problem::name_empty, "the name is empty");
    if (o.email.find('@') == std::string::npos)
        throw account_error(calendar::account_problem::not_an_email, "'" + o.email + "' is not an email address");
}

// A hash to verify against when the email is unknown, so the answer takes as long either way.
const std::string& decoy_hash() {
    static const std::string hash = hash_password("no account has this password");
    return hash;
}

void count_failure(connection& c, std::int64_t id, int failures, calendar::sys_seconds now) {
    auto update = c.prepare("UPDATE organisers SET failed_logins = ?, locked_until = ? WHERE id = ?");
    update->bind(1, failures);
    update->bind(2, to_db(now + calendar::login_delay(failures)));
    update->bind(3, id);
    update->exec();
}

}  // namespace

calendar::organiser insert_organiser(connection& c, const new_organiser& o, const std::optional<std::string>& hash,
                                     calendar::sys_seconds now) {
    if (organiser_where(c, "WHERE o.email_key = ?", lower(o.email)))
        throw account_error(calendar::account_problem::email_taken,
                            "there is already an organiser with the email " + o.email);
    auto add = c.prepare(
        "INSERT INTO organisers (email, email_key, name, role, password_hash, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    add->bind(1, o.email);
    add->bind(2, lower(o.email));
    add->bind(3, o.name);
    add->bind(4, std::string(calendar::to_string(o.role)));
    bind_optional(*add, 5, hash);
    add->bind(6, to_db(now));
    add->bind(7, to_db(now));
    add->exec();
    const auto id = c.db().getLastInsertRowid();
    for (const auto& slug : o.networks) {
        auto link = c.prepare("INSERT OR IGNORE INTO organiser_networks (organiser_id, network_id) VALUES (?, ?)");
        link->bind(1, id);
        try {
            link->bind(2, network_id(c, slug, "organiser " + o.email));
        } catch (const import_error& ex) {
            throw account_error(calendar::account_problem::unknown_network, ex.what());
        }
        link->exec();
    }
    return organiser_where(c, "WHERE o.id = ?", std::to_string(id)).value();
}

calendar::organiser account_store::create_organiser(const new_organiser& o) {
    check_new(o);
    const auto hash = hash_password(o.password);  // slow on purpose: outside the write lock
    return db_.write([&](connection& c, sys_seconds now) { return insert_organiser(c, o, hash, now); });
}

namespace {

// Reserves one attempt before the slow hash, in one write: the attempt counts as a failure (and
// sets the delay for the next one) until the password proves right. Parallel guesses therefore each count, and
// the growing delay applies to them. nullopt: the account must wait (retry_after set).
struct attempt {
    std::int64_t id = 0;  // 0: no such account (the decoy hash is checked, nothing is counted)
    std::string hash;
};
std::optional<attempt> reserve_attempt(connection& c, const std::string& email, calendar::sys_seconds now,
                                       std::chrono::seconds& retry_after) {
    auto find = c.prepare("SELECT id, password_hash, failed_logins, locked_until FROM organisers WHERE email_key = ?");
    find->bind(1, lower(email));
    if (!find->executeStep()) return attempt{};
    attempt a{find->getColumn(0).getInt64(), find->getColumn(1).isNull() ? "" : find->getColumn(1).getString()};
    const int failures = find->getColumn(2).getInt();
    if (!find->getColumn(3).isNull() && find->getColumn(3).getInt64() > to_db(now)) {
        retry_after = std::chrono::seconds{find->getColumn(3).getInt64() - to_db(now)};
        return std::nullopt;
    }
    find->reset();
    count_failure(c, a.id, failures + 1, now);
    return a;
}

}  // namespace

login_result account_store::check_login(const std::string& email, const std::string& password) {
    std::chrono::seconds wait{0};
    const auto a = db_.write([&](connection& c, sys_seconds now) { return reserve_attempt(c, email, now, wait); });
    if (!a) return {login_result::outcome::wait, std::nullopt, wait};
    const bool ok =
        password_matches(a->hash.empty() ? decoy_hash() : a->hash, password) && a->id != 0 && !a->hash.empty();
    if (!ok) return {};
    return db_.write([&](connection& c, sys_seconds) {
        auto reset = c.prepare("UPDATE organisers SET failed_logins = 0, locked_until = NULL WHERE id = ?");
        reset->bind(1, a->id);
        reset->exec();
        return login_result{login_result::outcome::ok, organiser_where(c, "WHERE o.id = ?", std::to_string(a->id)), {}};
    });
}

std::string account_store::open_session(std::int64_t organiser_id) {
    const auto token = random_token() + random_token();
    db_.write([&](connection& c, sys_seconds now) {
        auto add =
            c.prepare("INSERT INTO admin_sessions (digest, organiser_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
        add->bind(1, token_digest(token));
        add->bind(2, organiser_id);
        add->bind(3, to_db(now));
        add->bind(4, to_db(now + session_lifetime));
        add->exec();
        auto sweep = c.prepare("DELETE FROM admin_sessions WHERE expires_at <= ?");
        sweep->bind(1, to_db(now));
        sweep->exec();
    });
    return token;
}

std::optional<calendar::organiser> account_store::session_organiser(const std::string& token) {
    return db_.read([&](connection& c) -> std::optional<calendar::organiser> {
        return organiser_where(
            c, "JOIN admin_sessions s ON s.organiser_id = o.id WHERE s.digest = ?1 AND s.expires_at > ?2",
            token_digest(token), to_db(db_.now()));
    });
}

void account_store::close_session(const std::string& token) {
    db_.write([&](connection& c, sys_seconds) {
        auto drop = c.prepare("DELETE FROM admin_sessions WHERE digest = ?");
        drop->bind(1, token_digest(token));
        drop->exec();
    });
}

std::string account_store::create_api_token(const std::string& email, const std::string& label) {
    const auto token = "tp_" + random_token() + random_token();
    db_.write([&](connection& c, sys_seconds now) {
        const auto who = organiser_where(c, "WHERE o.email_key = ?", lower(email));
        if (!who)
            throw account_error(calendar::account_problem::unknown_organiser,
                                "there is no organiser with the email " + email);
        auto add = c.prepare("INSERT INTO api_tokens (digest, organiser_id, label, created_at) VALUES (?, ?, ?, ?)");
        add->bind(1, token_digest(token));
        add->bind(2, who->id);
        add->bind(3, label);
        add->bind(4, to_db(now));
        add->exec();
    });
    return token;
}

std::optional<calendar::organiser> account_store::api_token_organiser(const std::string& token) {
    return db_.read([&](connection& c) -> std::optional<calendar::organiser> {
        return organiser_where(c,
                               "JOIN api_tokens t ON t.organiser_id = o.id WHERE t.digest = ? AND t.revoked_at IS NULL",
                               token_digest(token));
    });
}

int account_store::revoke_api_tokens(const std::string& email, const std::string& label) {
    return db_.write([&](connection& c, sys_seconds now) {
        auto revoke = c.prepare(
            "UPDATE api_tokens SET revoked_at = ?1 WHERE revoked_at IS NULL AND (?3 = '' OR label = ?3) AND "
            "organiser_id = (SELECT id FROM organisers WHERE email_key = ?2)");
        revoke->bind(1, to_db(now));
        revoke->bind(2, lower(email));
        revoke->bind(3, label);
        return revoke->exec();
    });
}

}  // namespace tp::store
