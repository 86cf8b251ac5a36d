#include "server/storage_fault.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace tp::server {

bool is_storage_fault(const std::exception& ex) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&ex);
    if (sqlite == nullptr) return false;
    switch (sqlite->getErrorCode() & 0xFF) {  // the primary result code
        case SQLITE_FULL:
        case SQLITE_READONLY:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_NOMEM:
        case SQLITE_PROTOCOL:
            return true;
        default:
            return false;
    }
}

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
