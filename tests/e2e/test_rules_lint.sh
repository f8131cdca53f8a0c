#!/usr/bin/env bash
# test_rules_lint.sh — `claimcheck rules lint` as a user runs it.
# usage: test_rules_lint.sh CLAIMCHECK REPO_ROOT   (exit 77 = skipped)
set -u
bin=${1:?claimcheck binary}
root=${2:?repo root}
fixtures="$root/tests/fixtures/rules"
[ -x "$bin" ] || { echo "skip: no binary $bin"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check DESCRIPTION EXPECTED_STATUS ARGS...
  local what=$1 want=$2
  shift 2
  "$bin" rules lint "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, want $want"
    cat "$tmp/out" "$tmp/err"
    fail=1
  fi
}
contains() {  # contains DESCRIPTION TEXT
  if ! grep -qF -- "$2" "$tmp/out"; then
    echo "FAIL: $1: output lacks: $2"
    cat "$tmp/out"
    fail=1
  fi
}

check "bundled rules are clean" 0 "$root/rules/secure-communities.json"
contains "summary line" "1 rules file: 0 errors, 0 warnings"

# The worked example of docs/rules-format.md lints clean.
if [ -f "$root/docs/rules-format.md" ]; then
  awk '/^```json$/{on=1; next} /^```$/{if (on) exit} on' "$root/docs/rules-format.md" >"$tmp/doc-example.json"
  check "docs example" 0 "$tmp/doc-example.json"
  contains "docs example is clean" "0 errors, 0 warnings"
fi

check "good fixtures" 0 "$fixtures/good-minimal.json" "$fixtures/good-design-example.json"

check "warnings alone exit 0" 0 "$fixtures/lint-warnings.json"
contains "no source warning" "lint-warnings.json:12:5: warning: claims[0]: claim \"no-source\" has no source"
contains "shadowing warning" "lint-warnings.json:8:17: warning: vocabulary.measure.other[0]: phrase \"transferred\""
contains "warning count" "1 rules file: 0 errors, 4 warnings"

check "errors exit 2" 2 "$fixtures/bad-several-errors.json"
contains "unknown field" "bad-several-errors.json:3:3: error: titel: unknown field \"titel\""
contains "bad regex" "bad-several-errors.json:5:43: error: vocabulary.measure.removals[1]: RE2 pattern /deport(/ does not compile"
contains "unknown category" "bad-several-errors.json:10:54: error: claims[0].frame.category[0]: unknown category id \"low-levle\""
contains "backwards period" "bad-several-errors.json:13:28: error: claims[2].frame.period: period starts (2010-06-30) after it ends (2008-10-27)"
contains "error count" "8 errors"

check "duplicate ids across files" 2 "$fixtures/good-minimal.json" "$fixtures/good-minimal.json"
contains "duplicate id" "duplicate claim id \"removals-2008-2010\" (first declared at"

printf '{\n  "claimcheck_rules": 1,\n  "claims": [\n' >"$tmp/syntax.json"
printf '    { "id": "a" "value": 1 }\n  ]\n}\n' >>"$tmp/syntax.json"
check "syntax error" 2 "$tmp/syntax.json"
contains "syntax position" "syntax.json:4:17: error: invalid JSON: expected ',' or '}'"

printf '{ "claimcheck_rules": 3, "future_field": true }\n' >"$tmp/v3.json"
check "newer version" 2 "$tmp/v3.json"
contains "newer version message" "version 3 is newer than this claimcheck supports (2)"

check "missing file" 2 "$tmp/nope.json"
contains "missing file message" "nope.json: error: cannot read rules file"

# A command given broken rules checks nothing and exits 2.
printf 'In FY2011, 26%% had no conviction.\n' >"$tmp/draft.md"
"$bin" check --rules "$fixtures/bad-several-errors.json" --fail-on never "$tmp/draft.md" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" != 2 ]; then
  echo "FAIL: check with broken rules: exit $status, want 2"
  fail=1
fi
if ! grep -qF 'unknown field "titel"' "$tmp/err" || [ -s "$tmp/out" ]; then
  echo "FAIL: check with broken rules should print the rules errors and no report"
  cat "$tmp/out" "$tmp/err"
  fail=1
fi

"$bin" rules >/dev/null 2>&1
[ $? = 2 ] || { echo "FAIL: 'rules' without an action should be a usage error"; fail=1; }

# Scale: 10,000 phrases lint in time near-linear in their number (the
# shadowing check compared every phrase with every other: 40 s), with the
# shadowing still found.
python3 - "$tmp/big.json" <<'PY'
import json, sys
voc = {f"c{i}": [f"word{i % 97} term{i}"] for i in range(10000)}
voc["short"] = ["term17"]
json.dump({"claimcheck_rules": 1, "vocabulary": {"category": voc}, "claims": []}, open(sys.argv[1], "w"))
PY
start=$(date +%s)
timeout 60 "$bin" rules lint "$tmp/big.json" >"$tmp/out" 2>&1
secs=$(( $(date +%s) - start ))
if [ "$secs" -gt 10 ]; then echo "FAIL: rules lint of 10,000 phrases took ${secs}s (limit 10)"; fail=1; fi
grep -qF 'phrase "term17" of category "short" is shadowed by "word17 term17"' "$tmp/out" \
  || { echo "FAIL: shadowing in a large vocabulary not reported: $(head -3 "$tmp/out")"; fail=1; }

[ $fail = 0 ] && echo "ok: rules lint"
exit $fail
