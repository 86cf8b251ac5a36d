#include "store/store.hpp"

#include <sodium.h>

#include <SQLiteCpp/Transaction.h>

#include "store/migrations.hpp"
#include "store/rows.hpp"
#include "store/writes.hpp"

namespace tp::store {
namespace {

// WHERE clause and bindings for a filter; `n` and `e` are the networks and events tables.
struct where_clause {
    std::string sql;
    std::vector<std::string> texts;
    std::optional<std::int64_t> ending_after;
};

// For events (alias e) or series (alias s); both are joined with their network n.
where_clause where_of(const event_filter& f, char table = 'e') {
    const std::string t(1, table);
    where_clause w{" WHERE 1=1", {}, std::nullopt};
    if (!f.include_drafts) w.sql += " AND " + t + ".status <> 'draft'";
    if (!f.include_occurrences && table == 'e') w.sql += " AND e.series_id IS NULL";
    if (f.network_slug) {
        w.sql += " AND n.slug = ?";
        w.texts.push_back(*f.network_slug);
    }
    if (f.series_slug) {  // events only: s is their series
        w.sql += " AND s.slug = ?";
        w.texts.push_back(*f.series_slug);
    }
    if (!f.kinds.empty()) {
        w.sql += " AND " + t + ".kind IN (";
        for (std::size_t i = 0; i < f.kinds.size(); ++i) {
            w.sql += i == 0 ? "?" : ", ?";
            w.texts.emplace_back(calendar::to_string(f.kinds[i]));
        }
        w.sql += ")";
    }
    if (f.ending_after && table == 'e') {
        w.sql += " AND e.end_utc > ?";
        w.ending_after = to_db(*f.ending_after);
    }
    return w;
}

void bind(SQLite::Statement& stmt, const where_clause& w) {
    int index = 1;
    for (const auto& t : w.texts) stmt.bind(index++, t);
    if (w.ending_after) stmt.bind(index, *w.ending_after);
}

calendar::sys_seconds system_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

store::store(const std::string& path, clock_fn clock)
    : pool_(path), writer_(std::make_unique<connection>(path)), clock_(clock ? std::move(clock) : system_now) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium does not start");
    migrate(writer_->db());
    refresh_data_version();
    registrations_ = std::make_unique<group_commit>(*writer_, write_mutex_);
}

std::vector<calendar::network> store::networks() {
    auto c = pool_.acquire();
    auto stmt = c->prepare(std::string("SELECT ") + network_columns + " FROM networks n ORDER BY n.name, n.slug");
    std::vector<calendar::network> out;
    while (stmt->executeStep()) out.push_back(network_from_row(*stmt));
    return out;
}

std::optional<calendar::network> store::network_by_slug(const std::string& slug) {
    auto c = pool_.acquire();
    auto stmt = c->prepare(std::string("SELECT ") + network_columns + " FROM networks n WHERE n.slug = ?");
    stmt->bind(1, slug);
    if (!stmt->executeStep()) return std::nullopt;
    return network_from_row(*stmt);
}

std::vector<calendar::event> store::events(const event_filter& filter) {
    const auto w = where_of(filter);
    auto c = pool_.acquire();
    auto stmt =
        c->prepare(std::string("SELECT ") + event_columns + event_from + w.sql + " ORDER BY e.start_utc, e.slug");
    bind(*stmt, w);
    std::vector<calendar::event> out;
    while (stmt->executeStep()) out.push_back(event_from_row(*stmt));
    return out;
}

std::optional<calendar::event> store::event_by_slug(const std::string& slug) {
    auto c = pool_.acquire();
    auto stmt = c->prepare(std::string("SELECT ") + event_columns + event_from + " WHERE e.slug = ?");
    stmt->bind(1, slug);
    if (!stmt->executeStep()) return std::nullopt;
    return event_from_row(*stmt);
}

bool store::empty() {
    auto c = pool_.acquire();
    auto stmt = c->prepare("SELECT NOT EXISTS (SELECT 1 FROM networks) AND NOT EXISTS (SELECT 1 FROM events)");
    stmt->executeStep();
    return stmt->getColumn(0).getInt() != 0;
}

calendar::sys_seconds store::last_change(const event_filter& filter) {
    auto scope = filter;
    scope.include_drafts = true;  // an event turned into a draft leaves the feed: that is a change too
    scope.ending_after.reset();
    scope.series_slug.reset();
    const auto w = where_of(scope);
    auto c = pool_.acquire();
    const auto series_where = where_of(scope, 's').sql;  // its ? parameters come after the events' ones
    auto stmt = c->prepare("SELECT MAX((SELECT COALESCE(MAX(e.updated_at), 0)" + std::string(event_from) + w.sql +
                           "), (SELECT COALESCE(MAX(s.updated_at), 0) FROM series s JOIN networks n ON "
                           "n.id = s.network_id" +
                           series_where + "), (SELECT COALESCE(MAX(updated_at), 0) FROM networks))");
    bind(*stmt, w);
    int index = static_cast<int>(w.texts.size()) + 1;
    for (const auto& t : w.texts) stmt->bind(index++, t);
    stmt->executeStep();
    return from_db(stmt->getColumn(0).getInt64());
}

std::vector<calendar::series> store::series_list(const event_filter& filter) {
    const auto w = where_of(filter, 's');
    auto c = pool_.acquire();
    std::vector<calendar::series> out;
    {
        auto stmt = c->prepare(std::string("SELECT ") + series_columns +
                               " FROM series s JOIN networks n ON n.id = s.network_id" + w.sql + " ORDER BY s.slug");
        bind(*stmt, w);
        while (stmt->executeStep()) out.push_back(series_from_row(*stmt));
    }
    for (auto& one : out) load_series_details(*c, one);
    return out;
}

std::optional<calendar::series> store::series_by_slug(const std::string& slug) {
    auto c = pool_.acquire();
    return find_series(*c, slug);
}

std::vector<std::string> store::extend_series() {
    std::vector<std::string> taken;
    {
        std::lock_guard lock(write_mutex_);
        const auto now = clock_();
        SQLite::Transaction tx(writer_->db(), SQLite::TransactionBehavior::IMMEDIATE);
        std::vector<std::string> slugs;
        {
            auto all = writer_->prepare("SELECT slug FROM series");
            while (all->executeStep()) slugs.push_back(all->getColumn(0).getString());
        }
        for (const auto& slug : slugs)
            if (const auto s = find_series(*writer_, slug))
                materialize_series(*writer_, *s, now, now + materialization_horizon, &taken);
        tx.commit();
    }
    refresh_data_version();
    return taken;
}

void store::refresh_data_version() {
    std::lock_guard lock(write_mutex_);
    auto stmt = writer_->prepare("SELECT value FROM meta WHERE key = 'data_version'");
    stmt->executeStep();
    const auto counter = stmt->getColumn(0).getInt64();
    if (counter != db_counter_) {
        db_counter_ = counter;
        data_version_.fetch_add(1, std::memory_order_acq_rel);
    }
}

}  // namespace tp::store
