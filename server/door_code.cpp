#include "server/door_code.hpp"

#include <sodium.h>

#include <array>

namespace tp::server {

namespace {

constexpr std::string_view context = "treffpunkt check-in code, v1";  // the BLAKE2b key (16 to 64 bytes)

}  // namespace

std::string door_code(const std::string& token) {
    static_assert(context.size() >= crypto_generichash_KEYBYTES_MIN);
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       reinterpret_cast<const unsigned char*>(context.data()), context.size());
    std::array<char, 2 * 16 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), 2 * 16);
}

bool door_code_matches(const std::string& token, std::string_view code) {
    const auto expected = door_code(token);
    return code.size() == expected.size() && sodium_memcmp(code.data(), expected.data(), expected.size()) == 0;
}

std::string door_path(const calendar::registration& r) {
    return "/admin/events/" + r.event_slug + "/door/" + std::to_string(r.id) + "/" + door_code(r.token);
}

}  // namespace tp::server
