#!/usr/bin/env python3
"""bench/make_corpus.py — builds a scaled copy of a folder of text files.

    make_corpus.py SRC DEST SCALE distinct|plain

DEST gets SCALE folders copy0 .. copy{SCALE-1}. copy0 holds the files as they
are. In `plain` mode every other copy is the same files again (how a corpus
never grows). In `distinct` mode (how a corpus does grow: new documents, new
figures) each later copy has its numbers changed:

- every number written with digits ("79", "1,200", "3.5", "$2,500") is
  multiplied by a factor of that copy, in [0.55, 1.55) (golden-ratio steps,
  so copies spread evenly), and written back with the same number of decimals
  and the same thousands separators; a result of 0 becomes 1;
- a number followed by "%" or "percent" stays a share: above 100 it wraps
  (value mod 100, at least 1);
- years (four digits 1600-2100 without a separator) are left alone, so the
  periods the text states stay real ones; so are digit groups with a leading
  zero ("47 000").

The same figure thus recurs across copies only by coincidence, as it would in
documents written by other people, and the density of every value grows with
the corpus as it would in a real one. Deterministic: the same SRC gives the
same bytes.
"""
import os
import re
import shutil
import sys

NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])(\s*(?:%|percent\b))?")


def factor(copy: int) -> float:
    return 0.55 + ((copy * 0.6180339887498949) % 1.0)


def change(text: str, f: float) -> str:
    def repl(m: re.Match) -> str:
        whole, frac, pct = m.group(1), m.group(2) or "", m.group(3) or ""
        if not frac and not pct and "," not in whole and len(whole) == 4 and 1600 <= int(whole) <= 2100:
            return m.group(0)
        if len(whole) > 1 and whole.startswith("0"):  # "47 000", "007": digits, not a number
            return m.group(0)
        value = float(whole.replace(",", "") + frac)
        new = value * f
        if pct and new > 100:
            new = new % 100
        decimals = len(frac) - 1 if frac else 0
        new = round(new, decimals)
        if new == 0:
            new = 1
        s = f"{new:,.{decimals}f}" if "," in whole else f"{new:.{decimals}f}"
        return s + pct

    return NUMBER.sub(repl, text)


def main() -> int:
    if len(sys.argv) != 5 or sys.argv[4] not in ("distinct", "plain"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    src, dest, scale, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
    tmp = dest + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    for copy in range(scale):
        out = os.path.join(tmp, f"copy{copy}")
        os.makedirs(out)
        for name in names:
            if copy == 0 or mode == "plain":
                shutil.copyfile(os.path.join(src, name), os.path.join(out, name))
                continue
            with open(os.path.join(src, name), encoding="utf-8") as fin:
                text = fin.read()
            with open(os.path.join(out, name), "w", encoding="utf-8") as fout:
                fout.write(change(text, factor(copy)))
    os.rename(tmp, dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
