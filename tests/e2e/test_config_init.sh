#!/usr/bin/env bash
# test_config_init.sh — configuration found like other linters find theirs,
# no silent passes, `claimcheck config` and `claimcheck init`.
# usage: test_config_init.sh CLAIMCHECK REPO_ROOT   (exit 77 = skipped)
set -u
bin=${1:?claimcheck binary}
root=${2:?repo root}
[ -x "$bin" ] || { echo "skip: no binary $bin"; exit 77; }
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset CLAIMCHECK_CONFIG
fail=0
bad() { echo "FAIL: $*"; fail=1; }
run() {  # run ARGS...: sets status, out, err
  "$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  status=$?
  out=$(cat "$tmp/stdout")
  err=$(cat "$tmp/stderr")
}
expect() {  # expect DESCRIPTION STATUS [TEXT_IN_STDOUT_OR_STDERR]
  if [ "$status" != "$2" ]; then
    bad "$1: exit $status, want $2"; echo "$out"; echo "$err"; return
  fi
  if [ $# -ge 3 ] && ! grep -qF -- "$3" "$tmp/stdout" "$tmp/stderr"; then
    bad "$1: output lacks: $3"; echo "$out"; echo "$err"; return
  fi
  echo "ok   $1"
}

# A project: config at proj/, rules and corpus beside it, a repository root
# (.git) at proj/, and a decoy claimcheck.json above the repository.
proj=$tmp/top/proj
mkdir -p "$proj/.git" "$proj/rules" "$proj/corpus" "$proj/sub/deeper" "$tmp/alt/r"
echo '{ "corpus": "not an array" }' >"$tmp/top/claimcheck.json"  # never read: above .git
cp "$root/tests/fixtures/rules/good-minimal.json" "$proj/rules/r.json"
printf 'Secure Communities deported 47,000 people between October 2008 and June 2010, ICE data show.\n' \
  >"$proj/corpus/001_a104c314817fa3dc.txt"
printf '{\n  "db": "idx",\n  "corpus": ["corpus"],\n  "rules": ["rules/r.json"]\n}\n' >"$proj/claimcheck.json"
printf 'Between October 2008 and June 2010, Secure Communities deported 52,000 people.\n' >"$tmp/wrong.md"
printf 'The report has 12 pages.\n' >"$tmp/plain.md"

# --- search from a subfolder; relative paths against the config's folder ----
cd "$proj/sub/deeper"
run config --format json
expect "config found from a subfolder" 0 "\"config\": \"$proj/claimcheck.json\""
python3 - "$tmp/stdout" "$proj" <<'PY' || bad "config json paths"
import json, sys
c = json.load(open(sys.argv[1])); p = sys.argv[2]
assert c["db"]["path"] == p + "/idx", c
assert [x["path"] for x in c["corpus"]] == [p + "/corpus"], c
assert [x["path"] for x in c["rules"]] == [p + "/rules/r.json"] and c["rules"][0]["exists"], c
PY
run config
expect "config text names the file" 0 "config:  $proj/claimcheck.json"
expect "config text names the rules" 0 "rules:   $proj/rules/r.json"
run index
expect "index from a subfolder uses the configured corpus" 0
[ -d "$proj/idx" ] || bad "index not built at proj/idx (relative to the config)"
[ ! -e "$proj/sub/deeper/idx" ] || bad "index built relative to the working directory"
run check "$tmp/wrong.md"
expect "check from a subfolder finds the error" 1 "value-mismatch"

# --- the search stops at the repository root ----------------------------
mkdir -p "$tmp/top/other/.git" "$tmp/top/other/sub"
cd "$tmp/top/other/sub"
run config
expect "search stops at .git" 0 "config:  none (no claimcheck.json in $tmp/top/other/sub or above it up to $tmp/top/other)"

# --- --config and CLAIMCHECK_CONFIG win over the search ------------------
cp "$root/tests/fixtures/rules/good-minimal.json" "$tmp/alt/r/alt.json"
printf '{ "rules": ["r/alt.json"], "db": "altdb" }\n' >"$tmp/alt/alt.json"
cd "$proj/sub"
run --config "$tmp/alt/alt.json" config
expect "--config wins" 0 "rules:   $tmp/alt/r/alt.json"
run config --config "$tmp/alt/alt.json"
expect "--config after the verb" 0 "config:  $tmp/alt/alt.json (--config)"
CLAIMCHECK_CONFIG=$tmp/alt/alt.json run config
expect "CLAIMCHECK_CONFIG wins" 0 "config:  $tmp/alt/alt.json (CLAIMCHECK_CONFIG)"
CLAIMCHECK_CONFIG=$tmp/alt/alt.json run --config "$proj/claimcheck.json" config
expect "--config beats CLAIMCHECK_CONFIG" 0 "config:  $proj/claimcheck.json (--config)"
run --config "$tmp/nope.json" config
expect "missing --config is an error" 2 "$tmp/nope.json: error: configuration file (--config) does not exist"
CLAIMCHECK_CONFIG=$tmp/nope.json run check "$tmp/plain.md"
expect "missing CLAIMCHECK_CONFIG is an error" 2 "(CLAIMCHECK_CONFIG) does not exist"

# --- a malformed config: file, line and column ----------------------------
printf '{\n  "db": "x",\n  "rules": ["a.json" "b.json"]\n}\n' >"$tmp/alt/broken.json"
run --config "$tmp/alt/broken.json" check "$tmp/plain.md"
expect "malformed config names file:line:column" 2 "$tmp/alt/broken.json:3:22: error: invalid JSON in configuration"
printf '{\n  "db": "x",\n  "rulez": []\n}\n' >"$tmp/alt/typo.json"
run --config "$tmp/alt/typo.json" config
expect "unknown field names file:line:column" 2 "$tmp/alt/typo.json:3:3: error: unknown field \"rulez\""

# --- no silent passes -------------------------------------------------------
mkdir -p "$tmp/empty/.git"
cd "$tmp/empty"
run check "$tmp/plain.md"
expect "check with nothing configured exits 2" 2 "no rules and no index"
grep -qF "run 'claimcheck init' or pass --rules FILE --db DIR" "$tmp/stderr" || bad "no fix named: $err"
[ -z "$out" ] || bad "check with nothing configured wrote to stdout"
[ "$(wc -l <"$tmp/stderr")" = 1 ] || bad "more than one message: $err"
run check --extract-only --format json "$tmp/plain.md"
expect "--extract-only runs without rules or index" 0 '"verdict": "unchecked"'
run check --extract-only --rules "$proj/rules/r.json" "$tmp/plain.md"
expect "--extract-only with --rules is a usage error" 2 "excludes"
run verify
expect "verify without rules exits 2" 2 "no rules"
run reconcile
expect "reconcile without rules exits 2" 2 "no rules"
run serve --port 0
expect "serve with nothing configured exits 2 instead of serving" 2 "no rules and no index"
run check --rules "$proj/rules/r.json" "$tmp/wrong.md"
expect "rules alone are enough to check" 1 "value-mismatch"

# --- init -------------------------------------------------------------------
run init "$tmp/new"
expect "init creates a project" 0 "Next steps:"
for f in claimcheck.json rules/rules.json rules/README.md; do
  [ -f "$tmp/new/$f" ] || bad "init did not create $f"
done
[ -d "$tmp/new/corpus" ] || bad "init did not create corpus/"
[ -z "$(ls -A "$tmp/new/corpus")" ] || bad "corpus/ is not empty"
run rules lint "$tmp/new/rules/rules.json"
expect "starter rules lint clean" 0 "1 rules file: 0 errors, 0 warnings"
cp "$tmp/new/rules/rules.json" "$tmp/rules-before.json"
echo '{}' >"$tmp/new/rules/rules.json.keep"
run init "$tmp/new"
expect "init refuses to overwrite" 2 "$tmp/new/claimcheck.json: error: already exists"
cmp -s "$tmp/new/rules/rules.json" "$tmp/rules-before.json" || bad "init changed an existing file"
mkdir -p "$tmp/half/rules" && echo keep >"$tmp/half/rules/README.md"
run init "$tmp/half"
expect "init refuses when any one file exists" 2 "$tmp/half/rules/README.md: error: already exists"
[ ! -e "$tmp/half/claimcheck.json" ] || bad "init created files after refusing"
[ "$(cat "$tmp/half/rules/README.md")" = keep ] || bad "init overwrote rules/README.md"

# check in an init'ed folder runs: the index is built from corpus/.
mkdir -p "$tmp/new/.git"
cp "$proj/corpus/001_a104c314817fa3dc.txt" "$tmp/new/corpus/"
cd "$tmp/new"
run index
expect "index in an init'ed folder" 0
run check "$tmp/plain.md"
expect "check in an init'ed folder runs" 0
mkdir -p "$tmp/new/drafts" && cd "$tmp/new/drafts"
run check --format json "$tmp/wrong.md"
expect "check from a subfolder of an init'ed folder runs" 0 '"claimcheck_report": 1'
cd "$tmp" && mkdir -p "$tmp/here/.git" && cd "$tmp/here"
run init
expect "init without DIR uses the working directory" 0 "Created claimcheck.json"
[ -f "$tmp/here/claimcheck.json" ] || bad "init (no DIR) did not create claimcheck.json"

exit $fail
