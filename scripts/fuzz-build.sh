#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (Debian clang and libclang-rt-14-dev) into build/fuzz: every library
# with coverage instrumentation, ASan and UBSan, at -O1 so the fuzzers run fast. Incremental after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/fuzz
if [[ ! -f "$dir/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DTREFFPUNKT_FUZZ=ON -DTREFFPUNKT_TESTS=OFF >/dev/null
fi
cmake --build "$dir" -j "$(nproc)" --target fuzz_targets
