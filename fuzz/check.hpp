#pragma once
// A property that fails in a fuzz target: print what broke and abort, so libFuzzer saves the input as a crash.
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace tp::fuzz {

inline void require(bool holds, std::string_view what) {
    if (holds) return;
    std::fprintf(stderr, "property broken: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

}  // namespace tp::fuzz
