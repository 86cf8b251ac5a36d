#pragma once
// Answers that come after a write has committed. A route whose handler writes through the store's queue without
// waiting (registrations, which come in rushes) answers through a later_reply: `resume` moves the rest of the
// work back to the request's own thread, `reply` gives the answer; each handler replies exactly once, perhaps
// before it returns (an answer that needs no write). So a rush needs no thread per waiting request: the
// connection's I/O thread hands the write to the queue and goes on serving.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

#include "server/http_types.hpp"

namespace tp::server {

struct later_reply {
    std::function<void(std::function<void()>)> resume;  // runs work on the request's own thread
    std::function<void(handled)> reply;
};

// A later_reply for a caller that waits (app::handle, tests): the work `resume` hands over runs on the waiting
// thread in wait(), which returns the answer.
class waiting_reply {
public:
    [[nodiscard]] later_reply target() {
        return {[this](std::function<void()> work) {
                    {
                        std::lock_guard lock(mutex_);
                        work_.push_back(std::move(work));
                    }
                    ready_.notify_one();
                },
                [this](handled answer) { answer_ = std::move(answer); }};  // on the waiting thread only
    }
    [[nodiscard]] handled wait() {
        while (!answer_) {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return !work_.empty(); });
            auto work = std::move(work_.front());
            work_.pop_front();
            lock.unlock();
            work();
        }
        return std::move(*answer_);
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> work_;
    std::optional<handled> answer_;
};

}  // namespace tp::server
