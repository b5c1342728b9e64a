"""Time the PDF loader against pdfminer.six's bare ``extract_text`` on one file.

Usage: ``python benchmarks/pdf_loader.py [PAPER.pdf] [--pages N]``. Without a
path it builds a text PDF of N pages (default 72) of made-up committee prose
with headings and running heads, using the test fixtures' PDF generator. Both
are timed in turn in the same run, best of three in processor time; the
target is a ratio of 1.2 or less.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fixtures")]

from make_pdf import Page, build_pdf  # noqa: E402
from pdfminer.high_level import extract_text  # noqa: E402

from plainspeak.loaders import load  # noqa: E402

SUBJECTS = ["The committee", "The finance team", "Each ward partnership", "The care home sector",
            "Our community nursing service", "The housing board", "Local residents", "The review panel"]
VERBS = ["noted", "agreed", "asked for", "questioned", "welcomed", "set aside", "recommended", "deferred"]
OBJECTS = ["the revised spending plan", "a report on waiting times", "the winter pressures money",
           "changes to the transport contract", "a survey of unpaid carers", "the new cleaning rota",
           "an update on school meals", "the risk register for the coming quarter"]
TAILS = ["before the next meeting.", "with some reservations.", "after a long discussion.",
         "subject to legal advice.", "and thanked the officers.", "so that families are told sooner.",
         "because costs rose faster than planned.", "in line with the agreed timetable."]


def sentence(rng: random.Random) -> str:
    return " ".join((rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)))


def build(pages: int, seed: int = 11) -> bytes:
    """A PDF of ``pages`` A4 pages of wrapped paragraphs under headings."""
    rng = random.Random(seed)
    out: list[Page] = []
    for number in range(1, pages + 1):
        page = Page()
        page.text(72, 806, "Joint Health and Care Committee - public papers")
        y = 770.0
        while y > 110:
            if rng.random() < 0.15:
                page.text(72, y, f"{number}.{rng.randint(1, 9)} {rng.choice(OBJECTS).capitalize()}", size=13)
                y -= 22
            lines = textwrap.wrap(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))), 92)
            y = page.lines(72, y, lines[: max(1, int((y - 90) // 12))]) - 8
        page.text(290, 40, f"Page {number} of {pages}")
        out.append(page)
    return build_pdf(out, title="Benchmark paper")


def best_of(runs: int, *works) -> list[float]:
    """Best processor time of each piece of work, taking turns so both see the same load.

    Processor time rather than the wall clock: on a busy machine the wall
    clock mostly measures the other programs.
    """
    best = [float("inf")] * len(works)
    for _ in range(runs):
        for index, work in enumerate(works):
            began = time.process_time()
            work()
            best[index] = min(best[index], time.process_time() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paper", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=72)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.paper
        if path is None:
            path = Path(folder) / "benchmark.pdf"
            path.write_bytes(build(args.pages))
        load(path)  # warm imports and word lists so both timings are steady
        bare, ours = best_of(3, lambda: extract_text(str(path)), lambda: load(path))
        paper = load(path)
    print(f"file: {path.name}, {paper.pages} pages, {len(paper.blocks)} blocks")
    print(f"pdfminer extract_text: {bare:.3f} s")
    print(f"plainspeak load:       {ours:.3f} s")
    print(f"ratio: {ours / bare:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
