#!/usr/bin/env bash
# The second-domain example end to end: examples/labour (US unemployment,
# rules format version 2, its own small corpus) is indexed and its draft
# checked; the text and JSON reports are compared byte for byte with the
# golden files beside the draft, and the findings the draft was written to
# contain must all be there: every finding kind, a month mix-up, a wrong
# change and a wrong difference among them.
# Refresh on purpose with:  UPDATE_GOLDEN=1 ctest --test-dir build -R labour
set -euo pipefail
bin="$1"; root="$2"
cd "$root/examples/labour"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" rules lint rules.json >"$tmp/lint" 2>&1 || { echo "FAIL: rules lint"; cat "$tmp/lint"; exit 1; }
"$bin" index --db "$tmp/db" corpus >/dev/null 2>"$tmp/index.err" || { cat "$tmp/index.err"; exit 1; }
fail=0
for fmt in text json; do
  ext=$([ "$fmt" = text ] && echo txt || echo json)
  expected="draft.md.expected.${ext}"
  status=0
  NO_COLOR=1 "$bin" check --db "$tmp/db" --rules rules.json --format "$fmt" draft.md >"$tmp/out.$ext" 2>"$tmp/err" ||
    status=$?
  if [ "$status" -gt 1 ]; then
    echo "FAIL draft.md ($fmt): exit $status"; cat "$tmp/err"; fail=1; continue
  fi
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/out.$ext" "$expected"
  elif ! diff -u "$expected" "$tmp/out.$ext"; then
    echo "FAIL draft.md ($fmt) differs from examples/labour/$expected"; fail=1
  fi
done
# What the draft was written to contain, whatever the golden files say.
for want in "period-mismatch@4.0 percent" "definition-mismatch@7.1 percent" "value-mismatch@4.6 percent" \
            "hedge-mismatch@nearly 7 percent" "missing-period@3.8 percent" "value-mismatch@0.5 points" \
            "arithmetic@0.4 points" "unsupported@9.9 percent" \
            "period-mismatch@5.3 percent" "value-mismatch@2.5 points" \
            "population-mismatch@59.7 percent" "program-mismatch@678,000" \
            "incomparable@7.1 percent in January 2022 to 3.8 percent"; do
  python3 - "$tmp/out.json" "$want" <<'PY' || fail=1
import json, sys
report = json.load(open(sys.argv[1]))
kind, text = sys.argv[2].split("@")
found = [f for file in report["files"] for f in file["findings"] if f["kind"] == kind and f["text"] == text]
if not found:
    print(f"FAIL: no {kind} on \"{text}\"")
    sys.exit(1)
PY
done
exit $fail
