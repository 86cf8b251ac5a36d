#pragma once
// One io_context per I/O thread, each run by exactly that thread (concurrency hint 1), like nginx workers.
// A connection lives on one context for its whole life, so its handlers never run concurrently and need no
// strand; connections are handed out round-robin. Thread-safe: next(), release().
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace tp::server {

class io_pool {
public:
    explicit io_pool(unsigned threads);
    io_pool(const io_pool&) = delete;
    io_pool& operator=(const io_pool&) = delete;

    [[nodiscard]] boost::asio::io_context& first() { return *contexts_.front(); }
    [[nodiscard]] boost::asio::io_context& next();

    // Runs every context: threads-1 new threads plus the calling thread; returns when all have run out of work.
    void run();
    // Starts the contexts on new threads only; join() waits for them.
    void start();
    void join();
    // Lets the contexts return once their work is done (the pool kept them alive until now).
    void release();
    // Stops every context at once, work or not.
    void stop();

private:
    using guard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
    std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
    std::vector<guard> guards_;
    std::vector<std::thread> threads_;
    std::atomic<std::size_t> next_{0};
};

}  // namespace tp::server
