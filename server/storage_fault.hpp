#pragma once
// When the database cannot be written (disk full, read-only file system or file, I/O error, locked for too long),
// requests get 503 Service Unavailable with Retry-After and a sentence saying nothing was saved, instead of 500.
// SQLite rolls the transaction back, so nothing is half-written; the next request after the disk frees works
// again without a restart.
#include <exception>

#include "server/app.hpp"

namespace tp::server {

// Whether `ex` is SQLite saying the storage is unavailable (as opposed to a bug such as a constraint failure).
[[nodiscard]] bool is_storage_fault(const std::exception& ex);

// For the error log: what an operator should look at, e.g. "the disk is full". Empty when `ex` is no storage fault.
[[nodiscard]] const char* storage_fault_hint(const std::exception& ex);

// The 503: JSON for the API, text for everything else.
[[nodiscard]] handled storage_unavailable(bool api);

}  // namespace tp::server
