"""Measure the shipped pipeline's load time and throughput on one CPU core.

Usage: python benchmarks/model_speed.py [--model PATH] [--text FILE] [--repeat N]

The text defaults to the raw sentences of the UD English EWT test set in
``../shared`` (read at run time, never copied); any UTF-8 file will do instead.
Prints one ``name: value`` line per figure so the numbers can be pasted or parsed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# Pin to one core and one BLAS thread before numpy is imported, so the figure is
# what a single worker gets.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import spacy  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from plainspeak.nlp.model import use_numpy_blas  # noqa: E402
EWT_TEST = REPO.parent / "shared" / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu"
DEFAULT_MODEL = REPO / "models" / "en_plainspeak_ewt"
SENTENCES_PER_TEXT = 10


def conllu_texts(path: Path) -> list[str]:
    """Raw sentence texts from a CoNLL-U file, grouped ten to a text like the training docs."""
    sentences = [
        line.split("=", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text =")
    ]
    return [
        " ".join(sentences[i : i + SENTENCES_PER_TEXT])
        for i in range(0, len(sentences), SENTENCES_PER_TEXT)
    ]


def plain_texts(path: Path) -> list[str]:
    """Paragraphs of a plain text file."""
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    return [p.strip() for p in paragraphs if p.strip()]


def time_load(model: Path, repeat: int) -> tuple[float, float]:
    """First load and median load in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        spacy.load(model)
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times)


def time_pipe(nlp: spacy.language.Language, texts: list[str], repeat: int) -> tuple[int, float]:
    """Words (non-space tokens) and the best words per second over ``repeat`` passes."""
    best = 0.0
    words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=256))
        elapsed = time.perf_counter() - start
        words = sum(1 for doc in docs for token in doc if not token.is_space)
        best = max(best, words / elapsed)
    return words, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--text", type=Path, default=None, help="plain text file (default: EWT test)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--blis", action="store_true",
                        help="multiply through thinc's default, blis, instead of numpy's BLAS as plainspeak does")
    args = parser.parse_args()

    texts = plain_texts(args.text) if args.text else conllu_texts(EWT_TEST)
    first_load, median_load = time_load(args.model, args.repeat)
    nlp = spacy.load(args.model)
    if not args.blis:
        use_numpy_blas(nlp)
    list(nlp.pipe(texts[:5]))  # the first batch builds lazy tables; keep it out of the timing
    words, words_per_second = time_pipe(nlp, texts, args.repeat)

    print(f"model: {args.model}")
    print(f"pipeline: {','.join(nlp.pipe_names)}")
    print(f"matrix products: {'blis' if args.blis else 'numpy BLAS'}")
    print(f"cores: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else 'all'}")
    print(f"texts: {len(texts)}")
    print(f"words: {words}")
    print(f"words_per_second: {words_per_second:.0f}")
    print(f"load_seconds_first: {first_load:.3f}")
    print(f"load_seconds_median: {median_load:.3f}")


if __name__ == "__main__":
    main()
