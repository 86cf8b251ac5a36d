#pragma once
// Unguessable tokens for links and forms: 128 random bits from libsodium, as 32 hex digits.
#include <string>

namespace tp::store {

[[nodiscard]] std::string random_token();

}  // namespace tp::store
