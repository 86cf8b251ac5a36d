#pragma once
// Numbered schema migrations, tracked in PRAGMA user_version; each applies in its own transaction.
#include <SQLiteCpp/Database.h>

namespace tp::store {

// Brings the schema up to the newest version and returns it. Throws std::runtime_error for a database written
// by a newer Treffpunkt (its version is above ours), and SQLite::Exception on failure (nothing half-applied).
// `target` (for tests of upgrades) stops at an older version.
int migrate(SQLite::Database& db, int target = -1);
[[nodiscard]] int latest_schema_version();

}  // namespace tp::store
