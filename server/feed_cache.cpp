#include "server/feed_cache.hpp"

#include <mutex>

#include "server/conditional.hpp"
#include "server/gzip.hpp"

namespace tp::server {

std::shared_ptr<const cached_feed> feed_cache::find(const std::string& key) {
    std::shared_lock lock(mutex_);
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
}

std::shared_ptr<const cached_feed> feed_cache::store(const std::string& key, std::uint64_t version, built fresh,
                                                     std::shared_ptr<const cached_feed> previous) {
    auto entry = std::make_shared<cached_feed>();
    entry->version = version;
    entry->body = fresh.body;
    entry->spliced = fresh.spliced;
    entry->last_modified = fresh.last_modified;
    if (fresh.body) entry->etag = strong_etag(*fresh.body);
    if (fresh.body && fresh.body->size() >= sealed_body::threshold) entry->sealed = sealed_body::make(*fresh.body);
    if (fresh.body && fresh.compress) {
        entry->gzipped = std::make_shared<const std::string>(gzip(*fresh.body));
        entry->gzipped_etag = entry->etag.substr(0, entry->etag.size() - 1) + "-gzip\"";
    }
    if (previous) {
        entry->last_modified = std::max(entry->last_modified, previous->last_modified);
        if (entry->etag != previous->etag && entry->last_modified == previous->last_modified)
            entry->last_modified += std::chrono::seconds{1};  // clients that revalidate by date must see the change
    }
    entry->last_modified_text = http_date(entry->last_modified);
    std::unique_lock lock(mutex_);
    if (entries_.size() >= max_entries_ && !entries_.count(key)) entries_.clear();
    auto& slot = entries_[key];
    if (!slot || slot->version <= version) slot = entry;
    return entry;
}

}  // namespace tp::server
