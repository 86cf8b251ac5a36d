#pragma once
// The stored name of an enum value and back, from one table of pairs per enum (used by calendar/*.cpp).
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace tp::calendar {

template <class E, std::size_t N>
using name_table = std::array<std::pair<E, std::string_view>, N>;

// The value's name; empty when the table lacks it.
template <class E, std::size_t N>
std::string_view name_in(const name_table<E, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

template <class E, std::size_t N>
std::optional<E> value_in(const name_table<E, N>& table, std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}

}  // namespace tp::calendar
