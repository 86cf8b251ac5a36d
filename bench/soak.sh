#!/usr/bin/env bash
# Benchmark (not a test): a soak of the release build with the demo data under a mixed load (bench/soak.lua:
# 90 % feeds, 8 % pages, 2 % registrations) for a bounded time, in rounds. Prints each round's throughput, p99,
# errors and the server's memory (RSS), then the growth from the end of the warm-up (round 2) to the last
# round. Target: no growth after warm-up, no errors. Fails when a round has errors.
# Then a connection storm (STORM connections for 5 s) and a quiet minute: RSS before, right after, and after
# the minute in which the server trims freed memory. Target: back near the level before the storm.
# Environment: ROUNDS (12), ROUND (10s), CONNECTIONS (64), THREADS (server I/O threads, 2), STORM (2000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" "${bench_packages[@]}"
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null
rounds=${ROUNDS:-12} round=${ROUND:-10s} connections=${CONNECTIONS:-64} threads=${THREADS:-2}
work=$(mktemp -d --tmpdir="$PWD/build")
pid=
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

build/release/server/treffpunkt serve --listen 127.0.0.1:0 --db "$work/soak.db" --demo --threads "$threads" \
  --access-log off --rate-limit 0 --maildir "$work/maildir" 2> "$work/server.log" &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.log" && break; sleep 0.1; done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }

echo "wrk -t2 -c$connections, $rounds rounds of $round; treffpunkt --threads $threads (release build, demo data)"
printf '%6s %12s %10s %8s %10s\n' round "requests/s" "p99" errors "RSS MiB"
warm=0 last=0 failed=0
for r in $(seq "$rounds"); do
  wrk -t2 -c"$connections" -d"$round" --latency -s bench/soak.lua "http://127.0.0.1:$port" > "$work/wrk.txt"
  rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$work/wrk.txt")
  now=$(rss)
  [[ $r -eq 2 ]] && warm=$now
  last=$now
  [[ $errors -gt 0 ]] && failed=1
  printf '%6d %12.0f %10s %8d %10.1f\n' "$r" "$rate" "$p99" "$errors" "$(awk -v k="$now" 'BEGIN {print k / 1024}')"
done
grep -v "listening on\|loaded demo" "$work/server.log" | head -5
echo "RSS after warm-up (round 2) $(awk -v k="$warm" 'BEGIN {printf "%.1f", k / 1024}') MiB, at the end" \
     "$(awk -v k="$last" 'BEGIN {printf "%.1f", k / 1024}') MiB: growth" \
     "$(awk -v a="$warm" -v b="$last" 'BEGIN {printf "%+.1f %%", (b - a) * 100 / a}') (target: none)"
storm=${STORM:-2000}
ulimit -n $((storm + 256)) 2>/dev/null || true
before_storm=$(rss)
wrk -t2 -c"$storm" -d5s "http://127.0.0.1:$port/calendar.ics" > /dev/null 2>&1 || true
after_storm=$(rss)
sleep 65  # the server trims freed memory once a minute
settled=$(rss)
echo "connection storm ($storm connections, 5 s): RSS $(awk -v k="$before_storm" 'BEGIN {printf "%.1f", k / 1024}') MiB" \
     "before, $(awk -v k="$after_storm" 'BEGIN {printf "%.1f", k / 1024}') MiB right after," \
     "$(awk -v k="$settled" 'BEGIN {printf "%.1f", k / 1024}') MiB a minute later" \
     "($(awk -v a="$before_storm" -v b="$settled" 'BEGIN {printf "%+.1f %%", (b - a) * 100 / a}') against before; target: near 0)"
registrations=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM registrations').fetchone()[0])" "$work/soak.db")
echo "registrations stored: $registrations"
[[ $failed -eq 0 ]] || { echo "errors during the soak" >&2; exit 1; }
