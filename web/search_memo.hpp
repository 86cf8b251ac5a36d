#pragma once
// fold_for_search, remembered. Folding through ICU costs about 50 us per text, too much for every event of a
// national listing on every search, and the same text always folds the same: folded texts are kept by their
// text. Thread-safe; past `capacity` entries the memo starts again.
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tp::web {

class search_memo {
public:
    explicit search_memo(std::size_t capacity = 50000) : capacity_(capacity) {}
    [[nodiscard]] std::string folded(std::string_view text);
    [[nodiscard]] std::size_t size();

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::string> folded_;
    std::size_t capacity_;
};

}  // namespace tp::web
