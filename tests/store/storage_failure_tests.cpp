#include <catch2/catch.hpp>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "store/storage_failure.hpp"

using namespace tp::store;

TEST_CASE("SQLite errors about the storage are storage failures, with a hint for the log") {
    struct row {
        int code;
        const char* hint_part;
    };
    const auto [code, hint_part] = GENERATE(values<row>({
        {SQLITE_FULL, "full"},
        {SQLITE_READONLY, "read-only"},
        {SQLITE_READONLY_DBMOVED, "read-only"},  // extended codes count by their primary code
        {SQLITE_IOERR, "kernel log"},
        {SQLITE_IOERR_WRITE, "kernel log"},
        {SQLITE_IOERR_FSYNC, "kernel log"},
        {SQLITE_CANTOPEN, "cannot be opened"},
        {SQLITE_BUSY, "lock"},
        {SQLITE_LOCKED, "lock"},
        {SQLITE_NOMEM, "memory"},
        {SQLITE_PROTOCOL, "lock files"},
    }));
    const SQLite::Exception ex("some SQLite message", code);
    CHECK_THAT(std::string(storage_failure_hint(ex)), Catch::Contains(hint_part));
}

TEST_CASE("other errors are bugs or bad data, not storage failures") {
    const auto code = GENERATE(SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_UNIQUE, SQLITE_ERROR, SQLITE_MISMATCH, SQLITE_RANGE,
                               SQLITE_CORRUPT, SQLITE_MISUSE, -1);
    const SQLite::Exception ex("some SQLite message", code);
    CHECK(std::string(storage_failure_hint(ex)).empty());
    CHECK(std::string(storage_failure_hint(std::runtime_error("disk I/O error"))).empty());  // only SQLite's codes
}
