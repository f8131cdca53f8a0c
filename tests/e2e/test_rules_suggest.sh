#!/usr/bin/env bash
# test_rules_suggest.sh — a new team's first hour, measured: index a small
# corpus on another subject (child poverty, examples/child-poverty), draft
# rules with `rules suggest`, lint them (clean), `verify` them (most claims
# backed), then `check` a draft with known errors and assert what is found.
# usage: test_rules_suggest.sh CLAIMCHECK REPO_ROOT   (exit 77 = skipped)
set -u
bin=${1:?claimcheck binary}
root=${2:?repo root}
example="$root/examples/child-poverty"
[ -x "$bin" ] || { echo "skip: no binary $bin"; exit 77; }
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
cd "$tmp" || exit 1

"$bin" index --db db "$example/corpus" >index.out 2>&1 || { cat index.out; die "index"; }

# Drafted from the index, and from the documents themselves: the same draft.
"$bin" rules suggest --db db -o rules.json 2>suggest.err || { cat suggest.err; die "rules suggest"; }
"$bin" rules suggest "$example/corpus" >rules-from-paths.json 2>/dev/null || die "rules suggest PATH"
cmp -s rules.json rules-from-paths.json || die "suggest from the index and from the paths differ"
grep -q "a draft: edit it" suggest.err || die "suggest says it wrote a draft: $(cat suggest.err)"
cat suggest.err
grep -q "\"description\": \"DRAFT: " rules.json || die "the file says it is a draft"

"$bin" rules lint rules.json >lint.out 2>&1 || { cat lint.out; die "lint exit"; }
grep -q "1 rules file: 0 errors, 0 warnings" lint.out || { cat lint.out; die "draft lints clean"; }

# Claims, conflicts and backing, measured.
python3 - rules.json >claims.out <<'PY' || die "draft claims"
import json, sys
r = json.load(open(sys.argv[1]))
v = r["vocabulary"]
# Version 2: the categories come as facets.
assert r["claimcheck_rules"] == 2, r["claimcheck_rules"]
facets = r["facets"]
# Measures from the counted nouns ("poverty" always before "rate" joins it),
# categories from the words that qualify them.
assert v["measure"]["poverty-rate"] == ["poverty rate"], v
facet_of = {i: f for f in facets for i in v[f]}
assert {"official", "supplemental", "child"} <= set(facet_of), facet_of
# "official" and "supplemental" never qualify one figure together: one
# facet, read "or"; "child" qualifies figures with either: a facet of its
# own, read "and" ("child and supplemental").
assert facet_of["official"] == facet_of["supplemental"] != facet_of["child"], facet_of
assert all(f["kind"] == "definition-mismatch" and f["description"].startswith("EDIT") for f in facets.values())
claims = r["claims"]
def frame_categories(f):
    out = set()
    for k in facets:
        if k in f:
            out |= {f[k]} if isinstance(f[k], str) else set(f[k])
    return out
def need(value, unit, measure, cats, year):
    found = [c for c in claims if c["value"] == value and c["unit"] == unit]
    assert found, f"no claim for {value} {unit}"
    c = found[-1]
    f = c["frame"]
    assert f["measure"] == measure, (value, f)
    assert "category" not in f, (value, f)
    assert frame_categories(f) == set(cats), (value, f)
    assert f["period"] == {"from": f"{year}-01-01", "to": f"{year}-12-31"}, (value, f)
    assert c["source"]["doc"].endswith(".md") and c["definition"], c
need(12.4, "percent", "poverty-rate", ["child", "supplemental"], 2022)
need(5.2, "percent", "poverty-rate", ["child", "supplemental"], 2021)
need(15.0, "percent", "poverty-rate", ["child", "official"], 2022)
need(37.9e6, "count", "people", ["official"], 2022)
# "lifted 2.1 million children out of poverty" is a change, not a level: no claim.
assert not [c for c in claims if c["value"] == 2.1e6], "a change is no level claim"
assert not [c for c in claims if c["value"] == 18], "an age bound is no figure"
# The newsletter rounds 12.4 to 12: one frame, two values, both listed.
conflicts = sorted(c["value"] for c in claims if c["definition"].startswith("CONFLICT"))
assert conflicts == [12.0, 12.4], conflicts
print(len(claims))
PY
"$bin" verify --db db --rules rules.json --format json >verify.json 2>verify.err
python3 - verify.json <<'PY' || die "verify backs most claims"
import json, sys
v = json.load(open(sys.argv[1]))
claims = v["claims"]
backed = [c for c in claims if c["status"] == "backed"]
print(f"verify: {len(backed)}/{len(claims)} claims backed")
assert len(claims) >= 8 and len(backed) * 10 >= len(claims) * 9, [(c["id"], c["status"]) for c in claims]
PY

# --merge adds without duplicating: into itself nothing new; into a file
# holding one of its claims (under another id), everything but that one.
"$bin" rules suggest --db db --merge rules.json -o merged.json 2>merge.err || { cat merge.err; die "merge"; }
python3 - rules.json merged.json <<'PY' || die "merge into itself"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["claims"] == b["claims"] and a["vocabulary"] == b["vocabulary"], "merge duplicated something"
one = dict(a, claims=[dict(a["claims"][0], id="ours")])
json.dump(one, open("ours.json", "w"))
PY
"$bin" rules suggest --db db --merge ours.json -o ours-merged.json 2>/dev/null || die "merge into a file"
python3 - rules.json ours-merged.json <<'PY' || die "merge keeps the file's claim once"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ids = [c["id"] for c in b["claims"]]
assert ids[0] == "ours" and a["claims"][0]["id"] not in ids and len(ids) == len(a["claims"]), ids
PY
"$bin" rules lint ours-merged.json | grep -q "0 errors, 0 warnings" || die "merged file lints clean"

# lint against the corpus: every drafted phrase occurs; a misspelt one is named.
"$bin" rules lint --db db rules.json >lint-db.out 2>&1 || die "lint --db"
grep -q "0 errors, 0 warnings" lint-db.out || { cat lint-db.out; die "drafted phrases all occur"; }
sed 's/"poverty rate"/"povrety rate"/' rules.json >typo.json
"$bin" rules lint --db db typo.json >lint-typo.out 2>&1
grep -q 'vocabulary.measure.poverty-rate\[0\]: phrase "povrety rate" never occurs' lint-typo.out ||
  { cat lint-typo.out; die "lint names a phrase the corpus never holds"; }

# The draft with known errors: each one found, the right figures left alone.
"$bin" check --db db --rules rules.json --format json "$example/draft-with-errors.md" >check.json 2>check.err
status=$?
[ "$status" = 1 ] || { cat check.err; die "check exits 1 on errors, got $status"; }
python3 - check.json <<'PY' || die "check findings"
import json, sys
r = json.load(open(sys.argv[1]))
f = r["files"][0]
found = {(x["line"], x["text"], x["kind"]) for x in f["findings"] if x["severity"] == "error"}
want = {
    (4, "5.2 percent", "period-mismatch"),       # 2021's supplemental child rate, dated 2022
    (6, "12.4 percent", "definition-mismatch"),  # the supplemental rate, called official
    (9, "16.0 percent", "value-mismatch"),       # the official child rate is 15.0
}
assert found == want, f"missing {want - found}; false alarms {found - want}"
verdicts = {m["text"]: m["verdict"] for m in f["mentions"]}
# Right figures are never errors (the reader cannot tie "that year" or a
# sentence without "supplemental" to the claim, so they stay unverified).
assert verdicts["37.9 million"] in ("supported", "unverified"), verdicts
assert verdicts["2.1 million"] not in ("discrepancy",), verdicts
PY
exit $fail
