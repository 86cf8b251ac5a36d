#pragma once
// Steps on organiser accounts that several store files take, inside the caller's transaction.
#include <optional>
#include <string>

#include "calendar/accounts.hpp"
#include "store/connection.hpp"
#include "store/account_store.hpp"

namespace tp::store {

[[nodiscard]] std::string lower(std::string s);
// The organiser `where` finds (?1 bound to `value`, ?2 to `now` when given), with their networks.
[[nodiscard]] std::optional<calendar::organiser> organiser_where(connection& c, const std::string& where,
                                                                 const std::string& value,
                                                                 std::optional<std::int64_t> now = std::nullopt);
// A new account; without a hash it cannot log in until a link sets a password. Throws account_error.
calendar::organiser insert_organiser(connection& c, const new_organiser& o, const std::optional<std::string>& hash,
                                     calendar::sys_seconds now);

}  // namespace tp::store
