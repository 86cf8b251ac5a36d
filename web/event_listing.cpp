#include "web/event_listing.hpp"

#include <algorithm>

#include "web/dates.hpp"

namespace tp::web {
namespace {

std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < folded.size()) {
        const auto end = std::min(folded.find(' ', at), folded.size());
        if (end > at) out.push_back(folded.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

bool matches(const calendar::event& e, const std::vector<std::string>& words, search_memo& memo) {
    if (words.empty()) return true;
    const auto haystack = memo.folded(e.title + "\n" + e.venue + "\n" + e.address) + "\n" + memo.folded(e.network_name);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return haystack.find(w) != std::string::npos; });
}

}  // namespace

listing_selection select_listing(std::span<const calendar::event> events, const listing_query& q, search_memo& memo,
                                 std::size_t per_page) {
    const auto words = words_of(memo.folded(q.search));
    listing_selection out;
    std::vector<const calendar::event*> in_month;
    for (const auto& e : events) {
        if (!matches(e, words, memo)) continue;
        ++out.matching;
        const auto m = month_of(e);
        if (out.months.empty() || out.months.back().month != m) out.months.push_back({m, 0});
        ++out.months.back().events;
        if (!out.month) out.month = q.month.value_or(m);
        if (m == *out.month) in_month.push_back(&e);
    }
    if (!out.month) out.month = q.month;
    const auto count = std::max<std::size_t>(1, (in_month.size() + per_page - 1) / per_page);
    out.pages = static_cast<int>(count);
    out.page = std::min(q.page, out.pages);
    const auto first = static_cast<std::size_t>(out.page - 1) * per_page;
    for (auto i = first; i < std::min(first + per_page, in_month.size()); ++i) out.shown.push_back(*in_month[i]);
    return out;
}

page_selection select_page(std::span<const calendar::event> events, std::string_view search, int page,
                           search_memo& memo, std::size_t per_page) {
    const auto words = words_of(memo.folded(search));
    page_selection out;
    const auto first = static_cast<std::size_t>(std::max(page, 1) - 1) * per_page;
    for (const auto& e : events) {
        if (!matches(e, words, memo)) continue;
        if (out.matching >= first && out.matching < first + per_page) out.shown.push_back(e);
        ++out.matching;
    }
    out.pages = static_cast<int>(std::max<std::size_t>(1, (out.matching + per_page - 1) / per_page));
    return out;
}

}  // namespace tp::web
