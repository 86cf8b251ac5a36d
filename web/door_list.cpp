#include "web/door_list.hpp"

#include <algorithm>

#include "web/search_fold.hpp"

namespace tp::web {

namespace {

bool expected_at_door(const calendar::attendee& a) {
    return a.registration.status == calendar::registration_status::confirmed ||
           a.registration.status == calendar::registration_status::pending;
}

bool found(const calendar::attendee& a, std::string_view needle) {
    const auto& r = a.registration;
    return search_matches(needle, r.name) || search_matches(needle, r.email) || search_matches(needle, r.organisation);
}

}  // namespace

door_list door_list_of(std::vector<calendar::attendee> all, std::string_view search) {
    std::erase_if(all, [](const calendar::attendee& a) { return !expected_at_door(a); });
    door_list list;
    list.expected = static_cast<int>(all.size());
    list.arrived = static_cast<int>(
        std::count_if(all.begin(), all.end(), [](const auto& a) { return a.checked_in_at.has_value(); }));
    const auto needle = fold_for_search(search);
    std::erase_if(all, [&](const calendar::attendee& a) { return !found(a, needle); });
    std::vector<std::pair<std::string, calendar::attendee>> by_name;
    for (auto& a : all) by_name.emplace_back(fold_for_search(a.registration.name), std::move(a));
    std::stable_sort(by_name.begin(), by_name.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& [key, a] : by_name) list.shown.push_back(std::move(a));
    return list;
}

}  // namespace tp::web
