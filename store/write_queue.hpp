#pragma once
// The one writer. Every write of the store is a job in this queue, drained by one thread that owns the writer
// connection (the pattern of leveldb's DBImpl::Write): the jobs that queued up while a batch was written form
// the next batch, one IMMEDIATE transaction and one fsync for all of them, so a rush is bounded by fsyncs, not
// by requests or threads. Each job runs in a savepoint of its own: a job that throws is undone alone, and only
// its caller hears of it. A job's completion runs on the writer thread once its batch has committed
// (synchronous=FULL: durable), with the job's exception or the commit's, translated (storage_failure.hpp); a
// completion must be quick: it hands the rest to another thread. Thread-safe.
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "store/connection.hpp"

namespace tp::store {

class write_queue {
public:
    using job = std::function<void(connection&)>;
    using completion = std::function<void(std::exception_ptr)>;
    // `after_commit` runs on the writer thread after each batch that committed (the store moves its data version).
    explicit write_queue(connection& writer, job after_commit = {}, std::size_t max_batch = 256);
    ~write_queue();  // writes what is queued, then stops
    write_queue(const write_queue&) = delete;
    write_queue& operator=(const write_queue&) = delete;

    void submit(job work, completion done);
    // Waits for the job's batch to commit and rethrows the job's exception. Never from the writer thread (it
    // would wait for itself): that throws std::logic_error.
    void run(job work);

private:
    struct pending {
        job work;
        completion done;
    };
    void loop();
    void write_batch(std::vector<pending>& batch);

    connection& writer_;
    job after_commit_;
    std::size_t max_batch_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<pending> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace tp::store
