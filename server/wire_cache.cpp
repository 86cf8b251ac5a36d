#include "server/wire_cache.hpp"

#include <mutex>

namespace tp::server {

void wire_key(std::string& out, std::string_view target, web::lang language, bool gzip) {
    out.assign(target).append(1, '\n').append(web::code(language)).append(gzip ? "\ngzip" : "\nidentity");
}

std::shared_ptr<const prepared_answer> wire_cache::find(std::string_view key) const {
    std::shared_lock lock(mutex_);
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
}

bool wire_cache::holds(std::string_view key, std::uint64_t version) const {
    const auto found = find(key);
    return found && found->version == version;
}

void wire_cache::remember(std::string_view key, std::shared_ptr<const prepared_answer> answer) {
    std::unique_lock lock(mutex_);
    const auto it = entries_.find(key);
    if (it != entries_.end()) {
        if (it->second->version <= answer->version) it->second = std::move(answer);
        return;
    }
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_.emplace(std::string(key), std::move(answer));
}

}  // namespace tp::server
