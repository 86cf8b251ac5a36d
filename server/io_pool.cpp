#include "server/io_pool.hpp"

#include <boost/asio/post.hpp>

namespace tp::server {

io_pool::io_pool(unsigned threads) {
    for (unsigned i = 0; i < std::max(threads, 1u); ++i) {
        contexts_.push_back(std::make_unique<boost::asio::io_context>(1));
        guards_.push_back(boost::asio::make_work_guard(*contexts_.back()));
    }
}

boost::asio::io_context& io_pool::next() {
    return *contexts_[next_.fetch_add(1, std::memory_order_relaxed) % contexts_.size()];
}

void io_pool::start() {
    for (auto& c : contexts_) threads_.emplace_back([&ctx = *c] { ctx.run(); });
}

void io_pool::join() {
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

void io_pool::run() {
    for (std::size_t i = 1; i < contexts_.size(); ++i) threads_.emplace_back([&ctx = *contexts_[i]] { ctx.run(); });
    contexts_.front()->run();
    join();
}

void io_pool::release() {
    // Reset each guard on its own context's thread: guards are not thread-safe to reset from outside.
    for (std::size_t i = 0; i < contexts_.size(); ++i)
        boost::asio::post(*contexts_[i], [this, i] { guards_[i].reset(); });
}

void io_pool::stop() {
    for (auto& c : contexts_) c->stop();
}

}  // namespace tp::server
