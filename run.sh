#!/usr/bin/env bash
# Installs what is missing, builds, and starts Treffpunkt on http://127.0.0.1:8080 with demo data.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}"
bash scripts/build.sh build/release RelWithDebInfo -DTREFFPUNKT_TESTS=OFF
mkdir -p data
exec build/release/server/treffpunkt serve \
  --listen "${TREFFPUNKT_LISTEN:-127.0.0.1:8080}" \
  --db "${TREFFPUNKT_DB:-data/treffpunkt.db}" \
  --base-url "${TREFFPUNKT_BASE_URL:-http://127.0.0.1:8080}" \
  --demo "$@"
