#!/usr/bin/env bash
# test_index_faults.sh — the index survives faults:
#   1. `claimcheck index` killed with SIGKILL mid-run over ~3000 files, then
#      re-run: every document is in the index exactly once.
#   1b. a damaged copy of that index (docdata.glass deleted or cut short,
#      postlist.glass deleted): check, verify and search exit 2 naming it.
#   2. a full disk (a 2 MB tmpfs; needs root, else that part is skipped):
#      a clear error, exit 2, and the previous index still answers `search`.
#   3. a report written to a full disk (another tmpfs): `check --output`
#      exits 2 and leaves the previous report as it was, no temporary file;
#      `check > file` exits 2 instead of leaving a short file and exit 0.
# Usage: test_index_faults.sh CLAIMCHECK_BINARY REPO_ROOT   (exit 77 = skip)
set -euo pipefail
# grep reading all its input: with pipefail, grep -q exiting early can SIGPIPE the writer.
grep_q() { grep "$@" >/dev/null; }
bin="$(realpath "$1")"
asan=0
if [ -n "${ASAN_OPTIONS:-}" ] || ldd "$bin" 2>/dev/null | grep 'libasan\|libclang_rt.asan' >/dev/null; then asan=1; fi
root="$(realpath "$2")"
tmp="$(mktemp -d)"
mnt=""
mnt2=""
cleanup() {
  if [ -n "$mnt" ]; then umount "$mnt" 2>/dev/null || true; fi
  if [ -n "$mnt2" ]; then umount "$mnt2" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
faults=0

# A corpus of N small files, each with one unique count: file i says
# "1000000+i". Pads each file so the run lasts long enough to be interrupted.
make_corpus() {  # DIR N FIRST
  python3 - "$1" "$2" "${3:-0}" <<'PY'
import os, sys
d, n, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(d, exist_ok=True)
pad = "This paragraph has no figures in it at all, only words about the program. " * 20
for i in range(first, first + n):
    with open(os.path.join(d, f"doc{i:05d}.txt"), "w") as f:
        f.write(f"Report {i}\n\n{pad}\n\nThe office counted {1000000 + i:,} removals.\n\n{pad}\n")
PY
}

# Checks that documents FIRST..FIRST+N-1 are each in DB exactly once.
check_exactly_once() {  # DB N FIRST
  "$bin" search --db "$1" --unit count --value 1000000..1999999 --limit 1000000 --format json \
    >"$tmp/hits.json" || fail "search failed on $1"
  python3 - "$tmp/hits.json" "$2" "${3:-0}" <<'PY'
import collections, json, sys
hits = json.load(open(sys.argv[1]))
n, first = int(sys.argv[2]), int(sys.argv[3])
seen = collections.Counter()
for h in hits:
    for f in h["figures"]:
        if f["unit"] == "count" and 1000000 <= f["value"] < 2000000:
            seen[int(f["value"]) - 1000000] += 1
want = set(range(first, first + n))
missing = sorted(want - set(seen))
dups = sorted(k for k, c in seen.items() if c > 1)
extra = sorted(set(seen) - want)
print(f"index holds {len(seen)} of {n} documents; missing {len(missing)}, duplicated {len(dups)}, unexpected {len(extra)}")
assert not missing, f"missing: {missing[:20]}"
assert not dups, f"duplicated: {dups[:20]}"
assert not extra, f"unexpected: {extra[:20]}"
PY
}

# --- 1. SIGKILL mid-run ---------------------------------------------------------
n=3000
make_corpus "$tmp/corpus" $n
for attempt in 1 2 3; do
  rm -rf "$tmp/db"
  "$bin" index --db "$tmp/db" "$tmp/corpus" >"$tmp/index.out" 2>&1 &
  pid=$!
  # Wait until the first batch is committed (the database exists), then kill.
  for _ in $(seq 1 400); do
    [ -e "$tmp/db/iamglass" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.01
  done
  sleep 0.$((attempt * 2))
  if kill -KILL $pid 2>/dev/null; then
    wait $pid 2>/dev/null || true
    killed=1
  else
    wait $pid || true
    killed=0
  fi
  [ "$killed" = 1 ] && break
done
[ "$killed" = 1 ] || fail "index finished before it could be killed (machine too fast for $n files?)"
partial=$("$bin" search --db "$tmp/db" --unit count --value 1000000..1999999 --limit 1000000 --format json 2>/dev/null \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' 2>/dev/null || echo "unreadable")
echo "killed index (SIGKILL) mid-run; the interrupted index holds $partial of $n documents"

out=$("$bin" index --db "$tmp/db" "$tmp/corpus" 2>&1) || fail "re-run after SIGKILL exited $?: $out"
echo "re-run: $out"
check_exactly_once "$tmp/db" $n
faults=$((faults + 1))

# Re-running again changes nothing.
out=$("$bin" index --db "$tmp/db" "$tmp/corpus" 2>&1) || fail "third run exited $?"
echo "$out" | grep_q "^indexed 0 files ($n unchanged" || fail "third run re-indexed: $out"

# A kill while re-indexing changed files: half the files change value.
python3 - "$tmp/corpus" <<'PY'
import os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d))[::2]:
    p = os.path.join(d, name)
    s = open(p).read()
    open(p, "w").write(s.replace("removals.", "removals in all."))
PY
"$bin" index --db "$tmp/db" "$tmp/corpus" >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -KILL $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
"$bin" index --db "$tmp/db" "$tmp/corpus" >/dev/null 2>&1 || fail "re-run after second SIGKILL failed"
check_exactly_once "$tmp/db" $n
faults=$((faults + 1))

# --- 1b. a damaged index ----------------------------------------------------------
# A copy of the index with a table deleted or cut short: `check`, `verify`
# and `search` say the index is damaged (exit 2) instead of answering with
# sentences that have no text (every figure would turn "unsupported").
echo "The office counted 1,000,007 removals." >"$tmp/draft-db.txt"
"$bin" check --db "$tmp/db" --format json "$tmp/draft-db.txt" | grep_q '"verdict": "supported"' \
  || fail "the undamaged index does not back its own figure"
for damage in rm-docdata truncate-docdata rm-postlist; do
  rm -rf "$tmp/db-damaged"
  cp -r "$tmp/db" "$tmp/db-damaged"
  case "$damage" in
    rm-docdata) rm "$tmp/db-damaged/docdata.glass" ;;
    truncate-docdata) truncate -s $(( $(stat -c %s "$tmp/db-damaged/docdata.glass") / 2 )) "$tmp/db-damaged/docdata.glass" ;;
    rm-postlist) rm "$tmp/db-damaged/postlist.glass" ;;
  esac
  for verb in check verify search; do
    case "$verb" in
      check) args=(check --db "$tmp/db-damaged" "$tmp/draft-db.txt") ;;
      verify) args=(verify --db "$tmp/db-damaged" --rules "$root/rules/secure-communities.json") ;;
      search) args=(search --db "$tmp/db-damaged" removals) ;;
    esac
    set +e
    # ASan reserves terabytes of shadow memory: no ulimit -v under it.
    (if [ "$asan" = 0 ]; then ulimit -v 2097152; fi; exec timeout 60 "$bin" "${args[@]}") >"$tmp/dmg.out" 2>"$tmp/dmg.err"
    status=$?
    set -e
    [ "$status" = 2 ] || fail "$damage/$verb: exit $status, expected 2; stderr: $(head -3 "$tmp/dmg.err")"
    [ ! -s "$tmp/dmg.out" ] || fail "$damage/$verb: wrote to stdout: $(head -c 300 "$tmp/dmg.out")"
    grep_q "db-damaged" "$tmp/dmg.err" || fail "$damage/$verb: message does not name the index: $(cat "$tmp/dmg.err")"
  done
  echo "damaged index ($damage): check, verify and search exit 2: $(head -1 "$tmp/dmg.err" | cut -c1-160)"
done
faults=$((faults + 1))

# --- 2. full disk ---------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
  echo "full-disk case skipped: mounting a tmpfs needs root"
  echo "faults survived: $faults"
  exit 0
fi
mkdir -p "$tmp/small"
if ! mount -t tmpfs -o size=2m tmpfs "$tmp/small" 2>/dev/null; then
  echo "full-disk case skipped: cannot mount a tmpfs here"
  echo "faults survived: $faults"
  exit 0
fi
mnt="$tmp/small"
make_corpus "$tmp/first" 20 0
out=$("$bin" index --db "$mnt/db" "$tmp/first" 2>&1) || fail "small index on the tmpfs failed: $out"
check_exactly_once "$mnt/db" 20 0
make_corpus "$tmp/big" 3000 5000
set +e
"$bin" index --db "$mnt/db" "$tmp/first" "$tmp/big" >"$tmp/full.out" 2>"$tmp/full.err"
status=$?
set -e
echo "index on a full disk: exit $status; stderr: $(head -3 "$tmp/full.err")"
[ "$status" = 2 ] || fail "expected exit 2 on a full disk, got $status"
grep -qiE "space|full|disk|write" "$tmp/full.err" || fail "no clear message about the full disk: $(cat "$tmp/full.err")"
# The previous index still answers, with the first corpus complete (batches
# of the big corpus that made it before the disk filled may be there too).
"$bin" search --db "$mnt/db" --unit count --value 1000000..1000019 --limit 1000 --format json >"$tmp/hits.json" \
  || fail "search on the previous index failed after the full disk"
python3 - "$tmp/hits.json" <<'PY'
import json, sys
vals = sorted(int(f["value"]) - 1000000 for h in json.load(open(sys.argv[1])) for f in h["figures"] if f["unit"] == "count")
assert vals == list(range(20)), vals
print("previous index still answers: 20 of 20 documents, once each")
PY
faults=$((faults + 1))

# --- 3. a report to a full disk -------------------------------------------------
mkdir -p "$tmp/reports"
mount -t tmpfs -o size=256k tmpfs "$tmp/reports" || fail "cannot mount the second tmpfs"
mnt2="$tmp/reports"
draft="$root/examples/sample-draft.md"
rules="$root/rules/secure-communities.json"
"$bin" index --db "$tmp/sc-db" "$root/corpus" >/dev/null 2>&1 || fail "could not index the bundled corpus"
check=("$bin" check --db "$tmp/sc-db" --rules "$rules" --fail-on never)
"${check[@]}" --format json --output "$mnt2/report.json" "$draft" || fail "writing the first report failed"
cp "$mnt2/report.json" "$tmp/report.before"
# Fill the disk but for 4 KB: the next report (about 20 KB) cannot fit.
head -c $(( $(df --output=avail -B1 "$mnt2" | tail -1) - 4096 )) /dev/zero >"$mnt2/filler" 2>/dev/null || true
set +e
"${check[@]}" --format json --output "$mnt2/report.json" "$draft" 2>"$tmp/out.err"
status=$?
set -e
echo "check --output on a full disk: exit $status; stderr: $(head -1 "$tmp/out.err")"
[ "$status" = 2 ] || fail "expected exit 2, got $status"
grep_q "report.json: error: cannot write the report: No space left on device" "$tmp/out.err" || fail "message: $(cat "$tmp/out.err")"
cmp -s "$mnt2/report.json" "$tmp/report.before" || fail "the previous report was changed"
[ -z "$(find "$mnt2" -name '.report.json.*')" ] || fail "temporary file left behind"
set +e
"${check[@]}" --format sarif "$draft" >"$mnt2/report.sarif" 2>"$tmp/out.err"
status=$?
set -e
echo "check > report.sarif on a full disk: exit $status; stderr: $(head -1 "$tmp/out.err")"
[ "$status" = 2 ] || fail "expected exit 2 for a short report on stdout, got $status"
faults=$((faults + 1))
echo "faults survived: $faults"
