"""Time the PDF loader against pdfminer.six's bare ``extract_text`` on one file.

Usage: ``python benchmarks/pdf_loader.py [PAPER.pdf] [--pages N]``. Without a
path it builds a text PDF of N pages (default 72) of made-up committee prose
with headings and running heads (``corpus.pdf_paper``, the paper ``run.py``
times too). Both
are timed in turn in the same run, best of three in processor time; the
target is a ratio of 1.2 or less.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpus import pdf_paper  # noqa: E402
from pdfminer.high_level import extract_text  # noqa: E402

from plainspeak.loaders import load  # noqa: E402


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
            path.write_bytes(pdf_paper(args.pages))
        load(path)  # warm imports and word lists so both timings are steady
        bare, ours = best_of(3, lambda: extract_text(str(path)), lambda: load(path))
        paper = load(path)
    print(f"file: {path.name}, {paper.pages} pages, {len(paper.blocks)} blocks")
    print(f"pdfminer extract_text: {bare:.3f} s")
    print(f"plainspeak load:       {ours:.3f} s")
    print(f"ratio: {ours / bare:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
