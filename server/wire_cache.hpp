#pragma once
// Prepared answers (prepared_answer.hpp) by what selects one: the request target as sent, the language
// Accept-Language asks for, and whether gzip is accepted (wire_key). Filled by the handlers when they answer from
// the feed or page cache; read by sessions before any routing. An answer is used only while its version is the
// current one, so it is never stale after a write. Thread-safe; a lookup neither allocates nor copies the key.
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/prepared_answer.hpp"
#include "web/i18n.hpp"

namespace tp::server {

// The key into `out` (its capacity is kept, so a reused string does not allocate).
void wire_key(std::string& out, std::string_view target, web::lang language, bool gzip);

class wire_cache {
public:
    explicit wire_cache(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

    [[nodiscard]] std::shared_ptr<const prepared_answer> find(std::string_view key) const;
    // Whether `key` holds an answer of `version` already.
    [[nodiscard]] bool holds(std::string_view key, std::uint64_t version) const;
    // Keeps `answer` under `key` unless a newer one is there.
    void remember(std::string_view key, std::shared_ptr<const prepared_answer> answer);

private:
    struct hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::size_t max_entries_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const prepared_answer>, hash, std::equal_to<>> entries_;
};

}  // namespace tp::server
