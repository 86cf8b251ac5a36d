#include "store/connection.hpp"

namespace tp::store {

connection::connection(const std::string& path)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
    db_.setBusyTimeout(5000);
    db_.exec("PRAGMA journal_mode=WAL");
    // FULL: a write we report as done survives power loss (see ARCHITECTURE.md).
    db_.exec("PRAGMA synchronous=FULL");
    db_.exec("PRAGMA foreign_keys=ON");
}

statement_use connection::prepare(const std::string& sql) {
    auto& slot = statements_[sql];
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(db_, sql);
    } else {
        slot->reset();
        slot->clearBindings();
    }
    return statement_use(*slot);
}

connection_pool::lease::~lease() {
    if (!c_) return;
    std::lock_guard lock(pool_->mutex_);
    pool_->free_.push_back(std::move(c_));
}

connection_pool::lease connection_pool::acquire() {
    {
        std::lock_guard lock(mutex_);
        if (!free_.empty()) {
            auto c = std::move(free_.back());
            free_.pop_back();
            return {*this, std::move(c)};
        }
    }
    return {*this, std::make_unique<connection>(path_)};
}

}  // namespace tp::store
