#!/usr/bin/env bash
# Benchmark (not a test): every kind of public GET from Treffpunkt against nginx serving the identical bytes as
# static files (sendfile; gzip_static with the same .gz bytes for the gzip row), one table: best of ROUNDS runs
# alternating between the two, requests/s, p99 latency, and the ratio (ours / nginx).
# Environment: EVENTS (500), SERIES (0; e.g. 200 series with a skipped and a moved date), DURATION (5s),
# CONNECTIONS (32), ROUNDS (3), THREADS (1: treffpunkt --threads and nginx worker_processes), ACCESS_LOG (off, or
# on: both write an access log to a file).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" "${bench_packages[@]}" python3 gzip
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null

events=${EVENTS:-500} series=${SERIES:-0} duration=${DURATION:-5s} connections=${CONNECTIONS:-32} rounds=${ROUNDS:-3}
threads=${THREADS:-1} access_log=${ACCESS_LOG:-off}
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

/usr/bin/python3 bench/make_events.py "$events" "$series" > "$work/events.json"
build/release/server/treffpunkt import "$work/events.json" --db "$work/bench.db" >/dev/null
our_log=off
[[ "$access_log" == on ]] && our_log="$work/treffpunkt-access.log"
build/release/server/treffpunkt serve --listen 127.0.0.1:0 --db "$work/bench.db" --threads "$threads" \
  --access-log "$our_log" 2> "$work/treffpunkt.log" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$work/treffpunkt.log" && break; sleep 0.1; done
ours=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/treffpunkt.log" | grep -o '[0-9]*$')
base="http://127.0.0.1:$ours"

# The bytes nginx serves: exactly what Treffpunkt answers now, in German, to a visitor who has its CSRF cookie
# already (a page with a form otherwise carries a new token each time).
event_slug=$(/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
  "SELECT slug FROM events WHERE status = '"'"'published'"'"' ORDER BY start_utc LIMIT 1").fetchone()[0])' "$work/bench.db")
mkdir -p "$work/www/events" "$work/nginx/logs"
curl -sf "$base/calendar.ics" -o "$work/www/calendar.ics"
cookie="Cookie: $(curl -sf -D - -o /dev/null "$base/events/$event_slug" | tr -d '\r' |
  awk -F'[: ;]+' 'tolower($1)=="set-cookie" {print $2; exit}')"
curl -sf -H "$cookie" "$base/events/$event_slug" -o "$work/www/events/$event_slug"
curl -sf "$base/" -o "$work/www/index.html"
gzip -6 -k -n "$work/www/index.html"
chmod -R a+rX "$work/www"

nginx_port=$(free_port)
nginx_log=off
[[ "$access_log" == on ]] && nginx_log="$work/nginx/logs/access.log"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes $threads;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log $nginx_log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/calendar ics; text/html html; }
  default_type text/html;
  gzip_static on;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
NGINX
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
nginx="http://127.0.0.1:$nginx_port"
for _ in $(seq 100); do curl -sf "$nginx/calendar.ics" -o /dev/null && break; sleep 0.1; done
for path in calendar.ics "events/$event_slug" ""; do
  cmp -s <(curl -sf -H "$cookie" "$base/$path") <(curl -sf "$nginx/$path") ||
    { echo "nginx serves other bytes for /$path" >&2; exit 1; }
done

etag_of() { curl -sfI "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}'; }

# One wrk run: prints "requests/s p99" (p99 in ms).
run() {  # url [header]
  local args=(-t1 -c"$connections" -d"$duration" --latency)
  [[ $# -gt 1 && -n "$2" ]] && args+=(-H "$2")
  wrk "${args[@]}" "$1" > "$work/wrk.out"
  grep -q "Non-2xx or 3xx" "$work/wrk.out" && { echo "errors in wrk run against $1" >&2; cat "$work/wrk.out" >&2; exit 1; }
  awk '/Requests\/sec/ {rps=$2}
       $1=="99%" {v=$2; if (v ~ /us$/) ms=v/1000; else if (v ~ /ms$/) ms=v+0; else if (v ~ /s$/) ms=v*1000; }
       END {printf "%s %.2f\n", rps, ms}' "$work/wrk.out"
}

# Best of `rounds` runs, alternating ours and nginx: prints "ours_rps ours_p99 nginx_rps nginx_p99".
best_of() {  # path our_header nginx_header
  local best_ours="0 0" best_nginx="0 0" r
  for _ in $(seq "$rounds"); do
    r=$(run "$base$1" "$2"); awk -v a="$r" -v b="$best_ours" 'BEGIN {split(a,x," "); split(b,y," "); exit !(x[1] > y[1])}' && best_ours=$r
    r=$(run "$nginx$1" "$3"); awk -v a="$r" -v b="$best_nginx" 'BEGIN {split(a,x," "); split(b,y," "); exit !(x[1] > y[1])}' && best_nginx=$r
  done
  echo "$best_ours $best_nginx"
}

row() {  # name path our_header nginx_header
  read -r o_rps o_p99 n_rps n_p99 < <(best_of "$2" "$3" "$4")
  printf '| %-26s | %12s | %9s | %12s | %9s | %5s |\n' "$1" "$o_rps" "$o_p99" "$n_rps" "$n_p99" \
    "$(awk -v a="$o_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')"
}

size() { stat -c %s "$work/www/$1"; }
echo "wire: $events events, $series series; wrk -t1 -c$connections -d$duration, best of $rounds alternating runs;" \
     "treffpunkt --threads $threads, nginx worker_processes $threads; access log $access_log"
printf '| %-26s | %12s | %9s | %12s | %9s | %5s |\n' "path" "treffpunkt/s" "p99 ms" "nginx/s" "p99 ms" "ratio"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------" "--------------" "-----------" "--------------" "-----------" "-------"
row "feed 200 ($(size calendar.ics) B)" /calendar.ics "" ""
row "feed 304" /calendar.ics "If-None-Match: $(etag_of "$base/calendar.ics")" "If-None-Match: $(etag_of "$nginx/calendar.ics")"
row "event page ($(size "events/$event_slug") B)" "/events/$event_slug" "$cookie" "$cookie"
row "home page ($(size index.html) B)" / "" ""
row "home gzip ($(size index.html.gz) B)" / "Accept-Encoding: gzip" "Accept-Encoding: gzip"
if curl -sf "$base/api/v1/public/events" -o "$work/www/public-events.json" 2>/dev/null; then
  mkdir -p "$work/www/api/v1/public" && cp "$work/www/public-events.json" "$work/www/api/v1/public/events"
  row "public API ($(size public-events.json) B)" /api/v1/public/events "" ""
else
  echo "| public events JSON         | (no such route yet: issue 20) |"
fi
echo "target: every ratio >= 1.0, p99 no worse than nginx's"
