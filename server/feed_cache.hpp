#pragma once
// Built feeds by key (path and canonical query), each tagged with the store's data version it was built from.
// A lookup with a newer version misses, so a feed is never served stale after a write. Thread-safe.
#include <atomic>
#include <chrono>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "server/sealed_body.hpp"
#include "server/spliced_page.hpp"

namespace tp::server {

struct cached_feed {
    std::uint64_t version = 0;
    std::shared_ptr<const std::string> body;
    std::string etag;
    std::chrono::sys_seconds last_modified{};
    std::string last_modified_text;               // as an HTTP-date, formatted once
    std::shared_ptr<const std::string> gzipped;   // the body gzipped (server/gzip.hpp), when built with compress
    std::string gzipped_etag;                     // its own validator: another representation (RFC 9110 8.8.3)
    std::shared_ptr<const spliced_page> spliced;  // instead of a body: a page with the visitor's CSRF token
    std::shared_ptr<const sealed_body> sealed;    // a large body in a sealed memfd too, for sendfile
};

class feed_cache {
public:
    explicit feed_cache(std::size_t max_entries = 1024) : max_entries_(max_entries) {}

    struct built {
        std::shared_ptr<const std::string> body;
        std::chrono::sys_seconds last_modified{};
        bool compress = false;  // keep a gzipped copy beside the body (pages; never calendar feeds)
        std::shared_ptr<const spliced_page> spliced{};  // instead of the body (which then stays null)
    };
    // The entry for key at `version`, building it with `build` (a callable returning `built`) on a miss.
    // Last-Modified never moves back for a key, and moves forward whenever the body changes.
    template <class Build>
    [[nodiscard]] std::shared_ptr<const cached_feed> get(const std::string& key, std::uint64_t version, Build&& build) {
        auto previous = find(key);
        if (previous && previous->version == version) {
            hits_.fetch_add(1, std::memory_order_relaxed);
            return previous;
        }
        misses_.fetch_add(1, std::memory_order_relaxed);
        return store(key, version, build(), std::move(previous));
    }

    // A request answered from this cache's entry without asking it (a prepared answer made from the entry).
    void count_hit() { hits_.fetch_add(1, std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

private:
    std::shared_ptr<const cached_feed> find(const std::string& key);
    std::shared_ptr<const cached_feed> store(const std::string& key, std::uint64_t version, built fresh,
                                             std::shared_ptr<const cached_feed> previous);

    std::size_t max_entries_;
    std::shared_mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const cached_feed>> entries_;
    std::atomic<std::uint64_t> hits_{0}, misses_{0};
};

}  // namespace tp::server
