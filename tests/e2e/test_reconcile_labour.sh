#!/usr/bin/env bash
# test_reconcile_labour.sh — verify and reconcile on the labour example, byte
# for byte against golden files: reconcile finds the one real conflict (the
# first estimate of January 2022 payroll gains, 467,000, and its revision a
# month later, 481,000: two documents, one statistic) and no other; verify
# says why the March 2022 sentence stating 3.6 percent does not back the
# 2022 annual average (adjustment and period differ).
# Refresh on purpose with:  UPDATE_GOLDEN=1 ctest --test-dir build -R reconcile_labour
set -euo pipefail
bin="$1"; root="$2"
cd "$root/examples/labour"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" index --db "$tmp/db" corpus >/dev/null 2>"$tmp/index.err" || { cat "$tmp/index.err"; exit 1; }
fail=0
run() {  # name, expected exit, command...
  local name=$1 want=$2; shift 2
  local status=0
  "$@" >"$tmp/$name" 2>"$tmp/err" || status=$?
  if [ "$status" -ne "$want" ]; then echo "FAIL $name: exit $status, expected $want"; cat "$tmp/err"; fail=1; fi
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/$name" "$name"
  elif ! diff -u "$name" "$tmp/$name"; then
    echo "FAIL $name differs from examples/labour/$name"; fail=1
  fi
}
run reconcile.expected.txt 0 "$bin" reconcile --db "$tmp/db" --rules rules.json
run reconcile.expected.json 0 "$bin" reconcile --db "$tmp/db" --rules rules.json --format json
run verify.expected.txt 0 "$bin" verify --db "$tmp/db" --rules rules.json
# What the example was written to show, whatever the golden files say.
python3 - "$tmp/reconcile.expected.json" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
assert r["summary"]["conflicts"] == 1, r["summary"]
g = r["groups"][0]
assert g["kind"] == "conflict" and g["measure"] == "employment", g["title"]
vals = sorted(g["figures"][i]["value"] for i in g["conflicts"][0]["figures"])
assert vals == [467000, 481000], vals
assert {g["figures"][i]["doc"] for i in g["conflicts"][0]["figures"]} == \
    {"jobs-report-january-2022.md", "jobs-report-february-2022.md"}
PY
grep -q "not backing jobs-report-march-2022.md:6 (3.6 percent): period: sentence says March 2022, claim 2022; adjustment: sentence reads as sa, claim names none" \
  "$tmp/verify.expected.txt" || { echo "FAIL: verify does not explain the March 3.6 percent"; fail=1; }
[ "$fail" -eq 0 ] && echo ok
exit "$fail"
