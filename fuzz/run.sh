#!/usr/bin/env bash
# run.sh NAME SECONDS [BINARY_DIR]: replays every input in fuzz/regressions/NAME (crashes found earlier), then
# fuzzes NAME for SECONDS from fuzz/seeds/NAME with a fresh working corpus. Fails on any crash, leak, timeout or
# broken property, and says where the input that did it was saved.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=$1 seconds=$2 bin_dir=${3:-$here/../build/fuzz/fuzz}
binary=$bin_dir/$name
crashes=${FUZZ_CRASHES:-/tmp/treffpunkt-fuzz-crashes}
[[ -x $binary ]] || { echo "run.sh: $binary is missing: build it with scripts/fuzz-build.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/artifacts"
options=(-timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/artifacts/" -print_final_stats=1)
regressions=("$here/regressions/$name"/*)
if [[ -e ${regressions[0]} ]]; then
  "$binary" "${options[@]}" "${regressions[@]}" 2>"$work/replay.log" ||
    { cat "$work/replay.log" >&2; echo "run.sh: a regression input fails again" >&2; exit 1; }
  echo "$name: ${#regressions[@]} earlier crash input(s) pass"
fi
if ! "$binary" "${options[@]}" -max_total_time="$seconds" "$work/corpus" "$here/seeds/$name" 2>"$work/fuzz.log"; then
  tail -n 60 "$work/fuzz.log" >&2
  mkdir -p "$crashes"
  cp "$work/artifacts/"* "$crashes/" 2>/dev/null || true
  echo "run.sh: $name failed; the input is in $crashes (add it to fuzz/regressions/$name with a test)" >&2
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
echo "$name: $runs runs in ${seconds} s, corpus $(ls "$work/corpus" | wc -l) inputs, no crash"
