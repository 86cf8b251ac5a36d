#pragma once
// Mapping between result rows and calendar types; the column lists go with the mappers.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "calendar/series.hpp"
#include "calendar/types.hpp"

namespace tp::store {

extern const char* const network_columns;  // for "SELECT <network_columns> FROM networks n"
extern const char* const event_columns;    // for "SELECT <event_columns>" + event_from
extern const char* const event_from;       // events e, their network n and (for occurrences) their series s
extern const char* const series_columns;   // for "SELECT <series_columns> FROM series s JOIN networks n ..."

[[nodiscard]] calendar::network network_from_row(SQLite::Statement& row);
[[nodiscard]] calendar::event event_from_row(SQLite::Statement& row);
// Without exdates and overrides, which come from their own tables.
[[nodiscard]] calendar::series series_from_row(SQLite::Statement& row);

[[nodiscard]] std::int64_t to_db(calendar::sys_seconds t);
[[nodiscard]] calendar::sys_seconds from_db(std::int64_t seconds);

// Binds the value, or NULL when there is none.
template <class T>
void bind_optional(SQLite::Statement& s, int index, const std::optional<T>& v) {
    if (v)
        s.bind(index, *v);
    else
        s.bind(index);
}
inline void bind_optional(SQLite::Statement& s, int index, const std::optional<calendar::sys_seconds>& v) {
    if (v)
        s.bind(index, to_db(*v));
    else
        s.bind(index);
}

}  // namespace tp::store
