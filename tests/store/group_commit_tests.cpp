#include <catch2/catch.hpp>

#include <thread>

#include "store/group_commit.hpp"
#include "temp_path.hpp"

using namespace tp;

TEST_CASE("group commit: each job commits or fails alone, and run returns after the commit") {
    testing::temp_path db;
    store::connection writer(db.str());
    writer.db().exec("CREATE TABLE t (v INTEGER)");
    std::mutex write_mutex;
    std::atomic<int> failures{0};
    std::vector<int> visible(40, -1);  // Catch2 asserts only on the main thread
    {
        store::group_commit commits(writer, write_mutex);
        std::vector<std::thread> threads;
        for (int i = 0; i < 40; ++i)
            threads.emplace_back([&, i] {
                try {
                    commits.run([i](store::connection& c) {
                        c.db().exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
                        if (i % 10 == 3) throw std::runtime_error("this one fails");
                    });
                    store::connection reader(db.str());  // committed, visible to another connection
                    auto seen = reader.prepare("SELECT COUNT(*) FROM t WHERE v = ?");
                    seen->bind(1, i);
                    seen->executeStep();
                    visible[static_cast<std::size_t>(i)] = seen->getColumn(0).getInt();
                } catch (const std::runtime_error&) {
                    ++failures;
                }
            });
        for (auto& t : threads) t.join();
    }
    CHECK(failures == 4);
    for (int i = 0; i < 40; ++i) CHECK(visible[static_cast<std::size_t>(i)] == (i % 10 == 3 ? -1 : 1));
    CHECK(writer.db().execAndGet("SELECT COUNT(*) FROM t").getInt() == 36);
    CHECK(writer.db().execAndGet("SELECT COUNT(*) FROM t WHERE v % 10 = 3").getInt() == 0);
}
