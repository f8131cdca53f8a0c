#!/usr/bin/env bash
# test_bad_input.sh — hostile and broken inputs, one case each. Every case
# must end with one clear message on stderr naming the file and exit 2 (or,
# for `index`, exit 0 with the file reported as skipped and why), nothing on
# stdout, no crash (status >= 128), no hang (timeout $hang s: a hang runs forever, and the slowest cases take
# ~30 s on a loaded two-core machine) and bounded
# memory (ulimit -v 2 GB, except under AddressSanitizer, whose shadow memory
# needs far more address space than it uses).
# Usage: test_bad_input.sh CLAIMCHECK_BINARY REPO_ROOT
set -uo pipefail
bin="$(realpath "$1")"
root="$(realpath "$2")"
hang=120

tmp="$(mktemp -d)"
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp"  # no claimcheck.json here: only what each case passes counts
# (reading cases without rules pass --extract-only: check with nothing to
# check against is an error, see test_config_init.sh)

limit_mem=1
# ASan reserves terabytes of shadow memory, so ulimit -v cannot apply there.
# (grep without -q: with pipefail, -q's early exit would SIGPIPE ldd.)
if [ -n "${ASAN_OPTIONS:-}" ] || ldd "$bin" 2>/dev/null | grep 'libasan\|libclang_rt.asan' >/dev/null; then
  limit_mem=0
fi

tried=0
failed=0
skipped=0
fail() {
  echo "FAIL [$case]: $*" >&2
  failed=$((failed + 1))
}

# run CMD... : runs the binary under the time and memory bounds (mem_kb,
# default 2 GB of address space); sets status, out, err, secs.
run() {
  local start end
  start=$(date +%s.%N)
  (
    if [ "$limit_mem" = 1 ]; then ulimit -v "${mem_kb:-2097152}"; fi
    exec timeout $hang "$bin" "$@"
  ) >"$tmp/stdout" 2>"$tmp/stderr"
  status=$?
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc)
  out="$(cat "$tmp/stdout")"
  err="$(cat "$tmp/stderr")"
}

# expect_error CASE PATTERN CMD... : exit 2, nothing on stdout, stderr
# matching PATTERN (grep -E).
expect_error() {
  case="$1"
  local pattern="$2"
  shift 2
  tried=$((tried + 1))
  run "$@"
  local before=$failed
  if [ "$status" = 124 ]; then fail "hung (killed after $hang s)"
  elif [ "$status" -ge 128 ]; then fail "crashed with status $status: $err"
  elif [ "$status" != 2 ]; then fail "exit $status, expected 2; stderr: $err"
  fi
  [ -z "$out" ] || fail "wrote to stdout: $(echo "$out" | head -c 300)"
  grep -qE -- "$pattern" <<<"$err" || fail "stderr does not match /$pattern/: $err"
  [ "$failed" = "$before" ] && printf 'ok   %-28s exit %s in %.2fs: %s\n' "$case" "$status" "$secs" "$(echo "$err" | head -1 | cut -c1-150)"
}

# expect_skipped CASE FILE PATTERN : `index` over FILE exits 0 and reports
# the file as skipped with a reason matching PATTERN.
expect_skipped() {
  case="index:$1"
  local file="$2" pattern="$3"
  tried=$((tried + 1))
  rm -rf "$tmp/db-skip"
  run index --db "$tmp/db-skip" "$file"
  local before=$failed
  if [ "$status" = 124 ]; then fail "hung (killed after $hang s)"
  elif [ "$status" -ge 128 ]; then fail "crashed with status $status: $err"
  elif [ "$status" != 0 ]; then fail "exit $status, expected 0; stderr: $err"
  fi
  echo "$err" | grep -F -- "$file" | grep -E -- "skipped: .*$pattern" >/dev/null \
    || fail "stderr does not report $file as skipped (/$pattern/): $err"
  grep -q "1 skipped" <<<"$out" || fail "summary does not count it as skipped: $out"
  [ "$failed" = "$before" ] && printf 'ok   %-28s exit %s in %.2fs: %s\n' "$case" "$status" "$secs" "$(echo "$err" | head -1 | cut -c1-150)"
}

mkdir -p "$tmp/in"
good="$tmp/in/good.txt"
echo "In FY2011, 55% of people deported had no conviction or a minor one." >"$good"
rules_ok="$root/tests/fixtures/rules"

# --- drafts -----------------------------------------------------------------

# Empty draft: not an error; a report with no mentions.
case=empty-draft
tried=$((tried + 1))
: >"$tmp/in/empty.txt"
run check --extract-only --format json "$tmp/in/empty.txt"
if [ "$status" != 0 ]; then fail "exit $status, expected 0: $err"
elif ! python3 -c 'import json,sys; r=json.load(sys.stdin); f=r["files"]; assert len(f)==1 and f[0]["mentions"]==[], r' <<<"$out"; then
  fail "report is not one file with 0 mentions: $out"
else printf 'ok   %-28s exit 0, report with 0 mentions\n' "$case"; fi

printf 'In 2011 \x00\x01\x02\xff\xfe binary \x00\x00 data\n' >"$tmp/in/binary.txt"
head -c 4096 /dev/urandom >>"$tmp/in/binary.txt"
expect_error binary-draft "in/binary.txt.*binary" check "$tmp/in/binary.txt"

printf 'line one is fine\nline two too\nbad: caf\xc3\x28 here\n' >"$tmp/in/badutf8.txt"
expect_error invalid-utf8 "in/badutf8.txt:3:9: .*UTF-8" check "$tmp/in/badutf8.txt"

# 200 MB on one line (the limit is ReadLimits::max_file_bytes = 64 MB).
yes 'The share was 79 percent and ' | tr -d '\n' | head -c $((200 << 20)) >"$tmp/in/huge.txt"
expect_error huge-single-line "in/huge.txt.*file too large" check "$tmp/in/huge.txt"

mkdir -p "$tmp/in/adir.txt"
expect_error draft-is-directory "in/adir.txt.*directory" check "$tmp/in/adir.txt"

expect_error draft-missing "in/missing.txt.*no such file" check "$tmp/in/missing.txt"

if [ "$(id -u)" = 0 ]; then
  echo "skip draft-unreadable          running as root: chmod 000 does not stop root from reading"
  skipped=$((skipped + 1))
else
  cp "$good" "$tmp/in/locked.txt"
  chmod 000 "$tmp/in/locked.txt"
  expect_error draft-unreadable "in/locked.txt.*permission denied" check "$tmp/in/locked.txt"
fi

printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage %s\n' "$(head -c 300 /dev/urandom | base64 -w0)" \
  >"$tmp/in/broken.pdf"
expect_error broken-pdf "in/broken.pdf.*(PDF|pdf)" check "$tmp/in/broken.pdf"

printf 'PDF? no: plain words\n' >"$tmp/in/noheader.pdf"
expect_error pdf-without-header "in/noheader.pdf.*PDF" check "$tmp/in/noheader.pdf"

echo "this is not a zip archive" >"$tmp/in/notzip.docx"
expect_error docx-not-zip "in/notzip.docx.*not a zip" check "$tmp/in/notzip.docx"

# A zip that starts like one and is cut short.
python3 - "$tmp/in/truncated.docx" <<'PY'
import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", "<w:document>" + "<w:p><w:r><w:t>79 percent</w:t></w:r></w:p>" * 2000 + "</w:document>")
open(sys.argv[1], "wb").write(b.getvalue()[: len(b.getvalue()) // 2])
PY
expect_error docx-truncated "in/truncated.docx.*DOCX" check "$tmp/in/truncated.docx"

# Zip bomb: 1 GB of zeros in word/document.xml, about 1 MB packed.
python3 - "$tmp/in/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        chunk = b"\0" * (1 << 24)
        for _ in range(64):
            f.write(chunk)
PY
expect_error docx-zip-bomb "in/bomb.docx.*unpacks to" check "$tmp/in/bomb.docx"

# The same bomb with its sizes hidden behind a data descriptor is still
# stopped at the cap while unpacking: patch the local header size fields
# and the central directory's sizes to claim a small entry.
python3 - "$tmp/in/bomb.docx" "$tmp/in/bomb-lying.docx" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
# central directory header(s): signature PK\1\2; zip64 extra holds real sizes
i = data.find(b"PK\x01\x02")
# uncompressed size (offset 24) to 1000 and drop the zip64 extra by keeping
# it (libzip prefers zip64 values when 0xffffffff); set 32-bit fields small.
struct.pack_into("<I", data, i + 24, 1000)
open(sys.argv[2], "wb").write(data)
PY
expect_error docx-zip-bomb-lying "in/bomb-lying.docx.*(unpacks|DOCX)" check "$tmp/in/bomb-lying.docx"

# Deep nesting in each markup format: the readers must not recurse into a
# stack overflow.
python3 - "$tmp/in" <<'PY'
import sys, zipfile
d = sys.argv[1]
n = 100000
open(f"{d}/deep.html", "w").write("<html><body>" + "<div>" * n + "79 percent" + "</div>" * n + "</body></html>")
open(f"{d}/deep.md", "w").write(">" * n + " 79 percent\n\n" + "- " * 20000 + "x\n\n" + "*" * n + "a" + "*" * n + "\n")
with zipfile.ZipFile(f"{d}/deep.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml",
               '<w:document xmlns:w="w"><w:body><w:p>' + "<w:r>" * n + "<w:t>79 percent</w:t>" + "</w:r>" * n
               + "</w:p></w:body></w:document>")
PY
for f in deep.html deep.md deep.docx; do
  case="deep-nesting-$f"
  tried=$((tried + 1))
  run check --extract-only "$tmp/in/$f"
  if [ "$status" = 124 ]; then fail "hung"
  elif [ "$status" -ge 128 ]; then fail "crashed with status $status: $(echo "$err" | tail -3)"
  elif [ "$status" = 2 ]; then
    [ -z "$out" ] || fail "exit 2 but wrote to stdout"
    grep -q "in/$f" <<<"$err" || fail "message does not name the file: $err"
  elif [ "$status" != 0 ] && [ "$status" != 1 ]; then fail "exit $status"
  fi
  printf '     %-28s exit %s in %.2fs\n' "$case" "$status" "$secs"
done

# A 0.6 MB PDF whose content stream inflates to 600 MB: poppler has no cap,
# so every stream is inflated once first and the total capped (256 MB).
python3 "$root/tests/e2e/make_pdf_bomb.py" "$tmp/in/bomb.pdf" 600
expect_error pdf-inflate-bomb "in/bomb.pdf.*unpack to more than" check "$tmp/in/bomb.pdf"
python3 "$root/tests/e2e/make_pdf_bomb.py" "$tmp/in/small-stream.pdf" 1
case=pdf-small-stream-read
tried=$((tried + 1))
run check --extract-only --format json "$tmp/in/small-stream.pdf"
if [ "$status" != 0 ] || ! grep -q '"text": "79 percent"' <<<"$out"; then fail "exit $status, a good PDF not read: $err"
else printf 'ok   %-28s exit 0, its figure read\n' "$case"; fi

# One tag with 300,000 attributes: gumbo's duplicate check is quadratic in
# them, so such a tag is refused before parsing.
python3 -c 'print("<p " + " ".join(f"a{i}=\"1\"" for i in range(300000)) + ">79 percent</p>")' >"$tmp/in/attrs.html"
expect_error html-300000-attributes "in/attrs.html.*more than 1000 attributes" check "$tmp/in/attrs.html"

# --- rules ------------------------------------------------------------------

python3 -c 'print("[" * 100000 + "]" * 100000)' >"$tmp/deep.json"
expect_error rules-deeply-nested "deep.json:1:[0-9]+: .*nesting too deep" check --rules "$tmp/deep.json" "$good"

python3 -c 'print("{" + "\"a\":{" * 100000 + "}" * 100001)' >"$tmp/deep-objects.json"
expect_error rules-deep-objects "deep-objects.json:1:[0-9]+: .*nesting too deep" check --rules "$tmp/deep-objects.json" "$good"

# 100,000 claims: loads (or is refused cleanly) well within the timeout.
python3 - "$tmp/many.json" <<'PY'
import json, sys
claims = [{"id": f"claim-{i}", "value": i % 100 + 0.5 * (i % 2), "unit": "percent",
           "frame": {"measure": "removals", "period": str(2000 + i % 20)},
           "source": {"doc": f"doc-{i}.txt"}} for i in range(100000)]
json.dump({"claimcheck_rules": 1, "title": "many",
           "vocabulary": {"measure": {"removals": ["deported", "removals"]}},
           "claims": claims}, open(sys.argv[1], "w"), separators=(",", ":"))
PY
case=rules-100000-claims
tried=$((tried + 1))
run check --format json --rules "$tmp/many.json" "$good"
if [ "$status" = 124 ]; then fail "hung (over $hang s)"
elif [ "$status" -ge 128 ]; then fail "crashed with status $status"
elif [ "$status" = 2 ]; then
  grep -q "many.json" <<<"$err" || fail "refused without naming the file: $err"
  [ -z "$out" ] || fail "exit 2 but wrote to stdout"
elif [ "$status" = 0 ] || [ "$status" = 1 ]; then
  python3 -c 'import json,sys; json.load(sys.stdin)' <<<"$out" || fail "report is not JSON"
else fail "exit $status: $err"; fi
printf 'ok   %-28s exit %s in %.2fs (%s MB rules file)\n' "$case" "$status" "$secs" "$(($(stat -c %s "$tmp/many.json") >> 20))"

cat >"$tmp/badre.json" <<'EOF'
{
  "claimcheck_rules": 1,
  "vocabulary": {
    "category": { "low-level": ["low-level offenses", "/(/"] }
  },
  "claims": []
}
EOF
expect_error rules-bad-re2-pattern "badre.json:4:[0-9]+: .*(pattern|RE2|regular)" check --rules "$tmp/badre.json" "$good"

for pat in '\\b' 'x?' '^'; do
  printf '{"claimcheck_rules": 1,\n "vocabulary": {"category": {"c": ["/%s/"]}}, "claims": []}\n' "$pat" >"$tmp/empty-match.json"
  expect_error "rules-empty-match-/$pat/" "empty-match.json:2:[0-9]+: .*matches the empty string" check --rules "$tmp/empty-match.json" "$good"
done

printf '{"claimcheck_rules": 1, "claims": [\xff\xfe]}' >"$tmp/badutf8-rules.json"
expect_error rules-invalid-utf8 "badutf8-rules.json:1:[0-9]+" check --rules "$tmp/badutf8-rules.json" "$good"

head -c $((20 << 20)) /dev/zero | tr '\0' ' ' >"$tmp/big-rules.json"
expect_error rules-too-large "big-rules.json.*(too large|larger than)" check --rules "$tmp/big-rules.json" "$good"

expect_error rules-missing "nope.json" check --rules "$tmp/nope.json" "$good"

# --- index database ------------------------------------------------------------

mkdir -p "$tmp/corpus"
cp "$good" "$tmp/corpus/a.txt"
"$bin" index --db "$tmp/db-corrupt" "$tmp/corpus" >/dev/null 2>&1 || fail "could not build an index to corrupt"
for f in "$tmp/db-corrupt"/*; do
  [ -f "$f" ] && head -c "$(stat -c %s "$f")" /dev/urandom >"$f"
done
expect_error corrupt-xapian-db "db-corrupt" check --db "$tmp/db-corrupt" "$good"
expect_error corrupt-xapian-db-search "db-corrupt" search --db "$tmp/db-corrupt" deported

echo "not a database" >"$tmp/db-file"
expect_error db-is-a-file "db-file" check --db "$tmp/db-file" "$good"

# --- command line ------------------------------------------------------------

expect_error unknown-flag "bogus" check --bogus "$good"
# CLI11 takes an unknown verb for a stray argument: "A subcommand is required".
expect_error unknown-verb "subcommand|frobnicate" frobnicate "$good"
expect_error bad-format-value "format" check --format yaml "$good"

# --- special files, encodings, standard input, terminal safety ----------------

mkfifo "$tmp/in/fifo.txt"
expect_error fifo-draft "in/fifo.txt.*FIFO" check "$tmp/in/fifo.txt"
expect_error device-draft "/dev/zero.*device" check /dev/zero
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/in/sock.txt"
expect_error socket-draft "in/sock.txt.*socket" check "$tmp/in/sock.txt"

text="In FY2011, 55% of people deported had no conviction or a minor one."
python3 - "$tmp/in" "$text" <<'PY'
import sys
d, text = sys.argv[1], sys.argv[2] + "\n"
for name, enc, bom in [("u16le-bom", "utf-16-le", b"\xff\xfe"), ("u16be-bom", "utf-16-be", b"\xfe\xff"),
                       ("u16le", "utf-16-le", b""), ("u16be", "utf-16-be", b""),
                       ("u32le-bom", "utf-32-le", b"\xff\xfe\0\0"), ("u32be", "utf-32-be", b"")]:
    for ext in ("txt", "html"):
        open(f"{d}/{name}.{ext}", "wb").write(bom + text.encode(enc))
PY
for f in u16le-bom u16be-bom u16le u16be u32le-bom u32be; do
  want=UTF-16; [ "${f#u32}" != "$f" ] && want=UTF-32
  expect_error "wide-$f.txt" "in/$f.txt.*$want.*convert to UTF-8" check "$tmp/in/$f.txt"
done
expect_error wide-u16le-bom.html "in/u16le-bom.html.*UTF-16.*convert to UTF-8" check "$tmp/in/u16le-bom.html"

# check - reads the draft from standard input.
case=stdin-draft
tried=$((tried + 1))
status=0
out="$(printf '%s\n' "$text" | timeout $hang "$bin" check --extract-only --format json - 2>"$tmp/stderr")" || status=$?
if [ "$status" != 0 ] && [ "$status" != 1 ]; then fail "exit $status: $(cat "$tmp/stderr")"
elif ! python3 -c 'import json,sys; r=json.load(sys.stdin); f=r["files"][0]; assert f["path"]=="<stdin>" and [m["text"] for m in f["mentions"]]==["55%"], r' <<<"$out"; then
  fail "report of standard input is not <stdin> with 55%: $out"
else printf 'ok   %-28s exit %s, <stdin> with its figure\n' "$case" "$status"; fi

# Escape sequences in a draft never reach the terminal raw.
case=escape-sequences
tried=$((tried + 1))
printf 'In FY2011, 55%% of people \x1b]0;owned\x07deported\x1b[2J had no conviction \xc2\x9b1m or a minor one, 12%%.\n' >"$tmp/in/esc.txt"
run check --fail-on never --rules "$root/rules/secure-communities.json" "$tmp/in/esc.txt"
if [ "$status" != 0 ]; then fail "exit $status: $err"
elif LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$tmp/stdout"; then fail "control characters written raw: $(cat -v "$tmp/stdout" | head -3)"
elif ! grep -q '␛\]0;owned␇deported' "$tmp/stdout"; then fail "escapes not shown as pictures: $out"
else printf 'ok   %-28s exit 0, escapes shown as %s\n' "$case" "$(grep -o '␛\]0;owned␇' "$tmp/stdout" | head -1)"; fi

# Figures in other scripts and around invisible characters are read and
# checked: each draft states 79% where the reference figure is 55%, so each
# must be a discrepancy quoting the figure exactly as written.
for pair in full-width:'７９％' arabic-indic:'٧٩٪' devanagari:'७९%' zero-width-space:$'7\xe2\x80\x8b9%' \
  word-joiner:$'7\xe2\x81\xa09%' no-break-space:$'79\xc2\xa0%' narrow-no-break:$'79\xe2\x80\xaf%' \
  full-width-percent-word:'７９ percent' combining-acute:$'7\xcc\x819%'; do
  case="script-digits:${pair%%:*}"
  fig="${pair#*:}"
  tried=$((tried + 1))
  printf 'In FY2011, %s of people deported had no conviction or a minor one.\n' "$fig" >"$tmp/in/script.txt"
  run check --format json --rules "$root/rules/secure-communities.json" "$tmp/in/script.txt"
  if [ "$status" != 1 ]; then fail "exit $status (want 1, a discrepancy): $err"
  elif ! python3 -c '
import json, sys
m = json.loads(sys.argv[1])["files"][0]["mentions"]
assert [(x["text"], x["value"], x["unit"], x["verdict"]) for x in m] == [(sys.argv[2], 79, "percent", "discrepancy")], m
' "$out" "$fig" 2>"$tmp/py.err"; then fail "figure not read as 79% and checked: $(tail -1 "$tmp/py.err")"
  else printf 'ok   %-28s exit 1, %s read as 79%% and checked\n' "$case" "$fig"; fi
done

# Thousands grouped with an apostrophe (Swiss), a right single quote or a
# full-width comma are one figure, not two.
for pair in apostrophe:"47'000" right-quote:$'47\xe2\x80\x99000' full-width-comma:$'47\xef\xbc\x8c000'; do
  case="thousands:${pair%%:*}"
  fig="${pair#*:}"
  tried=$((tried + 1))
  printf 'In 2019, %s people were deported.\n' "$fig" >"$tmp/in/thousands.txt"
  run check --extract-only --format json "$tmp/in/thousands.txt"
  if [ "$status" != 0 ]; then fail "exit $status: $err"
  elif ! python3 -c '
import json, sys
m = json.loads(sys.argv[1])["files"][0]["mentions"]
assert [(x["text"], x["value"], x["unit"]) for x in m] == [(sys.argv[2], 47000, "count")], m
' "$out" "$fig" 2>"$tmp/py.err"; then fail "not read as one count 47000: $(tail -1 "$tmp/py.err")"
  else printf 'ok   %-28s exit 0, %s read as 47000\n' "$case" "$fig"; fi
done

# A year in full-width digits is the period of the figure beside it.
case=script-digits:full-width-year
tried=$((tried + 1))
printf 'In FY２０１１, 79%% of people deported had no conviction or a minor one.\n' >"$tmp/in/script.txt"
run check --format json --rules "$root/rules/secure-communities.json" "$tmp/in/script.txt"
if [ "$status" != 1 ]; then fail "exit $status (want 1, a discrepancy): $err"
elif ! python3 -c '
import json, sys
m = json.loads(sys.argv[1])["files"][0]["mentions"]
assert [(x["text"], x["frame"]["period"], x["claim"], x["verdict"]) for x in m] == [("79%", {"from": "2010-10-01", "to": "2011-09-30"}, "scomm-removals-no-or-minor-conviction-fy2011", "discrepancy")], m
' "$out" 2>"$tmp/py.err"; then fail "FY２０１１ not read as the period: $(tail -1 "$tmp/py.err")"
else printf 'ok   %-28s exit 1, FY２０１１ read as the period of 79%%\n' "$case"; fi

# A 25 MB draft of 400,000 figures: it checks within the memory bound, or
# runs out of it naming the draft (never a bare "std::bad_alloc").
if [ "$limit_mem" = 0 ]; then
  echo "skip draft-out-of-memory        no ulimit -v under AddressSanitizer: the bound is what it tests"
  skipped=$((skipped + 1))
else
  case=draft-out-of-memory
  tried=$((tried + 1))
  python3 -c 'import sys; sys.stdout.write("In fiscal year 2011, 79% of the people deported had no record. " * 400000)' >"$tmp/in/many-figures.txt"
  run check --extract-only --format json "$tmp/in/many-figures.txt"
  if [ "$status" = 124 ]; then fail "hung (over $hang s)"
  elif [ "$status" -ge 128 ]; then fail "crashed with status $status: $err"
  elif [ "$status" = 2 ] && ! grep -q "many-figures.txt: .*out of memory" <<<"$err"; then fail "out of memory without the file name: $err"
  elif [ "$status" != 2 ] && [ "$status" != 0 ] && [ "$status" != 1 ]; then fail "exit $status: $err"
  else printf 'ok   %-28s exit %s in %.2fs: %s\n' "$case" "$status" "$secs" "$(echo "$err" | head -1 | cut -c1-150)"; fi
fi
rm -f "$tmp/in/many-figures.txt"

# Memory per figure: ordinary prose checked against rules and an index holds
# about 3 KB per figure (it was 10 KB: the JSON report was built as one tree,
# and the text report looked each line up from the top). 4 MB of prose
# (20,000 figures) checks under `ulimit -v 300 MB` (87 MB resident; it
# needed 220 MB and failed there before), and a DOCX of 20,000 short
# paragraphs too (77 MB; 180 MB and failed before).
mkdir -p "$tmp/mem-corpus"
cp "$root"/corpus/*.md "$tmp/mem-corpus/"
"$bin" index --db "$tmp/db-mem" "$tmp/mem-corpus" >/dev/null 2>&1 || fail "could not build an index for the memory cases"
python3 - "$tmp/in" "$root" <<'PY'
import glob, sys, zipfile
d, root = sys.argv[1], sys.argv[2]
unit = "".join(open(f).read() + "\n\n" for f in sorted(glob.glob(f"{root}/corpus/*.md"))
               + [f"{root}/tests/golden/mixed-findings.md", f"{root}/examples/sample-draft.md"])
open(f"{d}/prose-4mb.md", "w").write(unit * ((4 << 20) // len(unit)))
with zipfile.ZipFile(f"{d}/paragraphs.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="w"><w:body>'
               + "<w:p><w:r><w:t>In 2011, 79% were deported.</w:t></w:r></w:p>" * 20000
               + "</w:body></w:document>")
PY
for c in prose-4mb.md:json:307200 prose-4mb.md:text:307200 paragraphs.docx:json:307200; do
  IFS=: read -r f fmt mem_kb <<<"$c"
  case="memory:$f:$fmt"
  if [ "$limit_mem" = 0 ]; then
    echo "skip $case  no ulimit -v under AddressSanitizer: the bound is what it tests"
    skipped=$((skipped + 1))
    continue
  fi
  tried=$((tried + 1))
  run check --db "$tmp/db-mem" --rules "$root/rules/secure-communities.json" --format "$fmt" "$tmp/in/$f"
  if [ "$status" = 124 ]; then fail "hung (over $hang s)"
  elif [ "$status" != 0 ] && [ "$status" != 1 ]; then fail "exit $status under ulimit -v $mem_kb KB: $(echo "$err" | head -3)"
  elif [ "$fmt" = json ] && ! python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["summary"]["mentions"] >= 20000, r["summary"]' "$tmp/stdout"; then
    fail "report not whole"
  elif [ "$fmt" = text ] && ! tail -1 "$tmp/stdout" | grep -qE '^[0-9]{5,} figures'; then fail "report not whole: $(tail -1 "$tmp/stdout")"
  else printf 'ok   %-28s exit %s in %.2fs under ulimit -v %s MB\n' "$case" "$status" "$secs" "$((mem_kb >> 10))"; fi
done
unset mem_kb
rm -f "$tmp/in/prose-4mb.md" "$tmp/in/paragraphs.docx"

# --- output: every write checked, --output whole or absent -------------------

# expect_write_error CASE CMD... : stdout on /dev/full is exit 2 with the reason.
expect_write_error() {
  case="$1"
  shift
  tried=$((tried + 1))
  local status=0
  timeout $hang "$bin" "$@" >/dev/full 2>"$tmp/stderr" || status=$?
  if [ "$status" != 2 ]; then fail "exit $status on /dev/full, expected 2: $(cat "$tmp/stderr")"
  elif ! grep -q "cannot write to standard output: No space left on device" "$tmp/stderr"; then
    fail "no message about the failed write: $(cat "$tmp/stderr")"
  else printf 'ok   %-28s exit 2: %s\n' "$case" "$(head -1 "$tmp/stderr")"; fi
}
mkdir -p "$tmp/out-corpus"
cp "$root"/corpus/*.md "$tmp/out-corpus/"
"$bin" index --db "$tmp/db-out" "$tmp/out-corpus" >/dev/null 2>&1 || fail "could not build an index for the output cases"
rules_sc="$root/rules/secure-communities.json"
for fmt in text json sarif html; do
  expect_write_error "dev-full-check-$fmt" check --db "$tmp/db-out" --rules "$rules_sc" --format "$fmt" "$good"
done
expect_write_error dev-full-verify verify --db "$tmp/db-out" --rules "$rules_sc"
expect_write_error dev-full-reconcile reconcile --db "$tmp/db-out" --rules "$rules_sc"
expect_write_error dev-full-search search --db "$tmp/db-out" deported
expect_write_error dev-full-index index --db "$tmp/db-out2" "$tmp/out-corpus"
expect_write_error dev-full-rules-lint rules lint "$rules_sc"

case=closed-stdout
tried=$((tried + 1))
status=0
timeout $hang "$bin" check --db "$tmp/db-out" --rules "$rules_sc" "$good" >&- 2>"$tmp/stderr" || status=$?
if [ "$status" != 2 ]; then fail "exit $status with stdout closed, expected 2"
elif ! grep -q "cannot write to standard output" "$tmp/stderr"; then fail "no message: $(cat "$tmp/stderr")"
elif ! "$bin" search --db "$tmp/db-out" deported >/dev/null 2>&1; then fail "index damaged"
else printf 'ok   %-28s exit 2: %s\n' "$case" "$(head -1 "$tmp/stderr")"; fi

# --output: the report lands whole, nothing on stdout; on failure no file.
mkdir -p "$tmp/reports"
for verb in check verify reconcile; do
  case="output-$verb"
  tried=$((tried + 1))
  args=(--db "$tmp/db-out" --rules "$rules_sc" --format json --output "$tmp/reports/$verb.json")
  [ "$verb" = check ] && args+=("$good")
  run "$verb" "${args[@]}"
  if [ "$status" -ge 2 ]; then fail "exit $status: $err"
  elif [ -n "$out" ]; then fail "wrote to stdout with --output"
  elif ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/reports/$verb.json"; then fail "report is not whole JSON"
  else printf 'ok   %-28s exit %s, %s bytes of JSON\n' "$case" "$status" "$(stat -c %s "$tmp/reports/$verb.json")"; fi
done
expect_error output-missing-folder "reports/nope/r.json.*cannot write the report: No such file" \
  check --db "$tmp/db-out" --rules "$rules_sc" --output "$tmp/reports/nope/r.json" "$good"
expect_error output-bad-input-writes-nothing "in/binary.txt.*binary" \
  check --db "$tmp/db-out" --rules "$rules_sc" --output "$tmp/reports/bad.json" "$tmp/in/binary.txt"
[ ! -e "$tmp/reports/bad.json" ] || fail "a report was written for bad input"
leftovers=$(find "$tmp/reports" -name '.*' -type f | wc -l)
[ "$leftovers" = 0 ] || fail "temporary files left behind: $(find "$tmp/reports" -name '.*')"

# --- budgets: many figures in one sentence ------------------------------------

# "0% 1% 2% ..." packed into one sentence used to cost n evidence queries of
# n words each (8 KB: minutes), and percents among counts n^3 shares. Now
# bounded per figure, with a warning naming the sentence. 8 KB within 10 s
# (about 0.3 s here), 64 KB within 60 s.
python3 - "$tmp/in" <<'PY'
import sys
d = sys.argv[1]
def dense(n, item):
    s, i = "", 0
    while len(s) < n:
        s += item(i); i += 1
    return s + "\n"
open(f"{d}/dense-percents.txt", "w").write(dense(8192, lambda i: f"{i}% "))
open(f"{d}/dense-mixed.txt", "w").write(dense(8192, lambda i: f"{i * 1000 + 7:,} " if i % 2 else f"{i % 100}% "))
open(f"{d}/dense-counts.txt", "w").write(dense(8192, lambda i: f"{i * 1000 + 7:,} and ") + " a combined 5%.\n")
open(f"{d}/dense-64k.txt", "w").write(dense(65536, lambda i: f"{i * 1000 + 7:,} " if i % 2 else f"{i % 100}% "))
PY
for f in dense-percents dense-mixed dense-counts dense-64k; do
  case="$f"
  tried=$((tried + 1))
  limit=10; [ "$f" = dense-64k ] && limit=60
  start=$(date +%s.%N)
  status=0
  timeout $limit "$bin" check --db "$tmp/db-out" --rules "$rules_sc" --format json "$tmp/in/$f.txt" >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  if [ "$status" = 124 ]; then fail "over $limit s"
  elif [ "$status" != 0 ] && [ "$status" != 1 ]; then fail "exit $status: $(cat "$tmp/stderr")"
  elif ! grep -q "$f.txt:1:1: warning: sentence with [0-9]* figures" "$tmp/stderr"; then fail "no warning: $(cat "$tmp/stderr")"
  elif ! python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r["files"][0]["mentions"]) > 500' "$tmp/stdout"; then fail "report incomplete"
  else printf 'ok   %-28s exit %s in %.2fs (limit %s s): %s\n' "$case" "$status" "$secs" "$limit" "$(cut -c1-90 "$tmp/stderr" | head -1)"; fi
done

# --time-budget: a draft that takes longer to check stops and exits 2 naming
# it, nothing on stdout (the 64 KB dense draft takes over a second).
expect_error time-budget "in/dense-64k.txt: error: check stopped: time budget of 0.2 s ended" \
  check --db "$tmp/db-out" --rules "$rules_sc" --time-budget 0.2 "$tmp/in/dense-64k.txt"

# --- index: bad files are skipped with their reason, the run goes on ---------

expect_skipped binary "$tmp/in/binary.txt" "binary"
expect_skipped invalid-utf8 "$tmp/in/badutf8.txt" "UTF-8"
expect_skipped huge-single-line "$tmp/in/huge.txt" "file too large"
expect_skipped broken-pdf "$tmp/in/broken.pdf" "PDF"
expect_skipped docx-not-zip "$tmp/in/notzip.docx" "not a zip"
expect_skipped docx-zip-bomb "$tmp/in/bomb.docx" "unpacks to"
expect_skipped fifo "$tmp/in/fifo.txt" "FIFO"
expect_skipped utf-16 "$tmp/in/u16le-bom.txt" "UTF-16"
expect_skipped pdf-inflate-bomb "$tmp/in/bomb.pdf" "unpack to more than"
expect_skipped html-300000-attributes "$tmp/in/attrs.html" "attributes"

# Inside a folder: special files and links out of the folder are skipped by
# name and reason; the good files are indexed.
case=index:special-files-in-corpus
tried=$((tried + 1))
mkdir -p "$tmp/mixed" "$tmp/outside"
cp "$good" "$tmp/mixed/a.txt"
cp "$good" "$tmp/mixed/b.md"
mkfifo "$tmp/mixed/pipe.txt"
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/mixed/sock.md"
echo "The secret share is 93 percent." >"$tmp/outside/secret.txt"
ln -s "$tmp/outside/secret.txt" "$tmp/mixed/link-out.txt"
ln -s a.txt "$tmp/mixed/link-in.txt"
rm -rf "$tmp/db-mixed"
run index --db "$tmp/db-mixed" "$tmp/mixed"
if [ "$status" != 0 ]; then fail "exit $status: $err"
elif ! grep -q "pipe.txt: warning: skipped: is a FIFO" <<<"$err"; then fail "FIFO not named: $err"
elif ! grep -q "sock.md: warning: skipped: is a socket" <<<"$err"; then fail "socket not named: $err"
elif ! grep -q "link-out.txt: warning: skipped: symbolic link to a file outside the corpus" <<<"$err"; then fail "outside link not named: $err"
elif ! grep -q "^indexed 3 files (0 unchanged, 0 removed, 3 skipped)" <<<"$out"; then fail "summary: $out"
elif "$bin" search --db "$tmp/db-mixed" secret 2>/dev/null | grep secret >/dev/null; then fail "file outside the corpus was indexed"
else printf 'ok   %-28s exit 0: %s\n' "$case" "$out"; fi

# Asked for, the link out of the folder is followed (the FIFO and socket are
# still refused by type).
case=index:follow-symlinks
tried=$((tried + 1))
rm -rf "$tmp/db-follow"
run index --follow-symlinks --db "$tmp/db-follow" "$tmp/mixed"
if [ "$status" != 0 ]; then fail "exit $status: $err"
elif grep -q "link-out.txt" <<<"$err"; then fail "link still skipped: $err"
elif ! grep -q "pipe.txt: warning: skipped: is a FIFO" <<<"$err"; then fail "FIFO not refused: $err"
elif ! grep -q "^indexed 4 files (0 unchanged, 0 removed, 2 skipped)" <<<"$out"; then fail "summary: $out"
elif ! "$bin" search --db "$tmp/db-follow" secret 2>/dev/null | grep secret >/dev/null; then fail "linked file not indexed"
else printf 'ok   %-28s exit 0: %s\n' "$case" "$out"; fi

# --- vocabulary at scale ------------------------------------------------------
# 100,000 ids compile in chunks (one RE2 of 100,000 groups was refused after
# 6 s with 17,753 lines of RE2's internal log on stderr); a phrase too long
# for a vocabulary is refused naming it. Under ASan (3-5 times slower) 20,000
# ids, to stay inside the 60 s timeout.
ids=100000
[ "$limit_mem" = 1 ] || ids=20000
python3 - "$tmp/vocab-big.json" "$ids" <<'PY2'
import json, sys
voc = {}
for i in range(int(sys.argv[2])):
    letters = "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4))
    # half as written (digits), half stemmed words
    voc[f"c{i}"] = [f"alpha bravo term{i}"] if i % 2 else [f"zulu{letters} deportations"]
json.dump({"claimcheck_rules": 1, "vocabulary": {"category": voc,
           "measure": {"removals": ["removals"]}}, "claims": []},
          open(sys.argv[1], "w"))
PY2
# the last odd id, and an even one: c88888 is "zuluumbf", c18888 "zulumybb"
if [ "$ids" = 100000 ]; then last=c99999 stemmed=c88888 word=zuluumbf; else last=c19999 stemmed=c18888 word=zulumybb; fi
printf 'In 2019, 79%% of alpha bravo term%s cases were removals.\nIn 2020, 12%% of %s deportations were removals.\n' "${last#c}" "$word" >"$tmp/vocab-draft.txt"
case=rules-vocabulary-$ids-ids
tried=$((tried + 1))
mem_kb=1048576 run check --format json --rules "$tmp/vocab-big.json" "$tmp/vocab-draft.txt"
if [ "$status" = 124 ]; then fail "hung (over $hang s)"
elif [ "$status" -ge 128 ]; then fail "crashed with status $status: $(head -c 300 <<<"$err")"
elif [ "$status" != 0 ]; then fail "exit $status: $(head -c 300 <<<"$err")"
elif [ -n "$err" ]; then fail "stderr not empty ($(wc -l <<<"$err") lines): $(head -c 300 <<<"$err")"
elif [ "$(echo "$secs > 40" | bc)" = 1 ]; then fail "took ${secs}s (limit 40)"
elif ! python3 -c '
import json, sys
cats = [m["frame"].get("category") for m in json.load(sys.stdin)["files"][0]["mentions"]]
sys.exit(0 if cats == [[sys.argv[1]], [sys.argv[2]]] else "categories: %r" % cats)' "$last" "$stemmed" <<<"$out"; then fail "ids not found"
else printf 'ok   %-28s exit 0 in %.2fs (%s MB rules file)\n' "$case" "$secs" "$(($(stat -c %s "$tmp/vocab-big.json") >> 20))"; fi

python3 -c 'import json,sys; json.dump({"claimcheck_rules": 1, "vocabulary": {"category": {"c": ["ok", "a " * 300000]}}, "claims": []}, open(sys.argv[1], "w"), indent=1)' "$tmp/long-phrase.json"
expect_error rules-phrase-600000-bytes "long-phrase.json:[0-9]+:[0-9]+: .*vocabulary.category.c\[1\].*longer than the 4096-byte limit" check --rules "$tmp/long-phrase.json" "$good"

echo
echo "bad inputs tried: $tried ($failed failed, $skipped skipped)"
[ "$failed" = 0 ]
