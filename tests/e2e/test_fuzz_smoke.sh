#!/usr/bin/env bash
# test_fuzz_smoke.sh — builds the libFuzzer targets with clang (build-fuzz/)
# and runs each for 2000 executions from its seeds and kept regressions.
# Exit 77 (skip) when clang++ or libFuzzer is not available.
# Usage: test_fuzz_smoke.sh CLAIMCHECK_BINARY REPO_ROOT
set -uo pipefail
root="$2"
command -v clang++ >/dev/null || { echo "clang++ not installed; skipping"; exit 77; }
echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' >/tmp/cc-fuzz-probe.$$.cpp
if ! clang++ -fsanitize=fuzzer /tmp/cc-fuzz-probe.$$.cpp -o /tmp/cc-fuzz-probe.$$ 2>/dev/null; then
  rm -f /tmp/cc-fuzz-probe.$$*
  echo "clang++ has no libFuzzer runtime; skipping"
  exit 77
fi
rm -f /tmp/cc-fuzz-probe.$$*
# The sanitizer build of the main tests exports options for gcc's runtime;
# the fuzzers set their own.
unset ASAN_OPTIONS UBSAN_OPTIONS
timeout 280 bash "$root/tests/fuzz/run.sh" -runs=2000
