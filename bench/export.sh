#!/usr/bin/env bash
# Benchmark (not a test): exporting the attendee list of one event with N people (default 10,000) as CSV and as
# XLSX, as the server does (store -> table -> CSV or libxlsxwriter). Prints time and the peak memory the export
# added to the process.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}"
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null
people=${PEOPLE:-10000}
work=$(mktemp -d --tmpdir="$PWD/build")
trap 'rm -rf "$work"' EXIT
build/release/bench/export_bench "$work/export.db" "$people" > "$work/result.txt"
value() { awk -v k="$1" '$1 == k {print $2}' "$work/result.txt"; }
printf '%-30s %10s %12s %18s\n' "$(value rows) attendees" "seconds" "bytes" "peak memory added"
printf '%-30s %10.3f %12s %15s KiB\n' "CSV (UTF-8, BOM, ;)" "$(value csv_seconds)" "$(value csv_bytes)" \
  "$(( $(value peak_kib_after_csv) - $(value peak_kib_before) ))"
printf '%-30s %10.3f %12s %15s KiB\n' "XLSX (libxlsxwriter)" "$(value xlsx_seconds)" "$(value xlsx_bytes)" \
  "$(( $(value peak_kib_after_xlsx) - $(value peak_kib_after_csv) ))"
