#include "server/storage_fault.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace tp::server {

namespace {

int primary_code(const std::exception& ex) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&ex);
    return sqlite != nullptr ? sqlite->getErrorCode() & 0xFF : SQLITE_OK;
}

}  // namespace

const char* storage_fault_hint(const std::exception& ex) {
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

bool is_storage_fault(const std::exception& ex) { return *storage_fault_hint(ex) != '\0'; }

handled storage_unavailable(bool api) {
    static constexpr const char* message =
        "The server cannot save anything at the moment (its storage is full or not writable). Nothing was saved; "
        "please try again in a few minutes.";
    auto result = api ? json_error(http::status::service_unavailable, message, "unavailable")
                      : handled{text_response(http::status::service_unavailable, message), "unavailable"};
    result.res.set(http::field::retry_after, "60");
    result.res.set(http::field::cache_control, "no-store");
    return result;
}

}  // namespace tp::server
