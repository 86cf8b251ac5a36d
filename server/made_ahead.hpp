#pragma once
// Work made ready ahead of its use: a helper thread makes items 0..n-1 in order while the caller takes them in
// the same order, so making the next item overlaps using this one. The outbox uses it to render the next mail
// (texts, invitation, QR code, MIME) while the SMTP server takes this one. take(i) waits for item i and
// rethrows what making it threw. Destroying it stops the helper after the item in hand and waits for it.
#include <atomic>
#include <cstddef>
#include <functional>
#include <future>
#include <thread>
#include <vector>

namespace tp::server {

template <class T>
class made_ahead {
public:
    made_ahead(std::size_t n, std::function<T(std::size_t)> make) : promises_(n) {
        futures_.reserve(n);
        for (auto& p : promises_) futures_.push_back(p.get_future());
        helper_ = std::thread([this, make = std::move(make)] {
            for (std::size_t i = 0; i < promises_.size() && !stopping_; ++i) {
                try {
                    promises_[i].set_value(make(i));
                } catch (...) {
                    promises_[i].set_exception(std::current_exception());
                }
            }
        });
    }
    ~made_ahead() {
        stopping_ = true;
        helper_.join();
    }
    made_ahead(const made_ahead&) = delete;
    made_ahead& operator=(const made_ahead&) = delete;

    // Item i, once made; each item is taken once.
    [[nodiscard]] T take(std::size_t i) { return futures_.at(i).get(); }

private:
    std::vector<std::promise<T>> promises_;
    std::vector<std::future<T>> futures_;
    std::atomic<bool> stopping_{false};
    std::thread helper_;
};

}  // namespace tp::server
