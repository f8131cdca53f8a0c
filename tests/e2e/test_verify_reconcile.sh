#!/usr/bin/env bash
# test_verify_reconcile.sh — verify and reconcile over the five seed documents
# with the dev rules: every claim backed in its own source; reconcile groups
# figures by claim (79% from documents 001 and 002 in one agreeing group),
# keeps 28% transfers apart from removals, names groups in words, ranks
# them, and finds no conflict (there is none between these documents: the
# 2007 creation and 2008 launch years are different statistics).
# Args: $1 claimcheck binary, $2 repo root.
set -euo pipefail
BIN=$1
ROOT=$2
SEEDS=$ROOT/../shared/seeds
RULES=$ROOT/../shared/eval/dev/rules.json
if [ ! -d "$SEEDS" ] || [ ! -f "$RULES" ]; then
  echo "skip: $SEEDS or $RULES missing"
  exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"  # no claimcheck.json here

"$BIN" index --db "$TMP/db" "$SEEDS" >/dev/null

# verify: text and JSON, exit 0 when every claim is backed.
set +e
"$BIN" verify --db "$TMP/db" --rules "$RULES" --format json >"$TMP/verify.json"
rc=$?
set -e
python3 - "$TMP/verify.json" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
bad = [(c["id"], c["status"], c["reason"]) for c in v["claims"] if c["status"] != "backed"]
for b in bad: print("not backed:", *b)
assert v["summary"]["claims"] == len(v["claims"]) > 0
assert not bad, bad
for c in v["claims"]:
    assert c["evidence"] and c["evidence"][0]["doc"] == c["source"], c["id"]
    for x in c["not_backing"]:
        assert x["reasons"] and len(x["reasons"]) == len(x["dimensions"]), x
PY
[ "$rc" -eq 0 ] || { echo "verify exited $rc, expected 0"; exit 1; }
"$BIN" verify --db "$TMP/db" --rules "$RULES" >"$TMP/verify.txt"
grep -q "15 claims: 15 backed" "$TMP/verify.txt"

# input errors exit 2
set +e
"$BIN" verify --db "$TMP/nowhere" --rules "$RULES" >/dev/null 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "verify on a missing db exited $rc, expected 2"; exit 1; }

# reconcile JSON
"$BIN" reconcile --db "$TMP/db" --rules "$RULES" --format json >"$TMP/rec.json"
python3 - "$TMP/rec.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["claimcheck_reconcile"] == 2
def groups_of(value, unit="percent"):
    return [g for g in r["groups"] if any(f["value"] == value and f["unit"] == unit for f in g["figures"])]
g79 = groups_of(79)
assert len(g79) == 1 and g79[0]["claim"] == "scomm-removals-non-criminal-or-low-level-2008-2010", g79
assert {f["doc"] for f in g79[0]["figures"]} == {"001_a104c314817fa3dc.txt", "002_471d2d5e501fedfa.txt"}
assert g79[0]["kind"] == "agreeing"
assert g79[0]["title"] == "Secure Communities · removals · low-level or non-criminal · 2008-10-27 to 2010-06-30 · US", g79[0]["title"]
g28 = groups_of(28)
assert g28 and all(g["measure"] == "transfers" for g in g28), g28
# Named in words, never by raw keys; ranked by kind.
order = {"conflict": 0, "unsourced": 1, "agreeing": 2, "unframed": 3}
kinds = [order[g["kind"]] for g in r["groups"]]
assert kinds == sorted(kinds), kinds
for g in r["groups"]:
    assert "|" not in g["title"], g["title"]
# No conflict among these documents (2007 created / 2008 launched are two statistics).
assert r["summary"]["conflicts"] == 0, [c["message"] for g in r["groups"] for c in g["conflicts"]]
years = [f for g in r["groups"] for f in g["figures"] if f["unit"] == "year"]
assert years and all(f.get("not_compared") == "a year" for f in years), years
PY

# text, csv, html render in one piece
"$BIN" reconcile --db "$TMP/db" --rules "$RULES" >"$TMP/rec.txt"
grep -q "^AGREEING  Secure Communities · removals · low-level or non-criminal" "$TMP/rec.txt"
tail -1 "$TMP/rec.txt" | grep -q "0 conflicts in 0 groups"
"$BIN" reconcile --db "$TMP/db" --rules "$RULES" --format csv >"$TMP/rec.csv"
grep -q "^kind,group,claim,program,measure" "$TMP/rec.csv"
"$BIN" reconcile --db "$TMP/db" --rules "$RULES" --format html >"$TMP/rec.html"
grep -qi '<!doctype html>' "$TMP/rec.html"
grep -q 'href="001_a104c314817fa3dc.txt#L13"' "$TMP/rec.html"
! grep -q '<script' "$TMP/rec.html"
! grep -q 'src="http' "$TMP/rec.html"
echo ok
