"""Score plainspeak's in-text definition finding on public gold standards.

Run from the repository root::

    python benchmarks/eval_definitions.py [--shared ../shared]

- Ab3P MED1250: 1,250 MEDLINE titles and abstracts with gold ``SF|LF`` pairs.
  A found pair counts when its short form is the same and its long form is the
  same after folding case and spacing; pairs are counted once per record.
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


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


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
        records.append((lines[0].strip(), texts, {(s, _fold(l)) for s, l in gold}))
    return records


def score_ab3p(shared: Path) -> dict[str, float]:
    found_total = gold_total = correct = 0
    for _pmid, texts, gold in read_ab3p(shared / "data/ab3p-med1250/MED1250_labeled"):
        found = {(p.short, _fold(p.long)) for text in texts for p in find_pairs(text)}
        found_total += len(found)
        gold_total += len(gold)
        correct += len(found & gold)
    return _prf(correct, found_total, correct, gold_total)


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
    args = parser.parse_args()
    ab3p = score_ab3p(args.shared)
    print(f"Ab3P MED1250 definition pairs: P {ab3p['precision']} R {ab3p['recall']} "
          f"(found {ab3p['found']}, gold {ab3p['gold']}; targets P>=95 R>=88)")
    sdu = score_sdu(args.shared)
    print(f"SDU@AAAI-22 legal dev (extra): pair P {sdu['precision']} long-form R {sdu['recall']} "
          f"(found {sdu['found']}, gold long forms {sdu['gold']})")


if __name__ == "__main__":
    main()
