#pragma once
// Group commit: registrations queued while a batch is being written go into the next batch, one transaction and
// one fsync for all of them, so a rush is bounded by fsyncs, not by requests. Each job runs in its own SAVEPOINT:
// a job that throws is rolled back alone and its caller gets the exception; the others commit.
// run() returns only after its batch has committed (synchronous=FULL: durable). Thread-safe.
#include <condition_variable>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "store/connection.hpp"

namespace tp::store {

class group_commit {
public:
    using job = std::function<void(connection&)>;
    // Batches run on `writer` while holding `write_mutex` (the store's other writes take it too).
    group_commit(connection& writer, std::mutex& write_mutex, std::size_t max_batch = 256);
    ~group_commit();
    group_commit(const group_commit&) = delete;
    group_commit& operator=(const group_commit&) = delete;

    void run(job j);

private:
    struct pending {
        job work;
        std::promise<void> done;
    };
    void loop();
    void write_batch(std::vector<pending>& batch);

    connection& writer_;
    std::mutex& write_mutex_;
    std::size_t max_batch_;
    std::mutex queue_mutex_;
    std::condition_variable wake_;
    std::vector<pending> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace tp::store
