#!/usr/bin/env bash
# claimcheck serve as a client sees it: start it on a free port, POST drafts with curl,
# check the JSON report, the HTML report, concurrent requests and the 4xx errors.
#   bash tests/e2e/test_serve.sh build/claimcheck .
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
if ! command -v curl >/dev/null; then
  echo "SKIP: curl is not installed"; exit 77
fi
tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

rules=()
if [ -f rules/secure-communities.json ]; then
  rules=(--rules "$PWD/rules/secure-communities.json")
elif [ -f ../shared/eval/dev/rules.json ]; then
  rules=(--rules "$(cd ../shared/eval/dev && pwd)/rules.json")
fi

# Run from an empty directory so no claimcheck.json or index changes what is served.
(cd "$tmp" && exec "$bin" serve "${rules[@]}" --port 0) 2>"$tmp/serve.err" &
pid=$!
port=""
for _ in $(seq 300); do  # up to 30 s on a loaded machine
  port=$(sed -n 's|^claimcheck: serving on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$tmp/serve.err" 2>/dev/null || true)  # the file may not exist yet
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: serve exited"; cat "$tmp/serve.err"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: serve did not print its address"; cat "$tmp/serve.err"; exit 1; }
base="http://127.0.0.1:$port"
fail=0

# post FILE QUERY -> body in $tmp/body, status echoed
post() {
  curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H 'Content-Type: application/octet-stream' \
    --data-binary @"$1" "$base/api/check$2"
}
expect() {  # expect NAME WANT GOT
  if [ "$2" != "$3" ]; then echo "FAIL: $1: status $3, want $2"; cat "$tmp/body"; echo; fail=1; fi
}

draft="$tmp/draft.md"
cat >"$draft" <<'MD'
# Fiscal 2011

In fiscal year 2011, 79% of the people deported through Secure Communities had no criminal record or had been picked up for low-level offenses.
MD

# The JSON report of design.md.
status=$(post "$draft" "?format=md"); expect "POST md" 200 "$status"
python3 - "$tmp/body" "${#rules[@]}" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["claimcheck_report"] == 1, r
f = r["files"][0]
assert f["path"] == "draft.md", f["path"]
m = [m for m in f["mentions"] if m["text"] == "79%"]
assert m and m[0]["line"] == 3 and m[0]["column"] == 22, f["mentions"]
if sys.argv[2] != "0":  # with rules the wrong period is found
    x = [x for x in f["findings"] if x["text"] == "79%"]
    assert x and x[0]["kind"] == "period-mismatch", f["findings"]
print("ok: JSON report, %d mentions, %d findings" % (len(f["mentions"]), len(f["findings"])))
PY

# Default format is txt; other reports on request.
status=$(post "$draft" ""); expect "POST default" 200 "$status"
status=$(post "$draft" "?format=md&report=html"); expect "POST report=html" 200 "$status"
grep -q '<mark class="[^"]*" id="m0-0"' "$tmp/body" || { echo "FAIL: HTML report has no mark"; fail=1; }
status=$(post "$draft" "?format=md&report=sarif"); expect "POST report=sarif" 200 "$status"
grep -q '"version": "2.1.0"' "$tmp/body" || { echo "FAIL: not SARIF"; fail=1; }

# A DOCX upload (a minimal package written here) reads like the text.
python3 - "$tmp/draft.docx" <<'PY'
import sys, zipfile
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
               'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("word/document.xml",
               '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body><w:p><w:r>'
               '<w:t>In fiscal year 2011, 79%% of the people deported had no criminal record.</w:t>'
               '</w:r></w:p></w:body></w:document>' % W)
PY
status=$(post "$tmp/draft.docx" "?format=docx"); expect "POST docx" 200 "$status"
grep -q '"text": "79%"' "$tmp/body" || { echo "FAIL: DOCX draft lost its figure"; fail=1; }

# The page.
status=$(curl -s -o "$tmp/body" -w '%{http_code}' "$base/"); expect "GET /" 200 "$status"
grep -q 'id="check"' "$tmp/body" || { echo "FAIL: page has no Check button"; fail=1; }
if grep -Eq '<script[^>]+src=|<link |https?://' "$tmp/body"; then
  echo "FAIL: page loads something from outside"; fail=1
fi

# Errors: JSON with a 4xx status.
check_error() {  # NAME WANT STATUS
  expect "$1" "$2" "$3"
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["error"]' "$tmp/body" 2>/dev/null ||
    { echo "FAIL: $1: body is not {\"error\": ...}"; cat "$tmp/body"; fail=1; }
}
status=$(post "$draft" "?format=exe"); check_error "bad format" 400 "$status"
status=$(post "$draft" "?report=pdf"); check_error "bad report" 400 "$status"
printf '' >"$tmp/empty"
status=$(post "$tmp/empty" ""); check_error "empty body" 400 "$status"
printf 'PK\003\004 not really a zip' >"$tmp/bad.docx"
status=$(post "$tmp/bad.docx" "?format=docx"); check_error "broken docx" 400 "$status"
printf 'bad \377 byte' >"$tmp/bad.txt"
status=$(post "$tmp/bad.txt" "?format=txt"); check_error "invalid UTF-8" 400 "$status"
head -c $((11 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
status=$(post "$tmp/big.txt" ""); check_error "over the size limit" 413 "$status"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' "$base/no/such/path"); check_error "unknown path" 404 "$status"

# Concurrent requests are all served.
clients=()
for i in $(seq 8); do
  curl -s -o "$tmp/par$i" -w '%{http_code}' -X POST --data-binary @"$draft" \
    "$base/api/check?format=md" >"$tmp/par$i.status" &
  clients+=($!)
done
wait "${clients[@]}" || true
for i in $(seq 8); do
  [ "$(cat "$tmp/par$i.status")" = 200 ] && cmp -s "$tmp/par1" "$tmp/par$i" ||
    { echo "FAIL: concurrent request $i"; fail=1; }
done

# --- who may talk to it -------------------------------------------------------
# DNS rebinding: a Host naming another site gets nothing.
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Host: evil.example' -X POST \
  --data-binary @"$draft" "$base/api/check?format=md"); check_error "Host: evil.example" 421 "$status"
grep -q 'corpus\|quote' "$tmp/body" && { echo "FAIL: report sent to a foreign Host"; fail=1; }
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Host: evil.example' "$base/"); expect "GET / for evil.example" 421 "$status"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/"); expect "Host: localhost" 200 "$status"
# CSRF: a cross-origin text/plain POST without the page's token is refused;
# the token the served page carries lets it through.
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Origin: http://evil.example' -H 'Content-Type: text/plain' \
  -X POST --data-binary @"$draft" "$base/api/check"); check_error "cross-origin POST" 403 "$status"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Sec-Fetch-Site: cross-site' \
  -X POST --data-binary @"$draft" "$base/api/check"); check_error "Sec-Fetch-Site: cross-site" 403 "$status"
token=$(curl -s "$base/" | sed -n 's/.*name="claimcheck-token" content="\([0-9a-f]*\)".*/\1/p')
[ ${#token} = 32 ] || { echo "FAIL: page carries no token"; fail=1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Origin: http://evil.example' -H "X-Claimcheck-Token: $token" \
  -X POST --data-binary @"$draft" "$base/api/check"); expect "cross-origin POST with the token" 200 "$status"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $base" -X POST --data-binary @"$draft" "$base/api/check")
expect "same-origin POST" 200 "$status"
# Headers on every response.
curl -s -D "$tmp/headers" -o /dev/null "$base/"
for h in "Content-Security-Policy: default-src 'none'; script-src 'nonce-$token'" "X-Frame-Options: DENY" "X-Content-Type-Options: nosniff"; do
  grep -qiF "$h" "$tmp/headers" || { echo "FAIL: header missing: $h"; fail=1; }
done
# Any content type: 50 KB with curl's default form type is a draft like any other.
python3 -c 'print("In FY2011, 55% of people deported had no conviction. " * 1000)' >"$tmp/form.txt"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST --data-binary @"$tmp/form.txt" "$base/api/check")
expect "50 KB as application/x-www-form-urlencoded" 200 "$status"
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["files"][0]["mentions"]) == 1000' "$tmp/body" ||
  { echo "FAIL: form-typed draft not read whole"; fail=1; }
# Slow clients: 24 connections that send nothing do not starve a real one;
# they are closed after the read timeout.
slow=()
for i in $(seq 24); do
  python3 -c 'import socket,sys,time; s=socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.send(b"POST /api/check HTTP/1.1\r\n"); time.sleep(20)' "$port" &
  slow+=($!)
done
sleep 2
start=$(date +%s.%N)
status=$(curl -s -m 15 -o /dev/null -w '%{http_code}' -X POST --data-binary @"$draft" "$base/api/check?format=md")
secs=$(echo "$(date +%s.%N) - $start" | bc)
expect "request beside 24 slow connections" 200 "$status"
echo "ok: a request beside 24 slow connections answered in ${secs}s"
kill "${slow[@]}" 2>/dev/null || true
wait "${slow[@]}" 2>/dev/null || true
# A client that hangs up: its check stops (503 in the access log) instead of
# running on for no one; 8 MB of figures take several seconds to check.
python3 -c 'print("In FY2011, 55% of people deported had no conviction, 26% none at all. " * 110000)' >"$tmp/big.txt"
before=$(wc -l <"$tmp/serve.err")
curl -s -m 1 -o /dev/null -X POST --data-binary @"$tmp/big.txt" "$base/api/check?format=txt" || true
# Up to 30 s (120 s under ASan, which reads 8 MB far slower): reading the
# draft cannot stop part-way.
waits=300
if [ -n "${ASAN_OPTIONS:-}" ] || ldd "$bin" 2>/dev/null | grep 'libasan\|libclang_rt.asan' >/dev/null; then waits=1200; fi
for _ in $(seq "$waits"); do
  [ "$(wc -l <"$tmp/serve.err")" -gt "$before" ] && break
  sleep 0.1
done
logged=$(tail -n +"$((before + 1))" "$tmp/serve.err" | head -1)
if grep -q "POST /api/check 503 " <<<"$logged"; then echo "ok: a check whose client hung up stopped: $logged"
else echo "FAIL: the check of a client that hung up was not stopped: $logged"; fail=1; fi
# Access log: one line per request on stderr.
grep -q "^claimcheck: 127.0.0.1 POST /api/check 421 " "$tmp/serve.err" || { echo "FAIL: no access log line"; fail=1; }
echo "ok: access log has $(grep -c '^claimcheck: 127.0.0.1 ' "$tmp/serve.err") lines"

kill -0 "$pid" 2>/dev/null || { echo "FAIL: serve died"; cat "$tmp/serve.err"; fail=1; }
[ "$fail" = 0 ] && echo "ok: serve on port $port"
exit $fail
