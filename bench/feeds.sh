#!/usr/bin/env bash
# Benchmark (not a test): a cached /calendar.ics with ~500 events from Treffpunkt (one I/O thread) against
# nginx (one worker, sendfile, access log off) serving the identical bytes as a static file; then the 304 path.
# Same wrk settings for both (keep-alive). Prints requests/s of each and the ratio (ours / nginx).
# Environment: EVENTS (500), SERIES (0; e.g. 200 series with a skipped and a moved date), DURATION (10s),
# CONNECTIONS (32).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" "${bench_packages[@]}" python3
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null

events=${EVENTS:-500} series=${SERIES:-0} duration=${DURATION:-10s} connections=${CONNECTIONS:-32}
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

/usr/bin/python3 bench/make_events.py "$events" "$series" > "$work/events.json"
build/release/server/treffpunkt import "$work/events.json" --db "$work/bench.db" >/dev/null
build/release/server/treffpunkt serve --listen 127.0.0.1:0 --db "$work/bench.db" --threads 1 --access-log off \
  2> "$work/treffpunkt.log" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$work/treffpunkt.log" && break; sleep 0.1; done
ours=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/treffpunkt.log" | grep -o '[0-9]*$')

mkdir -p "$work/www" "$work/nginx/logs"
curl -sf "http://127.0.0.1:$ours/calendar.ics" -o "$work/www/calendar.ics"
chmod -R a+rX "$work/www"
nginx_port=$(free_port)
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/calendar ics; }
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
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/calendar.ics" -o /dev/null && break; sleep 0.1; done
cmp -s "$work/www/calendar.ics" <(curl -sf "http://127.0.0.1:$nginx_port/calendar.ics") || { echo "nginx serves other bytes" >&2; exit 1; }

etag_of() { curl -sfI "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}'; }
rate() {  # url [header]: requests/s reported by wrk
  local args=(-t1 -c"$connections" -d"$duration" --latency)
  [[ $# -gt 1 ]] && args+=(-H "$2")
  wrk "${args[@]}" "$1" > "$work/wrk.out"
  grep -q "Non-2xx or 3xx" "$work/wrk.out" && { echo "errors in wrk run against $1" >&2; cat "$work/wrk.out" >&2; exit 1; }
  awk '/Requests\/sec/ {print $2}' "$work/wrk.out"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

bytes=$(stat -c %s "$work/www/calendar.ics")
ours_200=$(rate "http://127.0.0.1:$ours/calendar.ics")
nginx_200=$(rate "http://127.0.0.1:$nginx_port/calendar.ics")
ours_304=$(rate "http://127.0.0.1:$ours/calendar.ics" "If-None-Match: $(etag_of "http://127.0.0.1:$ours/calendar.ics")")
nginx_304=$(rate "http://127.0.0.1:$nginx_port/calendar.ics" "If-None-Match: $(etag_of "http://127.0.0.1:$nginx_port/calendar.ics")")

echo "feed: $events events, $series series, $bytes bytes; wrk -t1 -c$connections -d$duration; treffpunkt --threads 1; nginx 1 worker"
printf '%-22s %14s %14s %8s\n' "path" "treffpunkt r/s" "nginx r/s" "ratio"
printf '%-22s %14s %14s %8s\n' "GET /calendar.ics 200" "$ours_200" "$nginx_200" "$(ratio "$ours_200" "$nginx_200")"
printf '%-22s %14s %14s %8s\n' "GET /calendar.ics 304" "$ours_304" "$nginx_304" "$(ratio "$ours_304" "$nginx_304")"
echo "target: ratio >= 1.0"
