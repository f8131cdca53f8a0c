#!/usr/bin/env bash
# The figures benchmark (bench/figures) with claimcheck alone: no node, no
# network. Fails when claimcheck's value F1 on the annotated news sentences
# drops under the floor, so a regression in reading figures shows. The floor is
# the value measured when it was set minus 0.02; raise it as extraction improves.
set -euo pipefail
bin="$1"; root="$2"
floor=0.968  # value F1 0.988 with the extractor of main 46de78b (2026-12-03), minus 0.02
score="$root/bench/figures/score.py"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }

out=$(python3 "$score" "$bin" --peer none --floor "$floor") || { echo "$out"; exit 1; }
echo "$out"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sentences.jsonl is what build_sentences.py makes of sentences.txt (an edit
# of the source without a rebuild would score stale annotations).
for set in sentences heldout; do
  python3 "$root/bench/figures/build_sentences.py" "$root/bench/figures/$set.txt" "$tmp/$set.jsonl" 2>/dev/null
  cmp -s "$tmp/$set.jsonl" "$root/bench/figures/$set.jsonl" ||
    { echo "bench/figures/$set.jsonl is stale: run python3 build_sentences.py $set.txt $set.jsonl in bench/figures"; exit 1; }
done

# The floor check itself: an extractor that finds nothing must fail it.
cat >"$tmp/nothing" <<'SH'
#!/bin/sh
echo '{"claimcheck_report": 1, "files": [{"path": "x", "mentions": [], "findings": []}]}'
SH
chmod +x "$tmp/nothing"
if python3 "$score" "$tmp/nothing" --peer none --floor 0.5 >"$tmp/out" 2>&1; then
  echo "score.py passed an extractor that finds nothing:"; cat "$tmp/out"; exit 1
fi
grep -q 'below the floor' "$tmp/out" || { echo "no floor message:"; cat "$tmp/out"; exit 1; }

# And an extractor that reports exactly the annotated figures scores 1.00
# everywhere: mentions map back to their sentences and values and units match.
cat >"$tmp/perfect" <<'PY'
#!/usr/bin/env python3
import json, os
mentions = []
with open(os.environ["FIGURES"], encoding="utf-8") as f:
    for i, line in enumerate(l for l in f if l.strip()):
        for fig in json.loads(line)["figures"]:
            m = {"line": 2 * i + 1, "column": fig["start"] + 1, "text": fig["text"], "value": fig["value"],
                 "unit": fig["unit"]}
            # only the fields the text calls for, in the report's shapes (docs/figures.md)
            for k in ("high", "unit_text", "per"):
                if fig[k] is not None:
                    m[k] = fig[k]
            if fig["change"] != "none":
                m["change"] = {"kind": fig["change"], "direction": fig["direction"]}
            elif fig["direction"] != "none":
                m["trend"] = {"from": 0, "direction": fig["direction"]}
            mentions.append(m)
print(json.dumps({"claimcheck_report": 1, "files": [{"path": "x", "mentions": mentions, "findings": []}]}))
PY
chmod +x "$tmp/perfect"
FIGURES="$root/bench/figures/sentences.jsonl" python3 "$score" "$tmp/perfect" --peer none --floor 0.999 >"$tmp/out" 2>&1 ||
  { echo "the annotated figures themselves fail:"; cat "$tmp/out"; exit 1; }
grep -Eq '^all +[0-9]+ +[0-9]+ +1\.00 +1\.00 +1\.00 +1\.00 +1\.00 +1\.00 +0$' "$tmp/out" ||
  { echo "the annotated figures themselves do not score 1.00:"; cat "$tmp/out"; exit 1; }
