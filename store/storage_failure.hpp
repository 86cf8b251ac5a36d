#pragma once
// The store's one translation of SQLite's failures: those about the storage become storage_unavailable, all
// others (a bug such as a constraint failure) pass unchanged.
#include <exception>

namespace tp::store {

// For the error log: what an operator should look at, e.g. "the disk is full"; empty for other exceptions.
[[nodiscard]] const char* storage_failure_hint(const std::exception& ex);

// `failure` itself, or a storage_unavailable in its place when it is SQLite saying the storage is unavailable.
[[nodiscard]] std::exception_ptr translated(std::exception_ptr failure);

// Runs fn and rethrows what it throws translated.
template <class Fn>
auto translating(Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (...) {
        std::rethrow_exception(translated(std::current_exception()));
    }
}

}  // namespace tp::store
