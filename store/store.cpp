#include "store/event_store.hpp"

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

}  // namespace

std::vector<calendar::network> event_store::networks() {
    return db_.read([&](connection& c) -> std::vector<calendar::network> {
        auto stmt = c.prepare(std::string("SELECT ") + network_columns + " FROM networks n ORDER BY n.name, n.slug");
        std::vector<calendar::network> out;
        while (stmt->executeStep()) out.push_back(network_from_row(*stmt));
        return out;
    });
}

std::optional<calendar::network> event_store::network_by_slug(const std::string& slug) {
    return db_.read([&](connection& c) -> std::optional<calendar::network> {
        auto stmt = c.prepare(std::string("SELECT ") + network_columns + " FROM networks n WHERE n.slug = ?");
        stmt->bind(1, slug);
        if (!stmt->executeStep()) return std::nullopt;
        return network_from_row(*stmt);
    });
}

std::vector<calendar::event> event_store::events(const event_filter& filter) {
    const auto w = where_of(filter);
    return db_.read([&](connection& c) -> std::vector<calendar::event> {
        auto stmt =
            c.prepare(std::string("SELECT ") + event_columns + event_from + w.sql + " ORDER BY e.start_utc, e.slug");
        bind(*stmt, w);
        std::vector<calendar::event> out;
        while (stmt->executeStep()) out.push_back(event_from_row(*stmt));
        return out;
    });
}

std::optional<calendar::event> event_store::event_by_slug(const std::string& slug) {
    return db_.read([&](connection& c) -> std::optional<calendar::event> {
        auto stmt = c.prepare(std::string("SELECT ") + event_columns + event_from + " WHERE e.slug = ?");
        stmt->bind(1, slug);
        if (!stmt->executeStep()) return std::nullopt;
        return event_from_row(*stmt);
    });
}

bool event_store::empty() {
    return db_.read([&](connection& c) -> bool {
        auto stmt = c.prepare("SELECT NOT EXISTS (SELECT 1 FROM networks) AND NOT EXISTS (SELECT 1 FROM events)");
        stmt->executeStep();
        return stmt->getColumn(0).getInt() != 0;
    });
}

calendar::sys_seconds event_store::last_change(const event_filter& filter) {
    auto scope = filter;
    scope.include_drafts = true;  // an event turned into a draft leaves the feed: that is a change too
    scope.ending_after.reset();
    scope.series_slug.reset();
    const auto w = where_of(scope);
    return db_.read([&](connection& c) -> calendar::sys_seconds {
        const auto series_where = where_of(scope, 's').sql;  // its ? parameters come after the events' ones
        auto stmt = c.prepare("SELECT MAX((SELECT COALESCE(MAX(e.updated_at), 0)" + std::string(event_from) + w.sql +
                              "), (SELECT COALESCE(MAX(s.updated_at), 0) FROM series s JOIN networks n ON "
                              "n.id = s.network_id" +
                              series_where + "), (SELECT COALESCE(MAX(updated_at), 0) FROM networks))");
        bind(*stmt, w);
        int index = static_cast<int>(w.texts.size()) + 1;
        for (const auto& t : w.texts) stmt->bind(index++, t);
        stmt->executeStep();
        return from_db(stmt->getColumn(0).getInt64());
    });
}

std::vector<calendar::series> event_store::series_list(const event_filter& filter) {
    const auto w = where_of(filter, 's');
    return db_.read([&](connection& c) -> std::vector<calendar::series> {
        std::vector<calendar::series> out;
        {
            auto stmt = c.prepare(std::string("SELECT ") + series_columns +
                                  " FROM series s JOIN networks n ON n.id = s.network_id" + w.sql + " ORDER BY s.slug");
            bind(*stmt, w);
            while (stmt->executeStep()) out.push_back(series_from_row(*stmt));
        }
        for (auto& one : out) load_series_details(c, one);
        return out;
    });
}

std::optional<calendar::series> event_store::series_by_slug(const std::string& slug) {
    return db_.read([&](connection& c) -> std::optional<calendar::series> { return find_series(c, slug); });
}

std::vector<std::string> event_store::extend_series() {
    return db_.write([](connection& c, sys_seconds now) {
        std::vector<std::string> slugs, taken;
        {
            auto all = c.prepare("SELECT slug FROM series");
            while (all->executeStep()) slugs.push_back(all->getColumn(0).getString());
        }
        for (const auto& slug : slugs)
            if (const auto s = find_series(c, slug))
                materialize_series(c, *s, now, now + materialization_horizon, &taken);
        return taken;
    });
}

}  // namespace tp::store
