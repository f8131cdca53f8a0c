#!/usr/bin/env bash
# test_rules_schema.sh — the JSON Schema of the rules format stays true: it
# accepts the bundled rules, the evaluation rules and the good examples, and
# rejects unknown fields. Needs python3 with jsonschema (Debian python3-jsonschema).
# usage: test_rules_schema.sh CLAIMCHECK REPO_ROOT   (exit 77 = skipped)
set -u
root=${2:?repo root}
python3 -c 'import jsonschema' 2>/dev/null || { echo "skip: python3 jsonschema not installed"; exit 77; }
exec python3 - "$root" <<'PY'
import glob, json, os, sys
import jsonschema

root = sys.argv[1]
schema = json.load(open(os.path.join(root, "rules", "claimcheck-rules.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
# Version 2 files against the version 2 schema.
schema2 = json.load(open(os.path.join(root, "rules", "claimcheck-rules-2.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema2)
validator2 = jsonschema.Draft202012Validator(schema2)

files = [os.path.join(root, "rules", "secure-communities.json")]
files += sorted(glob.glob(os.path.join(root, "tests", "fixtures", "rules", "good-*.json")))
files += sorted(glob.glob(os.path.join(root, "examples", "*", "rules.json")))
dev = os.path.join(root, "..", "shared", "eval", "dev", "rules.json")
if os.path.exists(dev):
    files.append(dev)
# The worked example of the docs, if present: every ```json block that is a rules file.
doc = os.path.join(root, "docs", "rules-format.md")
examples = []
if os.path.exists(doc):
    text = open(doc).read()
    for block in text.split("```json")[1:]:
        body = block.split("```")[0]
        data = json.loads(body)
        if isinstance(data, dict) and "claimcheck_rules" in data:
            examples.append(("docs/rules-format.md example", data))

failed = 0
for name, data in [(f, json.load(open(f))) for f in files] + examples:
    v = validator2 if data.get("claimcheck_rules") == 2 else validator
    errors = sorted(v.iter_errors(data), key=lambda e: list(e.path))
    for e in errors:
        print(f"FAIL: {name}: {'/'.join(map(str, e.path))}: {e.message}")
    failed += bool(errors)

bundled = json.load(open(files[0]))
for label, mutate in [
    ("unknown top-level field", lambda d: d.__setitem__("claimz", [])),
    ("version 2", lambda d: d.__setitem__("claimcheck_rules", 2)),
    ("unknown claim field", lambda d: d["claims"][0].__setitem__("sources", {})),
    ("unknown unit", lambda d: d["claims"][0].__setitem__("unit", "percnt")),
    ("unknown dimension", lambda d: d["vocabulary"].__setitem__("topic", {})),
]:
    data = json.loads(json.dumps(bundled))
    mutate(data)
    if validator.is_valid(data):
        print(f"FAIL: schema accepts a file with {label}")
        failed += 1

labour = json.load(open(os.path.join(root, "examples", "labour", "rules.json")))
for label, mutate in [
    ("version 1 in the version 2 schema", lambda d: d.__setitem__("claimcheck_rules", 1)),
    ("a facet named like a dimension", lambda d: d["facets"].__setitem__("measure", {"kind": "definition-mismatch"})),
    ("a facet kind that is not a mismatch", lambda d: d["facets"]["series"].__setitem__("kind", "value-mismatch")),
    ("an unknown change kind", lambda d: next(c for c in d["claims"] if "change" in c)["change"].__setitem__("kind", "sideways")),
    ("a unit word that is not a word", lambda d: d["claims"][0].update({"unit": "other", "unit_text": "t0nnes!"})),
    ("an unknown field in a vocabulary entry", lambda d: d["vocabulary"]["place"]["california"].__setitem__("parent", "us")),
]:
    data = json.loads(json.dumps(labour))
    mutate(data)
    if validator2.is_valid(data):
        print(f"FAIL: version 2 schema accepts a file with {label}")
        failed += 1

print(f"checked {len(files) + len(examples)} files against the schema")
sys.exit(1 if failed else 0)
PY
