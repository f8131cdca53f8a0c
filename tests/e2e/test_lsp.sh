#!/usr/bin/env bash
# `claimcheck lsp` driven over stdio by a small JSON-RPC client (python3, no packages):
# initialize; didOpen of examples/sample-draft.md against the bundled corpus and rules
# gives the diagnostics `check --format json` gives (kinds and ranges), within 200 ms
# of didOpen once the server is warm (a generous bound under AddressSanitizer); hover
# on a wrong figure shows its reference figure and evidence; codeAction returns the
# suppression and the replacement; applying them clears those diagnostics; a burst
# of changes publishes only the last text; malformed JSON and a bad Content-Length
# get JSON-RPC errors and the server carries on; shutdown + exit ends with 0.
#   bash tests/e2e/test_lsp.sh build/claimcheck .
set -euo pipefail
bin="$1"; root="$2"
cd "$root"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# AddressSanitizer makes every check 3-5x slower: the timing bound is relaxed there.
bound_ms=200
if [ -n "${ASAN_OPTIONS:-}" ] || ldd "$bin" 2>/dev/null | grep 'libasan\|libclang_rt.asan' >/dev/null; then
  bound_ms=2000
fi

# The corpus by its absolute path, so the evidence the server links to is found from anywhere.
"$bin" index --db "$tmp/db" "$PWD/corpus" >/dev/null 2>"$tmp/index.err" || { echo "FAIL: index"; cat "$tmp/index.err"; exit 1; }
rules="$PWD/rules/secure-communities.json"
cp examples/sample-draft.md "$tmp/sample-draft.md"
# The oracle: what `check` reports for the same text.
"$bin" check --db "$tmp/db" --rules "$rules" --format json --fail-on never "$tmp/sample-draft.md" \
  >"$tmp/expected.json" 2>"$tmp/check.err" || { echo "FAIL: check"; cat "$tmp/check.err"; exit 1; }

# Flags that do not work: exit 2 with the file named, before any client talks.
status=0
"$bin" lsp --db "$tmp/db" --rules "$tmp/missing-rules.json" </dev/null >/dev/null 2>"$tmp/bad.err" || status=$?
if [ "$status" -ne 2 ] || ! grep -q "missing-rules.json" "$tmp/bad.err"; then
  echo "FAIL: lsp with a missing rules file exited $status:"; cat "$tmp/bad.err"; exit 1
fi

python3 - "$bin" "$tmp" "$rules" "$bound_ms" <<'PY'
import json, os, queue, re, subprocess, sys, threading, time

binary, tmp, rules, bound_ms = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
failures = []

def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)

class Client:
    def __init__(self, *args):
        self.p = subprocess.Popen([binary, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=open(os.path.join(tmp, "lsp.err"), "ab"), cwd=tmp)
        self.q = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            self.q.put((time.monotonic(), json.loads(body)))

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, pred, timeout=30, what="message"):
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %s within %ss" % (what, timeout))
            item = self.q.get(timeout=left)
            if item is None:
                raise EOFError("server closed its output while waiting for " + what)
            t, m = item
            if pred(m):
                return t, m

    def answer(self, rid, timeout=30):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout, "answer to %d" % rid)[1]

    def diagnostics(self, uri, version=None, timeout=30):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri
                         and (version is None or m["params"].get("version") == version),
                         timeout, "diagnostics for %s v%s" % (uri, version))

def key(d):
    r = d["range"]
    return (d["code"], r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"])

# The oracle: check's findings as LSP would place them (ASCII text: UTF-16 = code points).
expected = json.load(open(os.path.join(tmp, "expected.json")))
findings = expected["files"][0]["findings"]
want = sorted((f["kind"], f["line"] - 1, f["column"] - 1, f["end_line"] - 1, f["end_column"] - 1) for f in findings)
if len(want) < 4:
    fail("the sample gives only %d findings; the test needs a few" % len(want))
text = open(os.path.join(tmp, "sample-draft.md"), encoding="utf-8").read()
lines = text.split("\n")
uri = "file://" + os.path.join(tmp, "sample-draft.md")

c = Client("--db", os.path.join(tmp, "db"), "--rules", rules)
# Before initialize: refused with ServerNotInitialized.
rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
a = c.answer(rid)
if a.get("error", {}).get("code") != -32002:
    fail("request before initialize: want error -32002, got %s" % a)

rid = c.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + tmp,
                               "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
                               "initializationOptions": {"debounceMs": 100}})
init = c.answer(rid)
caps = init.get("result", {}).get("capabilities", {})
if caps.get("positionEncoding") != "utf-16" or not caps.get("hoverProvider") or not caps.get("codeActionProvider"):
    fail("initialize capabilities: %s" % init)
c.notify("initialized", {})

# Warm up on a copy of the draft (the index's first queries read from disk).
warm = "file://" + os.path.join(tmp, "warm.md")
c.notify("textDocument/didOpen", {"textDocument": {"uri": warm, "languageId": "markdown", "version": 1, "text": text}})
c.diagnostics(warm)
c.notify("textDocument/didClose", {"textDocument": {"uri": warm}})

t0 = time.monotonic()
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
t1, pub = c.diagnostics(uri, 1)
elapsed = (t1 - t0) * 1000
print("diagnostics %.1f ms after didOpen (warm; bound %d ms)" % (elapsed, bound_ms))
if elapsed > bound_ms:
    fail("diagnostics took %.1f ms (> %d ms)" % (elapsed, bound_ms))
diags = pub["params"]["diagnostics"]
got = sorted(key(d) for d in diags)
if got != want:
    fail("diagnostics differ from check --format json:\n  want %s\n  got  %s" % (want, got))
for d in diags:
    if d.get("source") != "claimcheck" or not d.get("codeDescription", {}).get("href", "").endswith("#" + d["code"]):
        fail("diagnostic without source/codeDescription: %s" % d)
        break
if not any(d.get("relatedInformation") for d in diags):
    fail("no diagnostic links its evidence (relatedInformation)")
else:
    rel = next(d["relatedInformation"][0] for d in diags if d.get("relatedInformation"))
    path = rel["location"]["uri"][len("file://"):]
    if not os.path.isfile(path):
        fail("evidence link to a missing file: %s" % rel)

# Hover on the FY2011 79% (period-mismatch): the claim, its definition, evidence.
period = next((d for d in diags if d["code"] == "period-mismatch"), None)
if not period:
    fail("no period-mismatch in the sample")
else:
    pos = {"line": period["range"]["start"]["line"], "character": period["range"]["start"]["character"] + 1}
    h = c.answer(c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos}))
    value = (h.get("result") or {}).get("contents", {}).get("value", "")
    claim = next(f["claim"] for f in findings if f["kind"] == "period-mismatch")
    for part in [claim, "Reference figure", "Definition", "Evidence"]:
        if part not in value:
            fail("hover lacks %r:\n%s" % (part, value))
    if not re.search(r"`[^`]+\.(txt|md|html|pdf|docx):\d+`", value):
        fail("hover quotes no evidence as file:line:\n%s" % value)
    blank = c.answer(c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}))
    if blank.get("result") is not None:
        fail("hover on the title (no figure) should be null: %s" % blank)

# Code actions on a value-mismatch: the suppression and the right figure.
def actions_for(d):
    res = c.answer(c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d["range"],
                                                         "context": {"diagnostics": [d]}}))
    return res.get("result") or []

def apply(text, edit):
    ls = text.split("\n")
    s, e = edit["range"]["start"], edit["range"]["end"]
    off = lambda p: sum(len(l) + 1 for l in ls[:p["line"]]) + p["character"]
    return text[:off(s)] + edit["newText"] + text[off(e):]

def single_edit(action):
    edits = action["edit"]["changes"][uri]
    assert len(edits) == 1
    return edits[0]

version = 1
target = next((d for d in diags if d["code"] == "value-mismatch"), None)
if not target:
    fail("no value-mismatch in the sample to fix")
else:
    acts = actions_for(target)
    titles = [a["title"] for a in acts]
    sup = [a for a in acts if single_edit(a)["newText"].startswith("<!-- claimcheck-disable-next-line value-mismatch -- ")]
    rep = [a for a in acts if a.get("isPreferred")]
    if not sup:
        fail("no suppression action: %s" % titles)
    elif single_edit(sup[0])["range"]["start"] != {"line": target["range"]["start"]["line"], "character": 0}:
        fail("suppression not inserted above the line: %s" % sup[0])
    if not rep:
        fail("no replacement action: %s" % titles)
    else:
        edit = single_edit(rep[0])
        f = next(f for f in findings if f["kind"] == "value-mismatch")
        print("replacement: %r -> %r" % (f["text"], edit["newText"]))
        if edit["newText"] == f["text"] or not any(ch.isdigit() for ch in edit["newText"]):
            fail("replacement %r for %r" % (edit["newText"], f["text"]))
        text = apply(text, edit)
        version += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": [{"text": text}]})
        _, pub = c.diagnostics(uri, version)
        after = pub["params"]["diagnostics"]
        line = target["range"]["start"]["line"]
        if any(d["code"] == "value-mismatch" and d["range"]["start"]["line"] == line for d in after):
            fail("the replaced figure still has a value-mismatch: %s" % lines[line])
        if len(after) != len(diags) - 1:
            fail("fixing one figure should clear one diagnostic: %d -> %d" % (len(diags), len(after)))
        diags = after

# The suppression of the period-mismatch, applied: gone, and no warning (it has a reason).
if period:
    sup = [a for a in actions_for(next(d for d in diags if d["code"] == "period-mismatch"))
           if "claimcheck-disable-next-line period-mismatch" in single_edit(a)["newText"]]
    if not sup:
        fail("no suppression for the period-mismatch")
    else:
        text = apply(text, single_edit(sup[0]))
        version += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": [{"text": text}]})
        _, pub = c.diagnostics(uri, version)
        after = pub["params"]["diagnostics"]
        if any(d["code"] == "period-mismatch" for d in after):
            fail("suppressed period-mismatch still published")
        if any(d["code"] == "suppression" for d in after):
            fail("a suppression with a reason was reported: %s" % after)
        diags = after

# A burst of changes: only the last text is published (debounced; stale checks cancelled).
burst_from = version
for i in range(5):
    version += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                        "contentChanges": [{"text": text + "\nAbout %d%% of them.\n" % (10 + i)}]})
_, pub = c.diagnostics(uri, version)
stale = []
while not c.q.empty():
    item = c.q.get()
    if item and item[1].get("method") == "textDocument/publishDiagnostics":
        stale.append(item[1]["params"].get("version"))
if stale:
    fail("diagnostics published after the last change: versions %s" % stale)

# Garbage on the wire: JSON-RPC errors, and the server still answers.
c.raw(b"Content-Length: abc\r\n\r\n{}")
a = c.wait(lambda m: "error" in m and m.get("id") is None, 10, "error for a bad Content-Length")[1]
if a["error"]["code"] != -32700 or "abc" not in a["error"]["message"]:
    fail("bad Content-Length: %s" % a)
body = b'{"jsonrpc": "2.0", "id": 99, "method": '
c.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
a = c.wait(lambda m: "error" in m, 10, "error for malformed JSON")[1]
if a["error"]["code"] != -32700:
    fail("malformed JSON: %s" % a)
a = c.answer(c.request("no/such/method", {}))
if a.get("error", {}).get("code") != -32601:
    fail("unknown method: %s" % a)
a = c.answer(c.request("textDocument/hover", {"textDocument": {"uri": uri}}))
if a.get("error", {}).get("code") != -32602:
    fail("hover without a position: %s" % a)
a = c.answer(c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}))
if "error" in a:
    fail("server no longer answers after bad input: %s" % a)

c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
_, pub = c.diagnostics(uri)
if pub["params"]["diagnostics"]:
    fail("didClose should clear the diagnostics")
a = c.answer(c.request("shutdown", None))
if "error" in a or a.get("result") is not None:
    fail("shutdown: %s" % a)
c.notify("exit", None)
try:
    code = c.p.wait(timeout=20)
except subprocess.TimeoutExpired:
    c.p.kill()
    code = "hang"
if code != 0:
    fail("exit after shutdown: status %s" % code)

# exit without shutdown: status 1 (LSP 3.17).
c2 = Client("--db", os.path.join(tmp, "db"), "--rules", rules)
c2.answer(c2.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}}))
c2.notify("exit", None)
code = c2.p.wait(timeout=20)
if code != 1:
    fail("exit without shutdown: status %s (want 1)" % code)

err = open(os.path.join(tmp, "lsp.err"), encoding="utf-8", errors="replace").read()
if "runtime error" in err or "AddressSanitizer" in err:
    fail("sanitizer report on stderr:\n" + err[-3000:])
if failures:
    sys.exit(1)
print("ok: lsp diagnostics, hover, code actions, changes, errors and exit")
PY
