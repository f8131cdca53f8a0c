#!/usr/bin/env bash
# Installs every Debian package claimcheck builds, tests and benchmarks with.
# Usage: scripts/install-deps.sh [--bench]
# Idempotent: packages already present are skipped; works as root or via sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libre2-dev libxapian-dev xapian-tools nlohmann-json3-dev catch2
  libcli11-dev libfmt-dev libicu-dev
  libgumbo-dev libmd4c-dev libpoppler-cpp-dev libzip-dev libpugixml-dev zlib1g-dev
  libcpp-httplib-dev libmstch-dev
  python3 python3-jsonschema
)
# With --bench, also what bench/run measures against and with (the build and
# the tests never need these).
if [ "${1:-}" = --bench ]; then
  PACKAGES+=(hyperfine ripgrep xapian-omega time valgrind npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
