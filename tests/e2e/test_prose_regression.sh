#!/usr/bin/env bash
# Real-looking prose: the error-level findings on tests/prose/drafts must be
# exactly tests/prose/expected.json (no false error, no planted error missed).
#   bash tests/e2e/test_prose_regression.sh build/claimcheck .
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; root="$2"
cd "$root"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" index --db "$tmp/db" corpus >/dev/null
for d in tests/prose/drafts/*; do
  "$bin" check --db "$tmp/db" --rules rules/secure-communities.json --format json \
    --fail-on never "$d" >"$tmp/$(basename "$d").json"
done
python3 - "$tmp" tests/prose/expected.json <<'PY'
import json, os, sys
tmp, expected_path = sys.argv[1], sys.argv[2]
want = {(e["draft"], e["line"], e["kind"]) for e in json.load(open(expected_path))["errors"]}
got = set()
for name in os.listdir(tmp):
    if not name.endswith(".json"):
        continue
    for f in json.load(open(os.path.join(tmp, name)))["files"]:
        for x in f["findings"]:
            if x["severity"] == "error":
                got.add((os.path.basename(f["path"]), x["line"], x["kind"]))
for e in sorted(got - want):
    print("false error:", *e)
for e in sorted(want - got):
    print("missed:", *e)
print(f"prose regression: {len(got & want)} of {len(want)} planted errors, {len(got - want)} false")
sys.exit(0 if got == want else 1)
PY
