#include "store/group_commit.hpp"

#include <SQLiteCpp/Savepoint.h>
#include <SQLiteCpp/Transaction.h>

namespace tp::store {

group_commit::group_commit(connection& writer, std::mutex& write_mutex, std::size_t max_batch)
    : writer_(writer), write_mutex_(write_mutex), max_batch_(max_batch), thread_([this] { loop(); }) {}

group_commit::~group_commit() {
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void group_commit::run(job j) {
    std::future<void> done;
    {
        std::lock_guard lock(queue_mutex_);
        queue_.push_back({std::move(j), {}});
        done = queue_.back().done.get_future();
    }
    wake_.notify_one();
    done.get();  // rethrows the job's (or the commit's) exception
}

void group_commit::loop() {
    for (;;) {
        std::vector<pending> batch;
        {
            std::unique_lock lock(queue_mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, nothing left
            const auto n = std::min(queue_.size(), max_batch_);
            batch.assign(std::make_move_iterator(queue_.begin()),
                         std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(n)));
            queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
        }
        write_batch(batch);
    }
}

void group_commit::write_batch(std::vector<pending>& batch) {
    std::vector<std::exception_ptr> failures(batch.size());
    try {
        std::lock_guard lock(write_mutex_);
        SQLite::Transaction tx(writer_.db(), SQLite::TransactionBehavior::IMMEDIATE);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            SQLite::Savepoint savepoint(writer_.db(), "job");  // a failing job's changes are undone alone
            try {
                batch[i].work(writer_);
                savepoint.release();
            } catch (...) {
                failures[i] = std::current_exception();
                savepoint.rollback();
            }
        }
        tx.commit();
    } catch (...) {  // the batch as a whole failed (e.g. the disk is full): nobody's registration counts
        for (auto& f : failures)
            if (!f) f = std::current_exception();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (failures[i])
            batch[i].done.set_exception(failures[i]);
        else
            batch[i].done.set_value();
    }
}

}  // namespace tp::store
