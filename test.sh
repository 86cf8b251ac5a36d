#!/usr/bin/env bash
# Installs what is missing (Debian packages, npm test tools), builds with ASan+UBSan and runs every test via ctest.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/packages.sh
bash scripts/ensure-packages.sh "${build_packages[@]}" "${test_packages[@]}"
command -v npm >/dev/null || bash scripts/ensure-packages.sh nodejs npm
for dir in tests/conformance tests/browser; do  # npm test tools, pinned by their package-lock.json
  [[ -d "$dir/node_modules" && "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]] ||
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
bash scripts/fuzz-build.sh  # libFuzzer targets (clang) in build/fuzz, run briefly by ctest
bash scripts/build.sh build/test Debug -DTREFFPUNKT_SANITIZE=ON
cd build/test
ctest --output-on-failure -j "$(nproc)" --timeout 300
