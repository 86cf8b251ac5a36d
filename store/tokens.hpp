#pragma once
// Unguessable tokens for links and forms (libsodium), the digests under which secrets are stored, and argon2id
// password hashes.
#include <string>
#include <string_view>

namespace tp::store {

// 128 random bits as 32 hex digits.
[[nodiscard]] std::string random_token();
// A BLAKE2b-256 digest as hex: sessions and API tokens are stored only so, a stolen database reveals none.
[[nodiscard]] std::string token_digest(std::string_view token);
// argon2id (libsodium's interactive limits) in its self-describing string form. Throws std::runtime_error when
// the machine has not the memory.
[[nodiscard]] std::string hash_password(std::string_view password);
[[nodiscard]] bool password_matches(const std::string& hash, std::string_view password);

}  // namespace tp::store
