// Personal feeds: one secret feed per person (by email) with every event they hold a confirmed seat for.
#include "store/registration_steps.hpp"
#include "store/rows.hpp"
#include "store/registration_store.hpp"
#include "store/tokens.hpp"

namespace tp::store {

namespace {

void write_feed_token(connection& c, const std::string& key, calendar::sys_seconds now, bool replace) {
    auto write =
        c.prepare(replace ? "INSERT INTO personal_feeds (email_key, token, created_at, token_digest) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT (email_key) DO UPDATE SET token = excluded.token, "
                            "created_at = excluded.created_at, token_digest = excluded.token_digest"
                          : "INSERT OR IGNORE INTO personal_feeds (email_key, token, created_at, token_digest) "
                            "VALUES (?, ?, ?, ?)");
    const auto token = random_token();
    write->bind(1, key);
    write->bind(2, token);
    write->bind(3, to_db(now));
    write->bind(4, token_digest(token));
    write->exec();
}

std::string feed_token_of(connection& c, const std::string& key) {
    auto find = c.prepare("SELECT token FROM personal_feeds WHERE email_key = ?");
    find->bind(1, key);
    return find->executeStep() ? find->getColumn(0).getString() : std::string{};
}

}  // namespace

std::string registration_store::personal_feed_token(const calendar::registration& r) {
    const auto key = email_key(r.email);
    if (auto token = db_.read([&](connection& c) { return feed_token_of(c, key); }); !token.empty()) return token;
    return db_.write([&](connection& c, sys_seconds now) -> std::string {
        write_feed_token(c, email_key(r.email), now, false);
        return feed_token_of(c, email_key(r.email));
    });
}

std::string registration_store::reset_personal_feed(const calendar::registration& r) {
    return db_.write([&](connection& c, sys_seconds now) -> std::string {
        write_feed_token(c, email_key(r.email), now, true);
        return feed_token_of(c, email_key(r.email));
    });
}

std::optional<registration_store::personal_feed> registration_store::personal_feed_events(const std::string& token) {
    return db_.read([&](connection& c) -> std::optional<registration_store::personal_feed> {
        std::string key;
        personal_feed feed;
        {
            auto find = c.prepare(
                "SELECT p.email_key, MAX(p.created_at, COALESCE((SELECT MAX(r.updated_at) FROM "
                "registrations r WHERE r.email_key = p.email_key), 0)) FROM personal_feeds p "
                "WHERE p.token_digest = ?");  // see migration 14
            find->bind(1, token_digest(token));
            if (!find->executeStep()) return std::nullopt;
            key = find->getColumn(0).getString();
            feed.changed = from_db(find->getColumn(1).getInt64());
        }
        auto list =
            c.prepare(std::string("SELECT ") + event_columns + event_from +
                      " JOIN registrations r ON r.event_id = e.id WHERE r.email_key = ? AND r.status = 'confirmed'"
                      " AND e.status <> 'draft' ORDER BY e.start_utc, e.slug");
        list->bind(1, key);
        while (list->executeStep()) {
            feed.events.push_back(event_from_row(*list));
            feed.changed = std::max(feed.changed, feed.events.back().updated_at);
        }
        return feed;
    });
}

}  // namespace tp::store
