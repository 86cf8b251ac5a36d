#!/usr/bin/env bash
# bench/fuzz.sh [SECONDS]: builds the libFuzzer targets and runs each for SECONDS (default 600), keeping its
# corpus in build/fuzz/corpus/NAME between runs, so coverage grows run after run. A crash stops with the input
# saved in build/fuzz/crashes; add it to fuzz/regressions/NAME with a test of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" clang libclang-rt-14-dev libical-dev
bash scripts/fuzz-build.sh
for name in fuzz_form_decoding fuzz_query_string fuzz_rrule fuzz_ics_writer fuzz_router; do
  corpus=build/fuzz/corpus/$name
  mkdir -p "$corpus" build/fuzz/crashes
  echo "== $name: $seconds s"
  build/fuzz/fuzz/$name -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/crashes/ "$corpus" "fuzz/seeds/$name" 2>&1 |
    grep -E "^#[0-9]+ +DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|property broken"
done
