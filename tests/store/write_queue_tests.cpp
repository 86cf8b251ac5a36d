#include <catch2/catch.hpp>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <future>
#include <thread>

#include "store/refusal.hpp"
#include "store/write_queue.hpp"
#include "temp_path.hpp"

using namespace tp;

namespace {

int count_rows(const std::string& path, const std::string& where) {
    store::connection reader(path);  // another connection: sees only what was committed
    return reader.db().execAndGet("SELECT COUNT(*) FROM t WHERE " + where).getInt();
}

}  // namespace

TEST_CASE("write queue: each job commits or fails alone, and run returns after the commit") {
    testing::temp_path db;
    store::connection writer(db.str());
    writer.db().exec("CREATE TABLE t (v INTEGER)");
    std::atomic<int> failures{0};
    std::vector<int> visible(40, -1);  // Catch2 asserts only on the main thread
    {
        store::write_queue writes(writer);
        std::vector<std::thread> threads;
        for (int i = 0; i < 40; ++i)
            threads.emplace_back([&, i] {
                try {
                    writes.run([i](store::connection& c) {
                        c.db().exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
                        if (i % 10 == 3) throw std::runtime_error("this one fails");
                    });
                    visible[static_cast<std::size_t>(i)] = count_rows(db.str(), "v = " + std::to_string(i));
                } catch (const std::runtime_error&) {
                    ++failures;
                }
            });
        for (auto& t : threads) t.join();
    }
    CHECK(failures == 4);
    for (int i = 0; i < 40; ++i) CHECK(visible[static_cast<std::size_t>(i)] == (i % 10 == 3 ? -1 : 1));
    CHECK(count_rows(db.str(), "1") == 36);
    CHECK(count_rows(db.str(), "v % 10 = 3") == 0);
}

TEST_CASE("write queue: a completion runs once its batch has committed, on the writer thread") {
    testing::temp_path db;
    store::connection writer(db.str());
    writer.db().exec("CREATE TABLE t (v INTEGER)");
    int commits_seen = 0;
    store::write_queue writes(writer, [&](store::connection&) { ++commits_seen; });
    std::promise<int> seen;
    writes.submit([](store::connection& c) { c.db().exec("INSERT INTO t VALUES (7)"); },
                  [&](std::exception_ptr failure) { seen.set_value(failure ? -1 : count_rows(db.str(), "v = 7")); });
    CHECK(seen.get_future().get() == 1);
    writes.run([](store::connection&) {});  // the queue drains in order: the first batch is done
    CHECK(commits_seen >= 1);
}

TEST_CASE("write queue: waiting for the queue on its own thread is refused, not a deadlock") {
    testing::temp_path db;
    store::connection writer(db.str());
    store::write_queue writes(writer);
    std::promise<std::string> refused;
    writes.submit(
        [&](store::connection&) {
            try {
                writes.run([](store::connection&) {});
                refused.set_value("ran");
            } catch (const std::logic_error& ex) {
                refused.set_value(ex.what());
            }
        },
        [](std::exception_ptr) {});
    CHECK_THAT(refused.get_future().get(), Catch::Contains("own thread"));
}

TEST_CASE("write queue: SQLite's storage failures reach the caller as storage_unavailable, other errors unchanged") {
    struct row {
        int code;
        bool storage;
    };
    const auto [code, storage] = GENERATE(values<row>({
        {SQLITE_FULL, true},
        {SQLITE_IOERR_WRITE, true},
        {SQLITE_READONLY, true},
        {SQLITE_CONSTRAINT_UNIQUE, false},
        {SQLITE_ERROR, false},
    }));
    testing::temp_path db;
    store::connection writer(db.str());
    store::write_queue writes(writer);
    try {
        writes.run([code = code](store::connection&) { throw SQLite::Exception("failed", code); });
        FAIL("the job's failure did not reach its caller");
    } catch (const store::storage_unavailable& ex) {
        CHECK(storage);
        CHECK(ex.kind() == store::refusal_kind::unavailable);
        CHECK_FALSE(ex.hint().empty());
    } catch (const SQLite::Exception& ex) {
        CHECK_FALSE(storage);
        CHECK(ex.getErrorCode() == code);
    }
}
