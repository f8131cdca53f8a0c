#!/usr/bin/env bash
# Installs what is missing, builds, indexes the bundled corpus and checks the
# bundled sample draft against the bundled rules (claimcheck.json says which).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build
./build/claimcheck index
status=0
./build/claimcheck check --figures examples/sample-draft.md || status=$?
# Exit 1 means "findings at error level", which is what the sample shows.
[ "$status" -le 1 ]
