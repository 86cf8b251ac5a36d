#include "web/search_memo.hpp"

#include "web/search_fold.hpp"

namespace tp::web {

std::string search_memo::folded(std::string_view text) {
    std::string key(text);
    {
        std::lock_guard lock(mutex_);
        if (const auto found = folded_.find(key); found != folded_.end()) return found->second;
    }
    auto result = fold_for_search(text);  // outside the lock: ICU is the slow part
    std::lock_guard lock(mutex_);
    if (folded_.size() >= capacity_) folded_.clear();
    folded_.emplace(std::move(key), result);
    return result;
}

std::size_t search_memo::size() {
    std::lock_guard lock(mutex_);
    return folded_.size();
}

}  // namespace tp::web
