#!/usr/bin/env bash
# Benchmark (not a test): N concurrent clients register distinct people for one event (120 seats) through the
# API. Prints registrations/s and p50/p99 latency beside a raw SQLite loop (BEGIN IMMEDIATE; count; INSERT;
# COMMIT) with the same pragmas on the same disk, as a ratio; then checks that nothing is overbooked.
# Environment: CONNECTIONS (64), DURATION (10s), THREADS (server I/O threads, 2 as the server's default:
# registrations are handed to the store's write queue and answered when their batch commits; no thread waits).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" "${bench_packages[@]}" python3
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null
connections=${CONNECTIONS:-64} duration=${DURATION:-10s} threads=${THREADS:-2}
work=$(mktemp -d --tmpdir="$PWD/build")  # the same disk as a real database
pid=
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

/usr/bin/python3 - "$work/event.json" <<'PY'
import json, sys
from datetime import datetime, timedelta
now = datetime.now()
f = lambda d: d.strftime("%Y-%m-%dT%H:00")
json.dump({"networks": [{"slug": "n", "name": "Netz"}],
           "events": [{"slug": "rush", "network": "n", "kind": "barcamp", "title": "MINT:Barcamp",
                       "start": f(now + timedelta(days=30)), "end": f(now + timedelta(days=30, hours=7)),
                       "time_zone": "Europe/Berlin", "capacity": 120,
                       "registration_opens": f(now - timedelta(days=1))}]}, open(sys.argv[1], "w"))
PY
build/release/server/treffpunkt import "$work/event.json" --db "$work/rush.db" >/dev/null
build/release/server/treffpunkt serve --listen 127.0.0.1:0 --db "$work/rush.db" --threads "$threads" \
  --access-log off --rate-limit 0 2> "$work/server.log" &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.log" && break; sleep 0.1; done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')

wrk -t2 -c"$connections" -d"$duration" --latency -s bench/rush.lua "http://127.0.0.1:$port" > "$work/wrk.txt"
grep -q "Non-2xx" "$work/wrk.txt" && { echo "some registrations failed:" >&2; cat "$work/wrk.txt" >&2; exit 1; }
ours=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
raw=$(build/release/bench/sqlite_loop "$work/raw.db" "${duration%s}")

/usr/bin/python3 - "$work/rush.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
held = c.execute("SELECT COUNT(*) FROM registrations WHERE status IN ('pending', 'confirmed')").fetchone()[0]
waiting = c.execute("SELECT COUNT(*) FROM registrations WHERE status = 'waitlisted'").fetchone()[0]
emails = c.execute("SELECT COUNT(DISTINCT email_key) FROM registrations").fetchone()[0]
total = c.execute("SELECT COUNT(*) FROM registrations").fetchone()[0]
print(f"stored: {total} registrations, {held} holding seats (capacity 120), {waiting} waiting")
assert held == 120 and emails == total, "overbooked or duplicated"
PY
echo "wrk -t2 -c$connections -d$duration; treffpunkt --threads $threads; synchronous=FULL on both sides"
printf '%-28s %12s %12s %8s\n' "" "treffpunkt" "raw SQLite" "ratio"
printf '%-28s %12.0f %12.0f %8.2f\n' "registrations/s" "$ours" "$raw" "$(awk -v a="$ours" -v b="$raw" 'BEGIN {print a / b}')"
echo "latency p50 $p50, p99 $p99 (target p99 < 50 ms at 64 connections; ratio >= 1.0)"
