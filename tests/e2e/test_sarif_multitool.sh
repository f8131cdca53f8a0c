#!/usr/bin/env bash
# The SARIF of the bundled sample passes Microsoft's sarif-multitool with the GitHub
# Advanced Security rule set and the SARIF rules (`validate --rule-kind "Ghas;Sarif"`):
# no error and no warning, which is what GitHub code scanning checks on upload and more.
# Its notes are printed, not failed: they ask for what the design rules out (rule ids
# such as "CC1001" instead of the stable kind names, message ids instead of the flat
# text GitHub requires) or for what this machine cannot give (a reachable $schema URL
# offline, version-control provenance outside a repository). One copy of the
# sample carries an inline suppression so the suppressions element is validated too.
# Installs @microsoft/sarif-multitool from npm into the build folder when missing;
# skips (77) only when npm cannot install it.
#   bash tests/e2e/test_sarif_multitool.sh build/claimcheck .
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
bin_dir=$(cd "$(dirname "$bin")" && pwd)
bin="$bin_dir/$(basename "$bin")"  # the check below runs from another folder
node_dir="${CLAIMCHECK_NODE_DIR:-$bin_dir/e2e-node}"  # build dirs are gitignored
mkdir -p "$node_dir"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP: node and npm are not installed (apt-get install nodejs npm)"
  exit 77
fi
if [ ! -f "$node_dir/node_modules/@microsoft/sarif-multitool/package.json" ]; then
  echo "installing @microsoft/sarif-multitool from npm into $node_dir ..."
  [ -f "$node_dir/package.json" ] || echo '{"private": true}' >"$node_dir/package.json"
  if ! npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error \
      @microsoft/sarif-multitool@5 >/dev/null 2>"$node_dir/npm-sarif.err"; then
    echo "SKIP: npm cannot install @microsoft/sarif-multitool:"; tail -3 "$node_dir/npm-sarif.err"
    exit 77
  fi
fi
# The native tool itself: its bin.js wrapper runs it through a shell, which
# would split "Ghas;Sarif" at the semicolon.
multitool=$(cd "$node_dir" && node -e "console.log(require('@microsoft/sarif-multitool'))")
if [ ! -x "$multitool" ]; then
  echo "SKIP: @microsoft/sarif-multitool has no binary for this platform ($multitool)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" index --db "$tmp/db" corpus >/dev/null 2>"$tmp/index.err" || { echo "FAIL: index"; cat "$tmp/index.err"; exit 1; }
mkdir -p "$tmp/drafts"
cp examples/sample-draft.md "$tmp/drafts/sample-draft.md"
# The same draft with its FY2011 79% answered in the draft.
sed 's/^In fiscal year 2011, 79%/<!-- claimcheck-disable-next-line period-mismatch -- quoted on purpose -->\n&/' \
  examples/sample-draft.md >"$tmp/drafts/answered.md"
grep -q "claimcheck-disable-next-line" "$tmp/drafts/answered.md" || { echo "FAIL: sample changed; fix the sed"; exit 1; }
(cd "$tmp" && "$bin" check --db db --rules "$OLDPWD/rules/secure-communities.json" --format sarif \
  --fail-on never drafts/sample-draft.md drafts/answered.md) >"$tmp/sample.sarif" 2>"$tmp/check.err" ||
  { echo "FAIL: check"; cat "$tmp/check.err"; exit 1; }

status=0
# The target first: --log takes a list and would swallow a path after it.
"$multitool" validate "$tmp/sample.sarif" --rule-kind "Ghas;Sarif" --level "Error;Warning;Note" \
  -o "$tmp/validation.sarif" --log ForceOverwrite >"$tmp/validate.out" 2>&1 || status=$?
python3 - "$tmp/sample.sarif" "$tmp/validation.sarif" "$status" "$tmp/validate.out" <<'PY'
import json, sys
sample, validation, status, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
log = json.load(open(sample, encoding="utf-8"))
results = log["runs"][0]["results"]
# The check must have produced something worth validating.
assert len(results) >= 5, "only %d results" % len(results)
assert any(r.get("suppressions") for r in results), "no suppressed result in the sample"
assert all(r.get("partialFingerprints") for r in results)
problems, notes = [], {}
try:
    v = json.load(open(validation, encoding="utf-8"))
    for run in v.get("runs", []):
        for r in run.get("results", []):
            level = r.get("level", "warning")  # SARIF's default level
            if level == "note":
                notes[r.get("ruleId")] = notes.get(r.get("ruleId"), 0) + 1
                continue
            m = r.get("message", {})
            problems.append("%s %s: %s %s" % (level, r.get("ruleId"), m.get("text", m.get("id", "")),
                                              m.get("arguments", "")))
except (FileNotFoundError, ValueError):
    problems.append("no validation log written")
if status != 0 or problems:
    print("FAIL: sarif-multitool validate --rule-kind Ghas;Sarif exited %d" % status)
    for p in problems[:20]:
        print("  " + p)
    print(open(out, encoding="utf-8", errors="replace").read()[-2000:])
    sys.exit(1)
print("ok: sarif-multitool (Ghas;Sarif rules) finds no error or warning in %d results; notes: %s"
      % (len(results), ", ".join("%s x%d" % kv for kv in sorted(notes.items())) or "none"))
PY
