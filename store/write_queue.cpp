#include "store/write_queue.hpp"

#include <SQLiteCpp/Savepoint.h>
#include <SQLiteCpp/Transaction.h>

#include <future>

#include "store/storage_failure.hpp"

namespace tp::store {

write_queue::write_queue(connection& writer, job after_commit, std::size_t max_batch)
    : writer_(writer), after_commit_(std::move(after_commit)), max_batch_(max_batch), thread_([this] { loop(); }) {}

write_queue::~write_queue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void write_queue::submit(job work, completion done) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({std::move(work), std::move(done)});
    }
    wake_.notify_one();
}

void write_queue::run(job work) {
    if (std::this_thread::get_id() == thread_.get_id())
        throw std::logic_error("a write waited for the write queue on its own thread");
    std::promise<void> committed;
    auto done = committed.get_future();
    submit(std::move(work), [&committed](std::exception_ptr failure) {
        if (failure)
            committed.set_exception(failure);
        else
            committed.set_value();
    });
    done.get();
}

void write_queue::loop() {
    for (;;) {
        std::vector<pending> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, nothing left
            const auto n = static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
            batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.begin() + n));
            queue_.erase(queue_.begin(), queue_.begin() + n);
        }
        write_batch(batch);
    }
}

void write_queue::write_batch(std::vector<pending>& batch) {
    std::vector<std::exception_ptr> failures(batch.size());
    bool committed = false;
    try {
        SQLite::Transaction tx(writer_.db(), SQLite::TransactionBehavior::IMMEDIATE);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            SQLite::Savepoint savepoint(writer_.db(), "job");  // a failing job's changes are undone alone
            try {
                batch[i].work(writer_);
                savepoint.release();
            } catch (...) {
                failures[i] = translated(std::current_exception());
                savepoint.rollback();
            }
        }
        tx.commit();
        committed = true;
    } catch (...) {  // the batch as a whole failed (e.g. the disk is full): none of its writes counts
        const auto failure = translated(std::current_exception());
        for (auto& f : failures)
            if (!f) f = failure;
    }
    if (committed && after_commit_) {
        try {
            after_commit_(writer_);
        } catch (...) {  // the batch stands; the next commit or the periodic refresh catches up
        }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(failures[i]);
}

}  // namespace tp::store
