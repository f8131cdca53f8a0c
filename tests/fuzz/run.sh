#!/usr/bin/env bash
# run.sh — build the libFuzzer targets with clang and run each one.
#   bash tests/fuzz/run.sh              # 60 seconds per target
#   bash tests/fuzz/run.sh 600          # 10 minutes per target
#   bash tests/fuzz/run.sh -runs=2000   # a fixed number of executions (CI smoke)
# New inputs that cover new code go to build-fuzz/corpus/<target>/ (seeded
# from tests/fuzz/corpus/<target>/); crashes to build-fuzz/crashes/<target>/.
# Keep a crasher as a regression: copy it to tests/fuzz/regressions/<target>/
# (the smoke test and the unit tests replay every file there).
set -euo pipefail
cd "$(dirname "$0")/../.."
arg="${1:-60}"
if [[ "$arg" == -runs=* ]]; then limit=("$arg"); else limit=(-max_total_time="$arg"); fi
command -v clang++ >/dev/null || { echo "clang++ not found (apt-get install clang)"; exit 77; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCLAIMCHECK_FUZZ=ON \
  -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build-fuzz fuzz >/dev/null
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for target in fuzz_mentions fuzz_periods fuzz_rules fuzz_reader; do
  work="build-fuzz/corpus/$target"
  crashes="build-fuzz/crashes/$target"
  mkdir -p "$work" "$crashes"
  inputs=("$work" "tests/fuzz/corpus/$target")
  [ -d "tests/fuzz/regressions/$target" ] && inputs+=("tests/fuzz/regressions/$target")
  log="build-fuzz/$target.log"
  if "build-fuzz/tests/fuzz/$target" "${limit[@]}" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
       -artifact_prefix="$crashes/" -print_final_stats=1 "${inputs[@]}" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
    echo "$target: ok, $runs executions, coverage $cov edges"
  else
    status=1
    echo "$target: FAILED; see $log and $crashes/"
    grep -m3 -E 'ERROR|SUMMARY|deadly|timeout' "$log" || true
  fi
done
exit $status
