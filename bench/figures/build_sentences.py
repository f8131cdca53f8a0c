#!/usr/bin/env python3
"""build_sentences.py — sentences.txt (the annotated source) -> sentences.jsonl.

sentences.txt holds one sentence a line under "# domain: NAME" headers; each
figure and each non-figure is marked in place as [[text|SPEC]]:

    The Hawks won [[3-1|- score]] before [[41,200|41200 plain]] fans.

SPEC for a figure is its value, then any of: a unit (count, percent, points,
usd, multiplier, year; a three-letter ISO code for another currency; dur:UNIT,
rate:PER, other:UNITTEXT), hi=HIGH for a range, abs|rel|mul for a change,
up|down for its direction, vague; and last the form (see FORMS). SPEC for a
non-figure is "-" and its form (see NON_FIGURE_FORMS). The unit defaults to
count. README.md gives the annotation conventions.
"""
import json
import re
import sys

FORMS = {
    "plain", "decimal", "percent", "points", "money", "currency-glued", "currency-code",
    "scale-word", "unit", "unit-glued", "range", "change", "multiple", "negative",
    "number-word", "share", "vague", "rate", "duration", "compound", "odd",
}
NON_FIGURE_FORMS = {"name", "score", "date", "date-span", "time", "year", "phone", "address", "ordinal"}
UNITS = {"count", "percent", "points", "usd", "multiplier", "year"}
CHANGES = {"abs": "absolute", "rel": "relative", "mul": "multiple"}
DURATIONS = {"day", "week", "month", "year", "hour", "minute", "second"}
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def parse_spec(text, spec, where):
    tokens = spec.split()
    if tokens[0] == "-":
        if len(tokens) != 2 or tokens[1] not in NON_FIGURE_FORMS:
            raise ValueError(f"{where}: non-figure needs one form of {sorted(NON_FIGURE_FORMS)}: {spec!r}")
        return None, {"text": text, "form": "non-figure-" + tokens[1]}
    fig = {"text": text, "value": float(tokens[0]), "high": None, "unit": "count", "unit_text": None,
           "per": None, "change": "none", "direction": "none"}
    form = tokens[-1]  # the last token is the form; "percent" there is the form, before it the unit
    if form not in FORMS:
        raise ValueError(f"{where}: the last token must be a form of {sorted(FORMS)}: {spec!r}")
    if form == "vague":
        fig["vague"] = True
    for t in tokens[1:-1]:
        if t in UNITS:
            fig["unit"] = t
            if t == "usd":
                fig["unit_text"] = "USD"
        elif re.fullmatch(r"[A-Z]{3}", t):
            fig["unit"], fig["unit_text"] = ("usd", "USD") if t == "USD" else ("currency", t)
        elif t.startswith("dur:"):
            fig["unit"], fig["unit_text"] = "duration", t[4:]
            if t[4:] not in DURATIONS:
                raise ValueError(f"{where}: unknown duration unit {t!r}")
        elif t.startswith("rate:"):
            fig["unit"], fig["per"] = "rate", float(t[5:])
        elif t.startswith("other:"):
            fig["unit"], fig["unit_text"] = "other", t[6:]
        elif t.startswith("hi="):
            fig["high"] = float(t[3:])
        elif t in CHANGES:
            fig["change"] = CHANGES[t]
        elif t in ("up", "down"):
            fig["direction"] = t
        elif t == "vague":
            fig["vague"] = True
        else:
            raise ValueError(f"{where}: unknown token {t!r} in {spec!r}")
    fig["form"] = form
    for k in ("value", "high", "per"):
        if fig[k] is not None and fig[k] == int(fig[k]) and abs(fig[k]) < 1e15:
            fig[k] = int(fig[k])
    return fig, None


def build(lines):
    rows, counts, domain = [], {}, None
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        m = re.match(r"#\s*domain:\s*(\S+)", line)
        if m:
            domain = m.group(1)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if domain is None:
            raise ValueError(f"line {n}: sentence before any '# domain:' header")
        figures, non_figures, removed = [], [], 0
        for mk in MARK.finditer(line):
            fig, non = parse_spec(mk.group(1), mk.group(2), f"line {n}")
            span = fig or non
            span["start"] = mk.start() - removed  # character offset in the plain sentence
            removed += len(mk.group(0)) - len(mk.group(1))
            (figures if fig else non_figures).append(span)
        text = MARK.sub(lambda mk: mk.group(1), line)
        if "[[" in text or "]]" in text:
            raise ValueError(f"line {n}: unbalanced mark")
        counts[domain] = counts.get(domain, 0) + 1
        rows.append({"id": f"{domain}-{counts[domain]:03d}", "domain": domain, "text": text,
                     "figures": figures, "non_figures": non_figures})
    return rows


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "sentences.txt"
    out = sys.argv[2] if len(sys.argv) > 2 else "sentences.jsonl"
    with open(src, encoding="utf-8") as f:
        rows = build(f)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    figs = sum(len(r["figures"]) for r in rows)
    nons = sum(len(r["non_figures"]) for r in rows)
    print(f"{len(rows)} sentences, {figs} figures, {nons} non-figures -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
