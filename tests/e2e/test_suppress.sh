#!/usr/bin/env bash
# Answering findings once: inline comments with reasons, a waiver file, a
# baseline; and the one-line, GitHub and rdjson formats. Each step asserts
# what an editor sees and the exit status CI acts on.
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rules=rules/secure-communities.json
fail() { echo "FAIL: $*"; exit 1; }
check() { NO_COLOR=1 "$bin" check --rules "$rules" "$@"; }

# A draft with two wrong figures (a period and a value mismatch).
cat >"$tmp/draft.md" <<'MD'
# Draft

In fiscal year 2011, 79% of the people deported through Secure Communities had no criminal record or were arrested for low-level offenses.

Some 15% of database matches turned out to be U.S. citizens.
MD
status=0; check "$tmp/draft.md" >"$tmp/plain.txt" 2>&1 || status=$?
[ "$status" = 1 ] || fail "plain draft: exit $status, want 1"
grep -q "period-mismatch" "$tmp/plain.txt" || fail "no period-mismatch"
grep -q "value-mismatch" "$tmp/plain.txt" || fail "no value-mismatch"
! grep -q "figure:" "$tmp/plain.txt" || fail "figures listed without --figures"
check --figures "$tmp/draft.md" >"$tmp/figures.txt" 2>/dev/null || true
grep -q "figure: 79% = 79 percent" "$tmp/figures.txt" || fail "--figures lists no figure"

# 1. Inline: next line, with a reason, one kind only.
cat >"$tmp/inline.md" <<'MD'
# Draft

<!-- claimcheck-disable-next-line period-mismatch -- the brief quotes the 2008-2010 study on purpose -->
In fiscal year 2011, 79% of the people deported through Secure Communities had no criminal record or were arrested for low-level offenses.

<!-- claimcheck-disable-next-line unsupported -- wrong kind: does not cover the value mismatch -->
Some 15% of database matches turned out to be U.S. citizens.
MD
status=0; check --format json "$tmp/inline.md" >"$tmp/inline.json" 2>"$tmp/inline.err" || status=$?
[ "$status" = 1 ] || fail "inline: exit $status, want 1 (the value mismatch is not covered)"
python3 - "$tmp/inline.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
fs = r["files"][0]["findings"]
period = [f for f in fs if f["kind"] == "period-mismatch"]
value = [f for f in fs if f["kind"] == "value-mismatch"]
assert period and period[0]["suppressed"] == {"kind": "inline", "reason": "the brief quotes the 2008-2010 study on purpose", "who": ""}, period
assert value and "suppressed" not in value[0], value
assert all(len(f["fingerprint"]) == 16 for f in fs)
assert r["summary"]["suppressed"] == 1 and r["summary"]["errors"] == 1, r["summary"]
PY
# Both covered, one without a reason: exit 0, and a warning naming the line.
sed -e 's/unsupported -- wrong kind: does not cover the value mismatch/value-mismatch/' "$tmp/inline.md" >"$tmp/inline2.md"
status=0; check "$tmp/inline2.md" >"$tmp/inline2.txt" 2>"$tmp/inline2.err" || status=$?
[ "$status" = 0 ] || fail "all suppressed: exit $status, want 0"
grep -q "inline2.md:6:.*suppression without a reason" "$tmp/inline2.err" || fail "no warning for a reasonless suppression: $(cat "$tmp/inline2.err")"
grep -q "2 suppressed" "$tmp/inline2.txt" || fail "summary does not count suppressed findings"
# Blocks: disable ... enable.
printf '%s\n' '<!-- claimcheck-disable -- quoting the 2012 memo -->' "" "$(sed -n 3p "$tmp/draft.md")" "" \
  '<!-- claimcheck-enable -->' "" "$(sed -n 5p "$tmp/draft.md")" >"$tmp/block.md"
status=0; check --format line "$tmp/block.md" >"$tmp/block.txt" 2>/dev/null || status=$?
[ "$status" = 1 ] || fail "block: exit $status, want 1"
grep -q "value-mismatch" "$tmp/block.txt" || fail "block: finding after enable missing"
! grep -q "period-mismatch" "$tmp/block.txt" || fail "block: finding inside the block not suppressed"

# 2. Waivers by fingerprint and by path+kind+text; bad waiver files exit 2.
fp=$(python3 -c "import json,sys; print([f['fingerprint'] for f in json.load(open(sys.argv[1]))['files'][0]['findings'] if f['kind']=='value-mismatch'][0])" "$tmp/inline.json")
cat >"$tmp/waivers.json" <<JSON
{"waivers": [
  {"fingerprint": "$fp", "reason": "the survey we cite says 15%", "who": "desk editor"},
  {"path": "$tmp/draft.md", "kind": "period-mismatch", "text": "79%", "reason": "accepted", "who": "fact desk"}
]}
JSON
status=0; check --waivers "$tmp/waivers.json" --format sarif "$tmp/draft.md" >"$tmp/w.sarif" 2>"$tmp/w.err" || status=$?
[ "$status" = 0 ] || fail "waived: exit $status, want 0: $(cat "$tmp/w.err")"
python3 - "$tmp/w.sarif" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert res and all(r["suppressions"][0]["kind"] == "external" for r in res), res
assert all("claimcheckFinding/v1" in r["partialFingerprints"] for r in res)
PY
# The same fingerprint survives an edit above the finding (lines move).
{ printf 'A new first paragraph.\n\n'; cat "$tmp/draft.md"; } >"$tmp/moved.md"
sed -i "s#$tmp/draft.md#$tmp/moved.md#" "$tmp/waivers.json"
status=0; check --waivers "$tmp/waivers.json" "$tmp/moved.md" >/dev/null 2>&1 || status=$?
[ "$status" = 0 ] || fail "fingerprint did not survive moving lines (exit $status)"
echo '{"waivers": [{"kind": "no-such-kind", "path": "x", "text": "1", "reason": "r"}]}' >"$tmp/bad.json"
status=0; check --waivers "$tmp/bad.json" "$tmp/draft.md" >/dev/null 2>"$tmp/bad.err" || status=$?
[ "$status" = 2 ] || fail "bad waiver file: exit $status, want 2"
grep -q "bad.json:1:.*unknown finding kind" "$tmp/bad.err" || fail "bad waiver message: $(cat "$tmp/bad.err")"
grep -q "needs who accepted it" "$tmp/bad.err" || fail "every problem of the waiver file not reported"
printf '{"waivers": [\n  {"fingerprint": "00", "reason": "r", "who": "w", "expires": "2001-01-01"}\n]}\n' >"$tmp/old.json"
check --waivers "$tmp/old.json" "$tmp/draft.md" >/dev/null 2>"$tmp/old.err" || true
grep -q "old.json:2: warning: waiver expired on 2001-01-01" "$tmp/old.err" || fail "expired waiver not reported: $(cat "$tmp/old.err")"

# 3. Baseline: known findings pass, a new one fails.
check --write-baseline "$tmp/baseline.json" "$tmp/draft.md" >/dev/null 2>&1 || true
status=0; check --baseline "$tmp/baseline.json" "$tmp/draft.md" >"$tmp/b.txt" 2>&1 || status=$?
[ "$status" = 0 ] || fail "baseline: exit $status, want 0"
grep -q "2 in the baseline" "$tmp/b.txt" || fail "baseline not counted in summary"
{ cat "$tmp/draft.md"; printf '\nICE data show that 28%% of the people deported under Secure Communities were non-criminals.\n'; } >"$tmp/new.md"
status=0; check --baseline "$tmp/baseline.json" --format line "$tmp/new.md" >"$tmp/new.txt" 2>/dev/null || status=$?
[ "$status" = 1 ] || fail "new finding over a baseline: exit $status, want 1"
[ "$(wc -l <"$tmp/new.txt")" = 1 ] && grep -q "population-mismatch" "$tmp/new.txt" || fail "only the new finding should print: $(cat "$tmp/new.txt")"
echo '[1, 2]' >"$tmp/notbase.json"
status=0; check --baseline "$tmp/notbase.json" "$tmp/draft.md" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "not a baseline: exit $status, want 2"

# 4. Formats for other tools.
check --format github "$tmp/draft.md" >"$tmp/gh.txt" 2>/dev/null || true
grep -q "^::error file=.*draft.md,line=3,col=22,.*title=claimcheck period-mismatch::79%25 is" "$tmp/gh.txt" || fail "github annotation: $(cat "$tmp/gh.txt")"
check --format rdjson "$tmp/draft.md" >"$tmp/rd.json" 2>/dev/null || true
python3 - "$tmp/rd.json" <<'PY'
import json,sys; d=json.load(open(sys.argv[1]))
assert d['source']['name']=='claimcheck' and {x['code']['value'] for x in d['diagnostics']} >= {'period-mismatch','value-mismatch'}
assert all(x['location']['range']['start']['line'] > 0 for x in d['diagnostics'])
PY
check --format line --min-level error --quiet "$tmp/draft.md" >"$tmp/min.txt" 2>/dev/null || true
grep -q ': error: ' "$tmp/min.txt" || fail "--min-level error printed no error"
! grep -v ': error: ' "$tmp/min.txt" || fail "--min-level error printed lower levels"
echo "ok"
