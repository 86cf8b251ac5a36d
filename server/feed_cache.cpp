#include "server/feed_cache.hpp"

#include <mutex>

#include "server/conditional.hpp"

namespace tp::server {

std::shared_ptr<const cached_feed> feed_cache::get(const std::string& key, std::uint64_t version,
                                                   const std::function<built()>& build) {
    std::shared_ptr<const cached_feed> previous;
    {
        std::shared_lock lock(mutex_);
        if (const auto it = entries_.find(key); it != entries_.end()) {
            if (it->second->version == version) {
                hits_.fetch_add(1, std::memory_order_relaxed);
                return it->second;
            }
            previous = it->second;
        }
    }
    misses_.fetch_add(1, std::memory_order_relaxed);
    auto [body, last_modified] = build();
    auto entry = std::make_shared<cached_feed>(cached_feed{version, body, strong_etag(*body), last_modified});
    if (previous) {
        entry->last_modified = std::max(entry->last_modified, previous->last_modified);
        if (entry->etag != previous->etag && entry->last_modified == previous->last_modified)
            entry->last_modified += std::chrono::seconds{1};  // clients that revalidate by date must see the change
    }
    std::unique_lock lock(mutex_);
    if (entries_.size() >= max_entries_ && !entries_.count(key)) entries_.clear();
    auto& slot = entries_[key];
    if (!slot || slot->version <= version) slot = entry;
    return entry;
}

}  // namespace tp::server
