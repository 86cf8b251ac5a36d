#pragma once
// One SQLite connection with our pragmas and its prepared statements, kept for reuse.
// Not thread-safe: one thread uses a connection at a time (the pool hands them out).
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace tp::store {

// A cached statement for one use: reset when it goes out of scope, so no read snapshot stays open (in WAL
// mode a stepped statement would keep showing the database as it was).
class statement_use {
public:
    explicit statement_use(SQLite::Statement& s) : s_(&s) {}
    statement_use(const statement_use&) = delete;
    statement_use& operator=(const statement_use&) = delete;
    ~statement_use() {
        try {
            s_->reset();
        } catch (const SQLite::Exception&) {  // the step already reported its error
        }
    }
    SQLite::Statement* operator->() { return s_; }
    SQLite::Statement& operator*() { return *s_; }

private:
    SQLite::Statement* s_;
};

class connection {
public:
    explicit connection(const std::string& path);
    SQLite::Database& db() { return db_; }
    // The statement for `sql`, prepared once per connection, with bindings cleared.
    [[nodiscard]] statement_use prepare(const std::string& sql);

private:
    SQLite::Database db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

// Connections for readers: each caller gets one of its own until the lease ends. Thread-safe.
class connection_pool {
public:
    explicit connection_pool(std::string path) : path_(std::move(path)) {}

    class lease {
    public:
        lease(connection_pool& pool, std::unique_ptr<connection> c) : pool_(&pool), c_(std::move(c)) {}
        lease(lease&&) = default;
        lease& operator=(lease&&) = delete;
        ~lease();
        connection& operator*() { return *c_; }
        connection* operator->() { return c_.get(); }

    private:
        connection_pool* pool_;
        std::unique_ptr<connection> c_;
    };

    [[nodiscard]] lease acquire();

private:
    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<connection>> free_;
};

}  // namespace tp::store
