#!/usr/bin/env python3
"""score.py — the figures benchmark: claimcheck (and Recognizers-Text) on
bench/figures/sentences.jsonl, scored by precision, recall, value F1,
value+unit F1 and unit accuracy, per domain and per form.

Usage: score.py CLAIMCHECK [--sentences FILE] [--peer auto|rt|none]
                [--markdown] [--verbose] [--floor F]
  --peer auto   run Recognizers-Text when node and bench/figures/node_modules
                are there (npm ci in bench/figures installs it), else skip it
  --markdown    print the tables as Markdown (bench/run puts them in results.md)
  --verbose     list every miss, wrong value or unit, and false positive
  --floor F     exit 1 when claimcheck's value F1 is below F (the e2e test)
Matching, conventions and the peer's mapping: README.md beside this file.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REL_TOL = 1e-6

# Unit words as written -> one spelling, so "km", "kilometres" and the peer's
# "Kilometer" compare equal. Unknown words: lower case, a plural "s" dropped.
UNIT_SYNONYMS = {
    "km": ["kilometre", "kilometer", "kilometres", "kilometers", "kms"],
    "m": ["metre", "meter", "metres", "meters"],
    "cm": ["centimetre", "centimeter", "centimetres", "centimeters"],
    "mm": ["millimetre", "millimeter", "millimetres", "millimeters"],
    "mi": ["mile", "miles"],
    "ft": ["foot", "feet"],
    "in": ["inch", "inches"],
    "mph": ["mile per hour", "miles per hour"],
    "km/h": ["kmh", "kph", "kilometer per hour", "kilometres per hour", "kilometers per hour"],
    "kg": ["kilogram", "kilograms", "kilo", "kilos"],
    "g": ["gram", "grams"],
    "lb": ["lbs", "pound", "pounds"],
    "t": ["tonne", "tonnes", "ton", "tons", "metric ton", "metric tons"],
    "gb": ["gigabyte", "gigabytes"],
    "tb": ["terabyte", "terabytes"],
    "mb": ["megabyte", "megabytes"],
    "ghz": ["gigahertz"],
    "mw": ["megawatt", "megawatts"],
    "gw": ["gigawatt", "gigawatts"],
    "kw": ["kilowatt", "kilowatts"],
    "kwh": ["kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours"],
    "l": ["litre", "liter", "litres", "liters"],
    "ml": ["millilitre", "milliliter", "millilitres", "milliliters"],
    "gal": ["gallon", "gallons"],
    "ha": ["hectare", "hectares", "square hectometer", "square hectometre"],
    "deg": ["degree", "degrees"],
    "acre": ["acres"],
    "km2": ["square kilometer", "square kilometre", "square kilometers", "square kilometres", "sq km", "sq_km"],
    "ly": ["light year", "light years", "light-year", "light-years"],
    "zj": ["zettajoule", "zettajoules"],
    "au": ["astronomical unit", "astronomical units"],
    "kn": ["knot", "knots"],
    "hp": ["horsepower"],
    "c": ["°c", "celsius", "degrees celsius", "degree celsius", "degrees c"],
    "f": ["°f", "fahrenheit", "degrees fahrenheit", "degree fahrenheit", "degrees f"],
    "mg": ["milligram", "milligrams"],
}
UNIT_CANON = {w: k for k, ws in UNIT_SYNONYMS.items() for w in ws + [k]}
# Currency names a peer gives without an ISO code: "$" in English news is the
# US dollar, "£" the pound sterling.
CURRENCY_NAMES = {"dollar": "USD", "united states dollar": "USD", "pound": "GBP", "british pound": "GBP",
                  "euro": "EUR", "japanese yen": "JPY", "yen": "JPY", "cent": "USD"}
DURATION_CANON = {"days": "day", "weeks": "week", "months": "month", "years": "year", "hours": "hour",
                  "minutes": "minute", "seconds": "second"}


def canon_unit(unit, text):
    """(class, unit_text) with usd folded into currency and unit words in one spelling."""
    t = (text or "").strip()
    if unit == "usd":
        return "currency", "USD"
    if unit == "currency":
        return "currency", CURRENCY_NAMES.get(t.lower(), t.upper())
    if unit == "duration":
        t = t.lower()
        return "duration", DURATION_CANON.get(t, t)
    if unit == "other":
        t = t.lower()
        if t not in UNIT_CANON and len(t) > 3 and t.endswith("s"):
            t = t[:-1]  # "barrels" and "Barrel" alike
        return "other", UNIT_CANON.get(t, t)
    return unit, None


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) or a == b


def value_ok(p, e):
    """Value and high end agree; a fall written without a sign ("down 0.4%")
    may be given as -0.4, and a "-1.3%" as 1.3 with direction down."""
    high_p = p.get("high")
    if high_p is not None and close(high_p, p["value"]) and e.get("high") is None:
        high_p = None
    if not close(high_p, e.get("high")):
        return False
    if close(p["value"], e["value"]):
        return True
    # A share ("one in four", "half") may come as the ratio 0.25 rather than 25 percent.
    if e.get("form") == "share" and p["unit"] != "percent" and close(100 * p["value"], e["value"]):
        return True
    down = e.get("direction") == "down" or p.get("direction") == "down"
    return down and close(-p["value"], e["value"])


def unit_ok(p, e):
    if canon_unit(p["unit"], p.get("unit_text")) != canon_unit(e["unit"], e.get("unit_text")):
        return False
    return e["unit"] != "rate" or close(p.get("per"), e.get("per"))


def locate(text, spans):
    """Character spans of annotated substrings, each occurrence after the
    previous one of the same text."""
    out, after = [], {}
    for s in spans:
        i = s["start"] if "start" in s else text.find(s["text"], after.get(s["text"], 0))
        if text[i:i + len(s["text"])] != s["text"]:
            i = -1
        if i < 0:
            raise ValueError(f"{s['text']!r} not in {text!r}")
        after[s["text"]] = i + len(s["text"])
        out.append((i, i + len(s["text"])))
    return out


# ---- the two extractors ------------------------------------------------------

def run_claimcheck(binary, sentences):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sentences.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n\n".join(s["text"] for s in sentences) + "\n")
        proc = subprocess.run([binary, "check", "--extract-only", "--format", "json", path],
                              capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"score.py: claimcheck failed ({proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    out = [[] for _ in sentences]
    for m in report["files"][0]["mentions"]:
        i = (m["line"] - 1) // 2  # one sentence a paragraph: sentence i is on line 2i+1
        if (m["line"] - 1) % 2 or i >= len(sentences):
            continue
        text = sentences[i]["text"]
        start = m["column"] - 1
        if text[start:start + len(m["text"])] != m["text"]:
            found = text.find(m["text"])
            start = found if found >= 0 else start
        # change: {kind, direction} for the amount of a change; trend: {from,
        # direction} on the later end of "from X to Y" (a level, with the
        # trend's direction). Plain strings are read too.
        change, direction = m.get("change") or "none", m.get("direction") or "none"
        if isinstance(change, dict):
            change, direction = change.get("kind") or "none", change.get("direction") or "none"
        trend = m.get("trend")
        if isinstance(trend, dict) and direction == "none":
            direction = trend.get("direction") or "none"
        high = m.get("high")
        if m.get("range") is False or (high == 0 and "range" not in m and m["value"] > 0):
            high = None  # a report that writes high 0 for a figure that is not a range
        out[i].append({
            "start": start, "end": start + len(m["text"]), "text": m["text"], "value": m["value"],
            "high": high, "unit": m["unit"], "unit_text": m.get("unit_text") or None,
            "per": m.get("per"), "change": change, "direction": direction,
        })
    return out


def run_peer(sentences):
    proc = subprocess.run(["node", os.path.join(HERE, "peer_rt.js")], input=json.dumps([s["text"] for s in sentences]),
                          capture_output=True, text=True, cwd=HERE)
    if proc.returncode != 0:
        sys.exit(f"score.py: Recognizers-Text failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def peer_available():
    return shutil.which("node") and os.path.isdir(os.path.join(HERE, "node_modules", "@microsoft",
                                                                "recognizers-text-suite"))


# ---- matching and counting ---------------------------------------------------

class Tally:
    def __init__(self):
        self.exp = self.pred = self.found = 0            # all figures, vague included
        self.exp_v = self.pred_v = self.tp_v = self.tp_vu = 0  # vague left out
        self.unit_right = 0                              # found figures with the right unit
        self.false_alarms = 0                            # predictions on a non-figure
        self.changes = self.change_right = 0             # found changes; with kind and direction right

    def add(self, o):
        for k, v in vars(o).items():
            setattr(self, k, getattr(self, k) + v)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(a, b):
    return a / b if b else 0.0


def score_sentence(sent, preds, log=None, name=""):
    """Matches predictions to expected figures (one to one, by overlapping
    span, a pair with the right value first) and returns
    (tally, per-form tallies)."""
    figs, nons = sent["figures"], sent.get("non_figures", [])
    fspans, nspans = locate(sent["text"], figs), locate(sent["text"], nons)
    pairs = []
    for pi, p in enumerate(preds):
        for ei, (a, b) in enumerate(fspans):
            overlap = min(b, p["end"]) - max(a, p["start"])
            if overlap > 0:
                pairs.append((not value_ok(p, figs[ei]), -overlap, pi, ei))
    pairs.sort()
    p_of, e_of = {}, {}
    for _, _, pi, ei in pairs:
        if pi not in p_of and ei not in e_of:
            p_of[pi], e_of[ei] = ei, pi
    total, forms = Tally(), {}

    def form(f):
        return forms.setdefault(f, Tally())

    for ei, e in enumerate(figs):
        t = form(e["form"])
        vague = e.get("vague", False)
        for x in (t, total):
            x.exp += 1
            x.exp_v += not vague
        if ei not in e_of:
            if log is not None:
                log.append(f"{sent['id']} {name} miss [{e['form']}] {e['text']!r}")
            continue
        p = preds[e_of[ei]]
        vok, uok = value_ok(p, e), unit_ok(p, e)
        cok = p.get("change", "none") == e["change"] and p.get("direction", "none") == e["direction"]
        for x in (t, total):
            x.found += 1
            x.pred += 1
            x.unit_right += uok
            if e["change"] != "none":
                x.changes += 1
                x.change_right += cok
            if not vague:
                x.pred_v += 1
                x.tp_v += vok
                x.tp_vu += vok and uok
        if log is not None and not vague and not (vok and uok):
            got = f"{p['value']}{'' if p.get('high') is None else '-' + str(p['high'])} {p['unit']} {p.get('unit_text') or ''}"
            want = f"{e['value']}{'' if e.get('high') is None else '-' + str(e['high'])} {e['unit']} {e.get('unit_text') or ''}"
            log.append(f"{sent['id']} {name} wrong [{e['form']}] {e['text']!r}: got {p['text']!r} = {got.strip()}, want {want.strip()}")
    for pi, p in enumerate(preds):
        if pi in p_of:
            continue
        total.pred += 1
        total.pred_v += 1
        hit = [ni for ni, (a, b) in enumerate(nspans) if min(b, p["end"]) > max(a, p["start"])]
        kind = nons[hit[0]]["form"] if hit else "unannotated"
        t = form(kind)
        t.pred += 1
        t.false_alarms += 1
        total.false_alarms += bool(hit)
        if log is not None:
            log.append(f"{sent['id']} {name} false [{kind}] {p['text']!r} = {p['value']} {p['unit']}")
    for n in nons:
        form(n["form"]).exp += 1
    return total, forms


def score(sentences, preds, log=None, name=""):
    by_domain, by_form, overall = {}, {}, Tally()
    for s, p in zip(sentences, preds):
        t, forms = score_sentence(s, p, log, name)
        overall.add(t)
        by_domain.setdefault(s["domain"], Tally()).add(t)
        for k, v in forms.items():
            by_form.setdefault(k, Tally()).add(v)
    return overall, by_domain, by_form


def metrics(t):
    p, r = ratio(t.found, t.pred), ratio(t.found, t.exp)
    vp, vr = ratio(t.tp_v, t.pred_v), ratio(t.tp_v, t.exp_v)
    up, ur = ratio(t.tp_vu, t.pred_v), ratio(t.tp_vu, t.exp_v)
    return {"precision": p, "recall": r, "value_f1": f1(vp, vr), "value_unit_f1": f1(up, ur),
            "unit_accuracy": ratio(t.unit_right, t.found), "change_accuracy": ratio(t.change_right, t.changes)}


# ---- output ------------------------------------------------------------------

def table(header, rows, markdown):
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
        fmt = lambda r: "  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
        lines = [fmt(header)] + [fmt(r) for r in rows]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claimcheck")
    ap.add_argument("--sentences", default=os.path.join(HERE, "sentences.jsonl"))
    ap.add_argument("--peer", choices=["auto", "rt", "none"], default="auto")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--floor", type=float)
    args = ap.parse_args()

    with open(args.sentences, encoding="utf-8") as f:
        sentences = [json.loads(line) for line in f if line.strip()]
    systems = [("claimcheck", run_claimcheck(args.claimcheck, sentences))]
    if args.peer == "rt" or (args.peer == "auto" and peer_available()):
        systems.append(("Recognizers-Text", run_peer(sentences)))
    elif args.peer == "auto":
        print("score.py: Recognizers-Text skipped (no node, or no node_modules: run 'npm ci' in bench/figures)",
              file=sys.stderr)

    log = [] if args.verbose else None
    results = [(name, score(sentences, preds, log, name)) for name, preds in systems]
    md = args.markdown
    n_fig = sum(len(s["figures"]) for s in sentences)
    n_vague = sum(1 for s in sentences for f in s["figures"] if f.get("vague"))
    n_non = sum(len(s.get("non_figures", [])) for s in sentences)
    print(f"{len(sentences)} sentences, {n_fig} figures ({n_vague} vague), {n_non} marked non-figures\n")

    # One row per domain (and per form), each cell "claimcheck / peer", so the
    # two read side by side.
    names = [name for name, _ in results]
    print("Cells: " + " / ".join(names) + "\n")
    cols = ["precision", "recall", "value_f1", "value_unit_f1", "unit_accuracy", "change_accuracy"]
    header = ["domain", "sentences", "figures", "P", "R", "value F1", "value+unit F1", "unit acc.", "change acc.",
              "false alarms"]
    rows = []
    domains = sorted({s["domain"] for s in sentences})
    for d in ["all"] + domains:
        ts = [overall if d == "all" else by_domain[d] for _, (overall, by_domain, _) in results]
        ms = [metrics(t) for t in ts]
        n = len(sentences) if d == "all" else sum(1 for s in sentences if s["domain"] == d)
        rows.append([d, str(n), str(ts[0].exp)] + [" / ".join(f"{m[c]:.2f}" for m in ms) for c in cols] +
                    [" / ".join(str(t.false_alarms) for t in ts)])
    print(table(header, rows, md))
    print()
    forms = sorted({f for _, (_, _, bf) in results for f in bf},
                   key=lambda f: (f.startswith("non-figure") or f == "unannotated", f))
    header = ["form", "n", "found", "value right", "unit right"]
    rows = []
    for f in forms:
        ts = [bf.get(f, Tally()) for _, (_, _, bf) in results]
        if f.startswith("non-figure") or f == "unannotated":
            alarms = " / ".join(str(t.false_alarms) for t in ts)
            rows.append([f, str(ts[0].exp) if f != "unannotated" else "-", f"{alarms} reported", "", ""])
        else:
            rows.append([f, str(ts[0].exp), " / ".join(str(t.found) for t in ts),
                         " / ".join(str(t.tp_v) for t in ts) + (f" of {ts[0].exp_v}" if ts[0].exp_v else ""),
                         " / ".join(str(t.unit_right) for t in ts)])
    print(table(header, rows, md))
    if log:
        print("\n" + "\n".join(log))

    cc = metrics(results[0][1][0])
    if args.floor is not None and cc["value_f1"] < args.floor:
        print(f"score.py: claimcheck value F1 {cc['value_f1']:.3f} is below the floor {args.floor:.3f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
