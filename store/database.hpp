#pragma once
// What every area of the store shares: a pool of reading connections, the one writer with its write queue
// (write_queue.hpp), the clock, and the data version. Reads and writes translate SQLite's storage failures into
// storage_unavailable (storage_failure.hpp). Thread-safe.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>

#include "calendar/types.hpp"
#include "store/connection.hpp"
#include "store/storage_failure.hpp"
#include "store/write_queue.hpp"

namespace tp::store {

using calendar::sys_seconds;

// The outcome of a write that completes later: its value, or the refusal or failure that stopped it.
template <class T>
struct write_outcome {
    std::optional<T> value;
    std::exception_ptr failure;
    // The value, or rethrows the failure.
    T& get() {
        if (failure) std::rethrow_exception(failure);
        return *value;
    }
};

class database {
public:
    using clock_fn = std::function<sys_seconds()>;
    // Opens (creating if needed) and migrates the database at `path`, then starts the writer thread.
    database(const std::string& path, clock_fn clock);

    [[nodiscard]] sys_seconds now() const { return clock_(); }

    // fn(connection&) on a reading connection of its own.
    template <class Fn>
    auto read(Fn&& fn) {
        return translating([&] {
            auto c = pool_.acquire();
            return fn(*c);
        });
    }

    // fn(writer, now) as one job of the write queue; waits for its batch to commit and returns what fn returns
    // (fn may return nothing). An exception from fn undoes fn's writes alone and is rethrown here.
    template <class Fn>
    auto write(Fn&& fn) {
        using result = decltype(fn(std::declval<connection&>(), sys_seconds{}));
        if constexpr (std::is_void_v<result>) {
            writes_->run([&](connection& c) { fn(c, clock_()); });
        } else {
            std::optional<result> out;
            writes_->run([&](connection& c) { out.emplace(fn(c, clock_())); });
            return std::move(*out);
        }
    }

    // The same without waiting: `done` gets the outcome on the writer thread once the batch has committed. It
    // must be quick (hand the rest to another thread).
    template <class T, class Fn>
    void write_later(Fn fn, std::function<void(write_outcome<T>)> done) {
        auto out = std::make_shared<std::optional<T>>();
        writes_->submit(
            [this, out, fn = std::move(fn)](connection& c) { out->emplace(fn(c, clock_())); },
            [out, done = std::move(done)](std::exception_ptr failure) {
                done(failure ? write_outcome<T>{std::nullopt, failure} : write_outcome<T>{std::move(*out), nullptr});
            });
    }

    // A number that changes whenever the data changes, here or in another process (see refresh_data_version).
    [[nodiscard]] std::uint64_t data_version() const { return data_version_.load(std::memory_order_acquire); }
    // A number that changes whenever a registration is written (seats held, waiting, checked in), here or in
    // another process; data_version does not move with them.
    [[nodiscard]] std::uint64_t seats_version() const { return seats_version_.load(std::memory_order_acquire); }
    // Reads the database's change counters; call periodically to notice writes by other processes.
    void refresh_data_version();

private:
    void note_counter(connection& c);

    clock_fn clock_;
    connection_pool pool_;
    std::unique_ptr<connection> writer_;
    std::atomic<std::uint64_t> data_version_{0};
    std::atomic<std::uint64_t> seats_version_{0};
    std::mutex counter_mutex_;
    std::int64_t db_counter_ = -1;         // guarded by counter_mutex_
    std::int64_t db_seats_ = -1;           // guarded by counter_mutex_
    std::unique_ptr<write_queue> writes_;  // last: its thread stops first
};

}  // namespace tp::store
