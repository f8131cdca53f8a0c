# bench/figures/bench.sh — the figures benchmark's part of bench/run, sourced
# by it (uses its $here, $bin, $build, $commit, log, die and build_targets):
# running bench/figures/score.py, its section of results.md, and
# `bench/run --figures`, which rewrites only that section.

# bench_figures: the quality tables of the figures benchmark (bench/figures),
# claimcheck and Recognizers-Text on the same annotated sentences, as Markdown.
# Recognizers-Text is installed into bench/figures/node_modules (git ignores
# it) from the committed package-lock.json.
bench_figures() {
  local dir="$here/figures"
  if command -v node >/dev/null && [ ! -d "$dir/node_modules/@microsoft/recognizers-text-suite" ]; then
    log "installing Recognizers-Text into bench/figures/node_modules"
    npm ci --silent --no-audit --no-fund --prefix "$dir" >/dev/null || log "npm ci failed: Recognizers-Text left out"
  fi
  log "figures benchmark (bench/figures/score.py)"
  python3 "$dir/score.py" "$bin" --markdown
}

# figures_section FILE: the results.md section for the tables in FILE.
figures_section() {
  echo "## Figures in news sentences (quality)"
  echo
  echo "\`bench/figures/score.py\` (bench/figures/README.md): news-style sentences written for claimcheck in seven domains,"
  echo "each figure annotated with its value (low and high end for a range), unit class and unit text, and the non-figures"
  echo "marked (names with numbers, scores and votes, dates, date spans, times, years, phone and house numbers)."
  echo "claimcheck is \`check --extract-only --format json\`; its peer is Microsoft Recognizers-Text 1.3.1 (English number,"
  echo "percentage, currency, dimension, temperature, age and date-time models, run with node, mapped to the same figure model:"
  echo "bench/figures/peer_rt.js), scored by the same code. P, R: figures found (a reported span overlapping the annotated one);"
  echo "value F1: value and range end right (relative tolerance 1e-6; vague plurals such as \"dozens of\" count for P and R only);"
  echo "value+unit F1: the unit class and unit text right too; unit acc.: right unit among the figures found; change acc.:"
  echo "change kind and direction right among the found figures that state a change; false alarms: figures reported on a"
  echo "marked non-figure. Target (issue 15): value F1 >= 0.92, ahead of Recognizers-Text, unit acc. >= 0.97."
  echo "Each cell gives claimcheck / Recognizers-Text. By form: figures found, value right (of those not vague), unit right"
  echo "(of those found); for a form of non-figure, the figures reported on it."
  echo "Commit $commit; $(date -u '+%Y-%m-%d %H:%M') UTC."
  echo
  cat "$1"
}

# run_figures_only: `bench/run --figures`, the figures section of results.md
# rewritten in place (added after Extraction if it is not there yet).
run_figures_only() {
  build_targets
  [ -x "$bin" ] || die "no claimcheck binary in $build"
  commit=$(git -C "$root" rev-parse --short HEAD)
  if [ -n "$(git -C "$root" --no-optional-locks status --porcelain --untracked-files=no)" ]; then
    commit="$commit (with uncommitted changes)"
  fi
  local out="$here/results.md"
  tables=$(mktemp) section=$(mktemp)  # global: the EXIT trap runs after this function returns
  trap 'rm -f "$tables" "$section"' EXIT
  bench_figures >"$tables"
  figures_section "$tables" >"$section"
  [ -f "$out" ] || : >"$out"
  python3 - "$out" "$section" <<'PY'
import re, sys
out, section = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().rstrip("\n") + "\n"
text = open(out, encoding="utf-8").read()
head = "## Figures in news sentences (quality)"
if head in text:
    a = text.index(head)
    m = re.search(r"^## ", text[a + len(head):], re.M)
    b = a + len(head) + m.start() if m else len(text)
    text = text[:a] + section + ("\n" if m else "") + text[b:]
else:
    m = re.search(r"^## Check latency", text, re.M)
    at = m.start() if m else len(text)
    text = text[:at] + section + "\n" + text[at:]
open(out, "w", encoding="utf-8").write(text)
PY
  log "wrote the figures section of bench/results.md"
}
