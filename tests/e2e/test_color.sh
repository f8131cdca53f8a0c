#!/usr/bin/env bash
# test_color.sh — --color=auto|always|never and NO_COLOR for every verb that prints human
# text (check, verify, reconcile, rules lint, and error messages on stderr): always colours
# even into a pipe, never and NO_COLOR never do, auto colours only on a terminal (script(1)).
# Args: $1 claimcheck binary, $2 repo root.
set -euo pipefail
BIN=$1
ROOT=$2
SEEDS=$(realpath "$ROOT/corpus")  # the bundled corpus and rules: runs in every checkout
RULES=$(realpath "$ROOT/rules/secure-communities.json")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"  # no claimcheck.json here
"$BIN" index --db "$TMP/db" "$SEEDS" >/dev/null
printf 'In FY2011, 79%% of the people deported through Secure Communities were non-criminals.\n' >draft.md
printf '{"claimcheck_rules": 1, "claims": [{"id": "x", "value": 5, "unit": "percent", "bogus": 1}]}\n' >bad.json

esc=$'\x1b['
fail=0
has_esc() { grep -qF "$esc" "$1"; }
expect() {  # expect NAME yes|no FILE
  if [ "$2" = yes ] && ! has_esc "$3"; then echo "FAIL: $1: no colour"; fail=1; fi
  if [ "$2" = no ] && has_esc "$3"; then echo "FAIL: $1: coloured"; fail=1; fi
  return 0
}
declare -A cmds=(
  [check]="check draft.md --db $TMP/db --rules $RULES"
  [verify]="verify --db $TMP/db --rules $RULES"
  [reconcile]="reconcile --db $TMP/db --rules $RULES"
  [lint]="rules lint bad.json"
)
for name in "${!cmds[@]}"; do
  # shellcheck disable=SC2086
  "$BIN" --color=always ${cmds[$name]} >"$name.always" 2>&1 || true
  expect "$name --color=always" yes "$name.always"
  # shellcheck disable=SC2086
  "$BIN" ${cmds[$name]} --color=never >"$name.never" 2>&1 || true   # after the verb too
  expect "$name --color=never" no "$name.never"
  # shellcheck disable=SC2086
  "$BIN" ${cmds[$name]} >"$name.pipe" 2>&1 || true
  expect "$name into a pipe" no "$name.pipe"
  # The coloured text is the plain text with escape codes added, nothing else.
  if ! diff <(sed 's/\x1b\[[0-9;]*m//g' "$name.always") "$name.never" >/dev/null; then
    echo "FAIL: $name: --color=always differs from --color=never beyond the escape codes"; fail=1
  fi
done
# Errors on stderr (a missing rules file) follow the same option.
"$BIN" --color=always check --rules missing.json draft.md 2>err.always >/dev/null || true
expect "stderr --color=always" yes err.always
grep -q 'error:' err.always || { echo "FAIL: no error message"; fail=1; }

# auto on a terminal: coloured, unless NO_COLOR is set.
if script -qec true /dev/null >/dev/null 2>&1; then
  script -qec "$BIN verify --db $TMP/db --rules $RULES" /dev/null >tty.auto || true
  expect "verify on a terminal" yes tty.auto
  NO_COLOR=1 script -qec "$BIN verify --db $TMP/db --rules $RULES" /dev/null >tty.nocolor || true
  expect "verify on a terminal with NO_COLOR" no tty.nocolor
  NO_COLOR=1 script -qec "$BIN --color=always verify --db $TMP/db --rules $RULES" /dev/null >tty.forced || true
  expect "--color=always beats NO_COLOR" yes tty.forced
else
  echo "note: script(1) cannot make a terminal here; auto on a terminal not tested"
fi
[ "$fail" = 0 ] && echo "ok: colour follows --color and NO_COLOR for check, verify, reconcile, rules lint"
exit "$fail"
