#include "store/storage_failure.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "store/refusal.hpp"

namespace tp::store {

namespace {

int primary_code(const std::exception& ex) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&ex);
    return sqlite != nullptr ? sqlite->getErrorCode() & 0xFF : SQLITE_OK;
}

}  // namespace

const char* storage_failure_hint(const std::exception& ex) {
    switch (primary_code(ex)) {
        case SQLITE_FULL: return "the disk holding the database is full";
        case SQLITE_READONLY: return "the database, its folder or its file system is read-only";
        case SQLITE_IOERR:
            return "reading or writing the disk failed; a file system turns read-only after an error "
                   "(see the kernel log)";
        case SQLITE_CANTOPEN: return "a database file (or its -wal, -shm beside it) cannot be opened";
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return "another process holds the database's lock";
        case SQLITE_NOMEM: return "the server is out of memory";
        case SQLITE_PROTOCOL: return "the database's lock files are in an unexpected state";
        default: return "";
    }
}

std::exception_ptr translated(std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const SQLite::Exception& ex) {
        if (const std::string hint = storage_failure_hint(ex); !hint.empty())
            return std::make_exception_ptr(storage_unavailable(ex.what(), hint));
    } catch (...) {
    }
    return failure;
}

}  // namespace tp::store
