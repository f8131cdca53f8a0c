#!/usr/bin/env bash
# Golden tests for what users see: each draft in tests/golden/ is checked
# against the bundled rules and corpus, and the text and JSON reports are
# compared byte for byte with the files beside it.
# Refresh on purpose with:  UPDATE_GOLDEN=1 ctest --test-dir build -R golden
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" index --db "$tmp/db" corpus >/dev/null 2>"$tmp/index.err" || { cat "$tmp/index.err"; exit 1; }
fail=0
for draft in tests/golden/*.md tests/golden/*.html tests/golden/*.txt; do
  [ -e "$draft" ] || continue
  case "$draft" in *.expected.*) continue ;; esac
  for fmt in text json; do
    ext=$([ "$fmt" = text ] && echo txt || echo json)
    expected="${draft}.expected.${ext}"
    status=0
    NO_COLOR=1 "$bin" check --db "$tmp/db" --rules rules/secure-communities.json --figures \
      --format "$fmt" "$draft" >"$tmp/out" 2>"$tmp/err" || status=$?
    if [ "$status" -gt 1 ]; then
      echo "FAIL $draft ($fmt): exit $status"; cat "$tmp/err"; fail=1; continue
    fi
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
      cp "$tmp/out" "$expected"
    elif ! diff -u "$expected" "$tmp/out"; then
      echo "FAIL $draft ($fmt) differs from $expected"; fail=1
    fi
  done
done
exit $fail
