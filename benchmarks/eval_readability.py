"""Measure the readability rules against the gold hard passages of the dev corpus.

Usage: python benchmarks/eval_readability.py [--corpus DIR] [--model NAME_OR_PATH] [--show-missed]

For every ``*.gold.json`` in the corpus (default ``../shared/corpus/dev``) it
loads the ``.txt`` paper with ``plainspeak.load``, checks it with the
default settings (readability rules only), and prints:

- recall of the gold ``hard_passages``. A gold passage spans from its
  ``snippet`` (the sentence's first twelve words, found in the paper text with
  spacing folded) to the end of its ``sentence_words`` words. It is *found*
  when a sentence-level readability finding (PS201, PS202, PS203, PS204,
  PS301) starts inside that span. Paper-level findings (PS205 paragraphs,
  PS302/PS303 formats and units) do not count: they are not about the
  sentence, and a paragraph finding would match every sentence in it.
  Spans, not sentence texts, are compared, so a paper split into sentences
  differently from the annotator still matches.
- the readability findings (PS2xx/PS3xx) on the Easy Read control (``10_*``),
  which should have almost none;
- readability findings per paper, by code, and the words a second the whole
  pipeline ran at.

Targets: recall >= 85 %; Easy Read control <= 2 findings.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plainspeak.engine import check_paper, load_glossaries  # noqa: E402
from plainspeak.loaders import load  # noqa: E402
from plainspeak.rules.base import all_rules  # noqa: E402
from plainspeak.settings import Settings  # noqa: E402

SENTENCE_CODES = {"PS201", "PS202", "PS203", "PS204", "PS301"}
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def gold_span(text: str, snippet: str, words: int) -> tuple[int, int] | None:
    """Where a gold sentence is in the paper text: its snippet to its last word."""
    pattern = r"\s+".join(re.escape(w) for w in snippet.split())
    match = re.search(pattern, text)
    if match is None:
        return None
    ends = [m.end() for m in re.finditer(r"\S+", text[match.start():])]
    end = match.start() + ends[min(words, len(ends)) - 1]
    return match.start(), end


def evaluate(path: Path, settings: Settings, glossaries, show_missed: bool) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    paper_path = path.with_name(path.name.replace(".gold.json", ".txt"))
    paper = load(paper_path)
    began = time.perf_counter()
    result = check_paper(paper, settings, glossaries)
    seconds = time.perf_counter() - began
    ours = [f for f in result.findings if f.code.startswith(("PS2", "PS3"))]
    found, missing, unplaced = 0, [], 0
    for passage in gold.get("hard_passages", []):
        span = gold_span(paper.text, passage["snippet"], passage["sentence_words"])
        if span is None:
            unplaced += 1
            missing.append(passage)
            continue
        if any(f.code in SENTENCE_CODES and span[0] <= f.start < span[1] for f in ours):
            found += 1
        else:
            missing.append(passage)
    if show_missed:
        for passage in missing:
            print(f"    missed ({passage['why']}; {passage['sentence_words']} words): {passage['snippet']}")
    return {"name": paper_path.stem, "gold": len(gold.get("hard_passages", [])), "found": found,
            "unplaced": unplaced, "findings": Counter(f.code for f in ours), "words": paper.word_count,
            "seconds": seconds, "summary": result.summary.get("readability", {})}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path (default: the shipped one)")
    parser.add_argument("--show-missed", action="store_true")
    args = parser.parse_args(argv)
    # Only the readability rules run: the figures are theirs alone.
    others = {rule.code for rule in all_rules() if not rule.code.startswith(("PS2", "PS3"))}
    settings = Settings(model=args.model, isolate=False, ignore=others)
    glossaries = load_glossaries(settings)
    rows = []
    for gold_path in sorted(args.corpus.glob("*.gold.json")):
        rows.append(evaluate(gold_path, settings, glossaries, args.show_missed))
        row = rows[-1]
        summary = row["summary"]
        print(f"{row['name']}: gold {row['found']}/{row['gold']} found; findings "
              f"{sum(row['findings'].values())} {dict(sorted(row['findings'].items()))}; "
              f"reading age {summary.get('reading_age')}, hard share {summary.get('hard_share')}, "
              f"passive share {summary.get('passive_share')}")
    report(rows)
    return 0


def report(rows: list[dict]) -> None:
    gold = sum(r["gold"] for r in rows)
    found = sum(r["found"] for r in rows)
    control = [r for r in rows if r["name"].startswith("10_")]
    control_findings = sum(sum(r["findings"].values()) for r in control)
    words = sum(r["words"] for r in rows[1:]) if len(rows) > 1 else 0
    seconds = sum(r["seconds"] for r in rows[1:])  # the first paper pays for loading the model
    print(f"\nrecall of gold hard passages: {found}/{gold} = {found / gold:.1%} (target >= 85%)" if gold else "")
    print(f"unplaced gold snippets: {sum(r['unplaced'] for r in rows)}")
    print(f"Easy Read control readability findings: {control_findings} (target <= 2)")
    print(f"readability findings, all papers: {sum(sum(r['findings'].values()) for r in rows)}")
    if seconds:
        print(f"whole pipeline speed (papers after the first): {words / seconds:,.0f} words/s")


if __name__ == "__main__":
    raise SystemExit(main())
