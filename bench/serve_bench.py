#!/usr/bin/env python3
"""bench/serve_bench.py — re-checking an edited paragraph in a warm process.

    serve_bench.py CLAIMCHECK DB RULES DRAFT RUNS

Starts `claimcheck serve --db DB --rules RULES --port 0` (the database and the
compiled rules stay open), picks the first paragraph of DRAFT with at least
two numbers and 40-200 words, and POSTs it to /api/check RUNS times, each time
with one of its numbers edited (as an editor would between two checks), after
three warm-up requests. The peer, in the same run: a cold `claimcheck check`
of the same paragraph (process start, opening the index, loading the rules),
RUNS // 3 times (at least 3).

Prints one line: "words serve_median_ms serve_p99_ms cold_median_ms
server_peak_kb", the server's peak RSS read from /proc before it is stopped.
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def pct(times, p):
    times = sorted(times)
    k = (len(times) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(times) - 1)
    return times[lo] + (times[hi] - times[lo]) * (k - lo)


def paragraph(draft):
    paras = [p.strip() for p in re.split(r"\n\s*\n", open(draft, encoding="utf-8").read())]
    for p in paras:
        if len(re.findall(r"\d+", p)) >= 2 and 40 <= len(p.split()) <= 200 and not p.startswith("#"):
            return p
    raise SystemExit("serve_bench.py: no paragraph with two numbers and 40-200 words in " + draft)


def edited(text, i):
    """The paragraph with its first number that is not a year changed by i."""
    def repl(m, done=[False]):
        n = m.group(0)
        if done[0] or (len(n) == 4 and 1600 <= int(n) <= 2100):
            return n
        done[0] = True
        return str(int(n) + i % 7)
    return re.sub(r"(?<![\d.,])\d+(?![\d.,])", repl, text)


def main():
    if len(sys.argv) != 6:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    binary, db, rules, draft, runs = sys.argv[1:5] + [int(sys.argv[5])]
    text = paragraph(draft)
    server = subprocess.Popen([binary, "serve", "--db", db, "--rules", rules, "--port", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = None
        for line in server.stderr:
            m = re.search(r"serving on (http://\S+)", line)
            if m:
                url = m.group(1) + "/api/check?format=md&report=json"
                break
        if not url:
            raise SystemExit("serve_bench.py: claimcheck serve did not start")

        def post(body):
            req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST")
            t0 = time.perf_counter()
            with urllib.request.urlopen(req) as res:
                res.read()
                if res.status != 200:
                    raise SystemExit(f"serve_bench.py: HTTP {res.status}")
            return time.perf_counter() - t0

        for i in range(3):
            post(edited(text, i))
        warm = [post(edited(text, i)) for i in range(runs)]
        peak = 0
        with open(f"/proc/{server.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1])
    finally:
        server.terminate()
        server.wait()

    cold = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "paragraph.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        cmd = [binary, "check", "--db", db, "--rules", rules, "--format", "json", path]
        for _ in range(max(3, runs // 3)):
            t0 = time.perf_counter()
            rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            cold.append(time.perf_counter() - t0)
            if rc > 1:
                raise SystemExit(f"serve_bench.py: check exited {rc}")
    print(f"{len(text.split())} {statistics.median(warm) * 1000:.1f} {pct(warm, 0.99) * 1000:.1f} "
          f"{statistics.median(cold) * 1000:.1f} {peak}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
