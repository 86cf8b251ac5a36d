// Reference for bench/rush.sh: the raw SQLite registration loop (BEGIN IMMEDIATE; count; INSERT; COMMIT) with
// Treffpunkt's pragmas (WAL, synchronous=FULL) on the same disk. Prints registrations per second.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: sqlite_loop DB SECONDS\n";
        return 2;
    }
    SQLite::Database db(argv[1], SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("CREATE TABLE IF NOT EXISTS r (id INTEGER PRIMARY KEY, event_id INTEGER, email TEXT, status TEXT)");
    SQLite::Statement count(db, "SELECT COUNT(*) FROM r WHERE event_id = 1 AND status IN ('pending', 'confirmed')");
    SQLite::Statement insert(db, "INSERT INTO r (event_id, email, status) VALUES (1, ?, ?)");
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds{std::stoi(argv[2])};
    long n = 0;
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < end) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        count.executeStep();
        const bool seat = count.getColumn(0).getInt() < 120;
        count.reset();
        insert.bind(1, "p" + std::to_string(n) + "@example.org");
        insert.bind(2, seat ? "pending" : "waitlisted");
        insert.exec();
        insert.reset();
        tx.commit();
        ++n;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << static_cast<double>(n) / seconds << "\n";
}
