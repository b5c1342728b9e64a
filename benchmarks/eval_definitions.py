"""Score plainspeak's in-text definition finding on public gold standards.

Run from the repository root::

    python benchmarks/eval_definitions.py [--shared ../shared]

- Ab3P MED1250: 1,250 MEDLINE titles and abstracts with gold ``SF|LF`` pairs.
  A found pair counts when its short form and long form both equal a gold
  pair's after the same folding of both sides: case, runs of spaces, a hyphen
  or dash read as a space, a final plural "s" dropped ("RRs" filed as "RR",
  "rates" as "rate") and Greek letters spelt out ("α" as "alpha"). Nothing
  else is loosened: a long form with a word more or less is wrong. Pairs are
  counted once per record. ``--show misses`` / ``--show extras`` prints the
  gold pairs not found / the found pairs not in the gold, with some context,
  for studying the finder (never for copying text into the project).
- SDU@AAAI-22 legal dev set (an extra figure): character spans of acronyms and
  long forms. A found pair counts for precision when both its spans are gold
  spans; recall is over gold long forms found.

The data is read from ``../shared`` at run time and never copied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plainspeak.nlp.abbreviations import find_pairs  # noqa: E402


_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "μ": "mu", "ω": "omega"}


def _fold(text: str) -> str:
    """The comparison form of either side of a pair (see the module notes)."""
    for symbol, name in _GREEK.items():
        text = text.replace(symbol, f" {name} ")
    text = re.sub(r"[\s\-‐–—]+", " ", text).strip().casefold()
    return re.sub(r"(?<=[a-z]{2})s$", "", text) if len(text) > 3 else text


def _fold_pair(short: str, long_form: str) -> tuple[str, str]:
    # The short form's plural only when the rest is capitals: "RRs", not "pHs" or "cells".
    if len(short) > 2 and short.endswith("s") and short[:-1].upper() == short[:-1]:
        short = short[:-1]
    return short, _fold(long_form)


def read_ab3p(path: Path) -> list[tuple[str, list[str], set[tuple[str, str]]]]:
    """(id, [title, abstract], gold pairs) for each record of an Ab3P file."""
    records = []
    # The files are Windows-1252 with stray carriage returns inside abstracts, so read
    # without newline translation and treat a lone CR as a space.
    with path.open(encoding="cp1252", errors="replace", newline="") as handle:
        raw = handle.read().replace("\r", " ")
    for chunk in re.split(r"\n[ \t]*\n", raw):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        texts = [line for line in lines[1:] if not line.startswith("  ")]
        gold = {tuple(part.strip() for part in line.strip().split("|", 1))
                for line in lines[1:] if line.startswith("  ") and "|" in line}
        records.append((lines[0].strip(), texts, {_fold_pair(s, l) for s, l in gold}))
    return records


def score_ab3p(shared: Path, show: str = "") -> dict[str, float]:
    found_total = gold_total = correct = 0
    for pmid, texts, gold in read_ab3p(shared / "data/ab3p-med1250/MED1250_labeled"):
        found = {_fold_pair(p.short, p.long) for text in texts for p in find_pairs(text)}
        found_total += len(found)
        gold_total += len(gold)
        correct += len(found & gold)
        if show:
            _show(pmid, " ".join(texts), gold - found if show == "misses" else found - gold, found, gold)
    return _prf(correct, found_total, correct, gold_total)


def _show(pmid: str, text: str, pairs: set[tuple[str, str]], found: set, gold: set) -> None:
    """One line per pair, the other side's long forms for its short form, and context."""
    for short, long_form in sorted(pairs):
        others = sorted(l for s, l in (found | gold) - {(short, long_form)} if s == short)
        at = text.find(f"({short}")
        at = text.find(short) if at < 0 else at
        context = text[max(0, at - 80):at + len(short) + 30] if at >= 0 else ""
        print(f"{pmid}\t{short} | {long_form}\t(other: {others})\n    {context}")


def score_sdu(shared: Path) -> dict[str, float]:
    rows = json.loads((shared / "data/sdu22-legal-acronyms/dev.json").read_text(encoding="utf-8"))
    found_total = right = gold_long = long_hit = 0
    for row in rows:
        acronyms = {tuple(span) for span in row["acronyms"]}
        longs = {tuple(span) for span in row["long-forms"]}
        pairs = find_pairs(row["text"])
        found_total += len(pairs)
        spans = {(p.long_start, p.long_end) for p in pairs}
        right += sum((p.short_start, p.short_end) in acronyms and (p.long_start, p.long_end) in longs
                     for p in pairs)
        gold_long += len(longs)
        long_hit += len(longs & spans)
    return _prf(right, found_total, long_hit, gold_long)


def _prf(right: int, found: int, hit: int, gold: int) -> dict[str, float]:
    precision = 100.0 * right / found if found else 0.0
    recall = 100.0 * hit / gold if gold else 0.0
    return {"precision": round(precision, 1), "recall": round(recall, 1), "found": found, "gold": gold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--show", choices=["misses", "extras"], default="",
                        help="print the Ab3P pairs missed or found wrongly, with context")
    args = parser.parse_args()
    ab3p = score_ab3p(args.shared, args.show)
    print(f"Ab3P MED1250 definition pairs: P {ab3p['precision']} R {ab3p['recall']} "
          f"(found {ab3p['found']}, gold {ab3p['gold']}; targets P>=95 R>=88)")
    sdu = score_sdu(args.shared)
    print(f"SDU@AAAI-22 legal dev (extra): pair P {sdu['precision']} long-form R {sdu['recall']} "
          f"(found {sdu['found']}, gold long forms {sdu['gold']})")


if __name__ == "__main__":
    main()
