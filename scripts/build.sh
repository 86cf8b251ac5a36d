#!/usr/bin/env bash
# build.sh DIR BUILD_TYPE [cmake options...]: configures once, then builds incrementally.
set -euo pipefail
dir=$1 type=$2; shift 2
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)"
