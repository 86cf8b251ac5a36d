#include "store/database.hpp"

#include <sodium.h>

#include "store/migrations.hpp"

namespace tp::store {

namespace {

sys_seconds system_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

database::database(const std::string& path, clock_fn clock)
    : clock_(clock ? std::move(clock) : system_now), pool_(path) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium does not start");
    translating([&] {
        writer_ = std::make_unique<connection>(path);
        migrate(writer_->db());
        note_counter(*writer_);
    });
    writes_ = std::make_unique<write_queue>(*writer_, [this](connection& c) { note_counter(c); });
}

void database::refresh_data_version() {
    read([&](connection& c) { note_counter(c); });
}

void database::note_counter(connection& c) {
    auto stmt = c.prepare(
        "SELECT (SELECT value FROM meta WHERE key = 'data_version'), (SELECT value FROM meta WHERE key = "
        "'seats_version')");
    stmt->executeStep();
    const auto counter = stmt->getColumn(0).getInt64();
    const auto seats = stmt->getColumn(1).getInt64();
    std::lock_guard lock(counter_mutex_);
    if (counter != db_counter_) {
        db_counter_ = counter;
        data_version_.fetch_add(1, std::memory_order_acq_rel);
    }
    if (seats != db_seats_) {
        db_seats_ = seats;
        seats_version_.fetch_add(1, std::memory_order_acq_rel);
    }
}

}  // namespace tp::store
