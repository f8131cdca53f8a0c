#!/usr/bin/env bash
# test_index_search.sh — index the seed corpus, search it by words, unit and
# value range, and check that re-runs are incremental.
# Usage: test_index_search.sh CLAIMCHECK_BINARY REPO_ROOT   (exit 77 = skip)
set -euo pipefail
# grep reading all its input: with pipefail, grep -q exiting early can SIGPIPE the writer.
grep_q() { grep "$@" >/dev/null; }
bin="$1"
root="$2"
seeds="$root/../shared/seeds"
[ -d "$seeds" ] || { echo "no seed corpus at $seeds; skipping"; exit 77; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$seeds" "$tmp/corpus"
chmod -R u+w "$tmp/corpus"

# First run: everything indexed, summary on stdout.
out="$("$bin" index --db "$tmp/db" "$tmp/corpus" 2>&1)" || fail "index exited $?: $out"
echo "$out"
n=$(ls "$tmp/corpus" | wc -l)
echo "$out" | grep_q "^indexed $n files (0 unchanged, 0 removed, 0 skipped), [1-9][0-9]* sentences with figures" \
  || fail "unexpected summary: $out"

# The 79% sentence of 001_... for deportations, percent, 78..80.
hits="$("$bin" search --db "$tmp/db" deported --unit percent --value 78..80)"
echo "$hits"
echo "$hits" | grep_q '^001_a104c314817fa3dc.txt:[0-9]*: .*79%.*deported' || fail "79% sentence not found"
echo "$hits" | grep_q -v '55%' || fail "55% should be outside 78..80"

# JSON output is an array of evidence with figures.
json="$("$bin" search --db "$tmp/db" deported --unit percent --value 78..80 --format json)"
python3 - "$json" <<'PY' || fail "bad JSON output"
import json, sys
hits = json.loads(sys.argv[1])
assert hits and all(any(f["unit"] == "percent" and 78 <= f["value"] <= 80 for f in h["figures"]) for h in hits), hits
assert any(h["doc"] == "001_a104c314817fa3dc.txt" for h in hits)
PY

# Bad arguments are usage errors.
set +e
"$bin" search --db "$tmp/db" x --value 80..78 >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad --value should exit 2, got $rc"
grep -q "bad --value" "$tmp/err" || fail "no message for bad --value"
set +e
"$bin" search --db "$tmp/db" x --unit furlongs >/dev/null 2>"$tmp/err"; rc=$?
"$bin" search --db "$tmp/nodb" x >/dev/null 2>>"$tmp/err"; rc2=$?
"$bin" index --db "$tmp/db" "$tmp/does-not-exist" >/dev/null 2>>"$tmp/err"; rc3=$?
set -e
[ "$rc" -eq 2 ] && [ "$rc2" -eq 2 ] && [ "$rc3" -eq 2 ] || fail "expected exit 2 (got $rc, $rc2, $rc3)"
grep -q "unknown unit 'furlongs'" "$tmp/err" || fail "no message for bad unit"
grep -q "cannot open index $tmp/nodb" "$tmp/err" || fail "no message for missing db"
grep -q "does-not-exist: error: no such file or directory" "$tmp/err" || fail "missing PATH not named"

# Second run: nothing changed.
out="$("$bin" index --db "$tmp/db" "$tmp/corpus" 2>&1)"
echo "$out"
echo "$out" | grep_q "^indexed 0 files ($n unchanged, 0 removed, 0 skipped)" || fail "re-run not incremental: $out"

# One file changed, one unreadable added: 1 indexed, 1 skipped with a warning.
echo "In 2012, 42% of them were never convicted." >> "$tmp/corpus/000_c5c39e7b995965e9.txt"
printf 'bad \xff byte\n' > "$tmp/corpus/broken.txt"
out="$("$bin" index --db "$tmp/db" "$tmp/corpus" 2>&1)"
echo "$out"
echo "$out" | grep_q "^indexed 1 files ($((n - 1)) unchanged, 0 removed, 1 skipped)" || fail "changed file not re-indexed: $out"
echo "$out" | grep_q "broken.txt:1:5: warning: skipped: invalid UTF-8 at line 1, column 5" || fail "no warning for broken file"
"$bin" search --db "$tmp/db" convicted --value 42 | grep_q "42%" || fail "changed content not searchable"

# A deleted file is removed from the index.
rm "$tmp/corpus/000_c5c39e7b995965e9.txt" "$tmp/corpus/broken.txt"
out="$("$bin" index --db "$tmp/db" "$tmp/corpus" 2>&1)"
echo "$out"
echo "$out" | grep_q "^indexed 0 files ($((n - 1)) unchanged, 1 removed, 0 skipped)" || fail "deleted file not removed: $out"
if "$bin" search --db "$tmp/db" convicted --value 42 | grep_q "42%"; then fail "deleted file still found"; fi
echo "ok"
