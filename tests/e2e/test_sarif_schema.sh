#!/usr/bin/env bash
# check --format sarif on a fixture draft validates against the SARIF 2.1.0 JSON schema
# (tests/fixtures/sarif-schema-2.1.0.json, kept in the repository so the test runs offline).
#   bash tests/e2e/test_sarif_schema.sh build/claimcheck .
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "SKIP: python3 jsonschema is not installed (apt-get install python3-jsonschema)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The bundled rules, else the evaluation rules beside the repository, else none.
rules=()
if [ -f rules/secure-communities.json ]; then
  rules=(--rules rules/secure-communities.json)
elif [ -f ../shared/eval/dev/rules.json ]; then
  rules=(--rules ../shared/eval/dev/rules.json)
fi
# An index makes findings carry evidence (SARIF relatedLocations); without one
# the output must be valid all the same.
db=()
corpus=corpus
[ -n "$(ls -A corpus 2>/dev/null)" ] || corpus=../shared/seeds
if [ -d "$corpus" ] && "$bin" index --db "$tmp/db" "$corpus" >/dev/null 2>"$tmp/index.err"; then
  db=(--db "$tmp/db")
else
  echo "note: no index (index failed or no corpus); validating without evidence"
fi

status=0
"$bin" check "${db[@]}" "${rules[@]}" --format sarif --fail-on never \
  tests/fixtures/drafts/report-formats.md >"$tmp/out.sarif" 2>"$tmp/err" || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: check exited $status"; cat "$tmp/err"; exit 1
fi

python3 - "$tmp/out.sarif" tests/fixtures/sarif-schema-2.1.0.json <<'PY'
import json, sys
import jsonschema

log = json.load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[2], encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema)
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
for e in errors[:20]:
    print("schema error at /%s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
if errors:
    sys.exit(1)

# Beyond the schema: what code scanning and editors rely on.
run = log["runs"][0]
assert log["version"] == "2.1.0"
assert run["columnKind"] == "unicodeCodePoints"
rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
for kind in ["value-mismatch", "period-mismatch", "definition-mismatch", "population-mismatch",
             "program-mismatch", "incomparable", "arithmetic", "hedge-mismatch", "unsupported",
             "missing-period"]:
    assert kind in rule_ids, "missing rule " + kind
for r in run["results"]:
    assert r["ruleId"] in rule_ids, r["ruleId"]
    assert r["level"] in ("error", "warning", "note")
    assert r["message"]["text"]
    region = r["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("report-formats.md")
related = sum(len(r.get("relatedLocations", [])) for r in run["results"])
print("ok: valid SARIF 2.1.0, %d results, %d related locations" % (len(run["results"]), related))
PY
