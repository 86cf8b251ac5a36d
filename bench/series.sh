#!/usr/bin/env bash
# Benchmark (not a test): RRULE expansion of 1,000 series over two years, ours against python3-recurring-ical-events
# expanding the same VCALENDAR; then building /calendar.ics for 200 series with overrides. Times and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" python3-icalendar python3-recurring-ical-events
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/release/bench/series_bench "$work/series.ics" > "$work/ours.txt"
/usr/bin/python3 - "$work/series.ics" > "$work/python.txt" <<'PY'
import resource, sys, time
from datetime import datetime, timedelta, timezone
import icalendar, recurring_ical_events
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
start = datetime(2026, 12, 31, 23, 0, tzinfo=timezone.utc)
t = time.perf_counter()
n = len(recurring_ical_events.of(cal).between(start, start + timedelta(days=730)))
print("expand_seconds", time.perf_counter() - t)
print("occurrences", n)
print("peak_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
PY
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
printf '%-40s %14s %14s %8s\n' "1,000 series x 2 years" "treffpunkt" "python ref" "ratio"
printf '%-40s %14.4f %14.4f %8.1f\n' "expansion seconds (lower is better)" "$(value expand_seconds "$work/ours.txt")" \
  "$(value expand_seconds "$work/python.txt")" \
  "$(awk -v a="$(value expand_seconds "$work/python.txt")" -v b="$(value expand_seconds "$work/ours.txt")" 'BEGIN {print a / b}')"
printf '%-40s %14s %14s\n' "occurrences (with overrides, w/o EXDATE)" "$(value occurrences "$work/ours.txt")" \
  "$(value occurrences "$work/python.txt")"
printf '%-40s %14s %14s\n' "peak memory KiB" "$(value peak_kib "$work/ours.txt")" "$(value peak_kib "$work/python.txt")"
echo "feed of 200 series with overrides: $(value feed_bytes "$work/ours.txt") bytes, built in" \
  "$(awk -v s="$(value feed_build_seconds "$work/ours.txt")" 'BEGIN {printf "%.2f ms", s * 1000}')"
echo "ratio = reference time / our time (target: >= 1.0)"
