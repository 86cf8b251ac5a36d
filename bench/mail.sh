#!/usr/bin/env bash
# Benchmark (not a test): outbox throughput to a local SMTP server (python3-aiosmtpd, discarding) beside a raw
# libcurl send loop to the same server with the same connection reuse, as a ratio. Ours includes everything
# the server does per message: claim with a lease, read the registration and event, render text, HTML and the
# iMIP invitation, MIME, send, and mark sent. Environment: MESSAGES (2000), SENDERS (2, the server's default
# --mail-connections; SENDERS=1 compares one connection with one).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" python3-aiosmtpd
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF >/dev/null
messages=${MESSAGES:-2000} senders=${SENDERS:-2}
work=$(mktemp -d --tmpdir="$PWD/build")
pid=
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

/usr/bin/python3 bench/smtp_discard.py > "$work/port" &
pid=$!
for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
port=$(cat "$work/port")
build/release/bench/outbox_bench "smtp://127.0.0.1:$port" "$work/mail.db" "$messages" "$senders" > "$work/result.txt"
value() { awk -v k="$1" '$1 == k {print $2}' "$work/result.txt"; }
printf '%-44s %12s %12s %8s\n' "$(value sent) invitations, $senders sender(s)" "treffpunkt" "raw libcurl" "ratio"
printf '%-44s %12.0f %12.0f %8.2f\n' "messages per second (higher is better)" "$(value outbox_per_second)" \
  "$(value raw_per_second)" "$(awk -v a="$(value outbox_per_second)" -v b="$(value raw_per_second)" 'BEGIN {print a / b}')"
