"""Batch throughput: ``--jobs 1`` against ``--jobs 2``, and a cached re-run against a cold one.

Writes 200 papers (Markdown and text, made up by :mod:`corpus`, each from its
own seed and of its own length, so no two hash alike), then runs the real command
three times: one process and two workers, each filling a new cache as a
user's first run does, and two workers again with everything cached. Also times reading a paper in
a child process with limits (``load_isolated``, as a worker does for a PDF or
Word paper; small text and Markdown are read in place) against reading it in
place.

    python benchmarks/batch.py [--papers 200] [--words 1800] [--repeat 3] [--model NAME_OR_PATH] [--keep DIR]

Each timing is the best of ``--repeat`` runs (the others met a busier
machine); every cold run starts from an empty cache of its own.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Real committee papers run to a few thousand words: the six in ../shared/corpus/dev
# are extracts of 800 to 2,400 (1,800 on average), so that is the mean here.
MEAN_WORDS = 1_800


def write_papers(folder: Path, count: int, mean_words: int = MEAN_WORDS) -> None:
    """``count`` papers of half to one and a half times ``mean_words``, each from its own seed."""
    from corpus import sections

    rng = random.Random(20250101)
    for index in range(count):
        parts = sections(rng.randint(mean_words // 2, mean_words * 3 // 2), seed=index)
        title = f"Adult social care update {index + 1}"
        if index % 2:
            body = "\n\n".join(f"## {heading}\n\n" + "\n\n".join(paras) for heading, paras in parts)
            (folder / f"paper-{index:03d}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        else:
            body = "\n\n".join(f"{heading}\n\n" + "\n\n".join(paras) for heading, paras in parts)
            (folder / f"paper-{index:03d}.txt").write_text(f"{title.upper()}\n\n{body}\n", encoding="utf-8")


def snapshot(target: Path) -> Path:
    """A copy of the package, glossaries and model, so edits made while the benchmark
    runs neither slow it nor change the cache key between the cold and the cached run."""
    ignore = shutil.ignore_patterns("__pycache__", "build")
    for name in ("plainspeak", "glossaries", "models"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name, ignore=ignore, dirs_exist_ok=True)
    return target


def run(folder: Path, source: Path, *args: str) -> float:
    """Seconds for one ``plainspeak check`` of the folder (the report itself is thrown away)."""
    env = {**os.environ, "PYTHONPATH": str(source), "CI": "1"}
    started = time.perf_counter()
    # Run from the snapshot's parent: ``-m`` puts the working directory first on
    # the path, and the checkout's own package must not stand in for the snapshot.
    done = subprocess.run([sys.executable, "-m", "plainspeak", "check", str(folder), "--isolated",
                           "--format", "json", "--fail-on", "never", *args],
                          env=env, capture_output=True, text=True, cwd=source.parent)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"plainspeak check failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def isolation_overhead(folder: Path, samples: int = 20) -> tuple[float, float]:
    """Mean seconds to read one paper in place and in a child process with limits."""
    sys.path.insert(0, str(ROOT))
    from plainspeak.loaders import load, load_isolated
    from plainspeak.runner.pool import preload_readers

    preload_readers()  # as each worker does

    papers = sorted(folder.iterdir())[:samples]
    load_isolated(papers[0])  # start the fork server once, as a worker does
    timings = []
    for reader in (load, load_isolated):
        started = time.perf_counter()
        for paper in papers:
            reader(paper)
        timings.append((time.perf_counter() - started) / len(papers))
    return timings[0], timings[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=200)
    parser.add_argument("--words", type=int, default=MEAN_WORDS, help="mean words a paper")
    parser.add_argument("--model", help="spaCy pipeline name or path (default: the shipped one)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; the fastest counts")
    parser.add_argument("--keep", type=Path, help="write the papers and cache here and keep them")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="plainspeak-batch-"))
    papers = work / "papers"
    papers.mkdir(parents=True, exist_ok=True)
    write_papers(papers, options.papers, options.words)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in papers.iterdir())
    model = ["--model", options.model] if options.model else []
    source = snapshot(work / "source")
    try:
        ones, colds = [], []
        for attempt in range(options.repeat):  # alternated, so a busy spell hits both kinds alike
            for jobs, times in (("1", ones), ("2", colds)):
                cache = work / f"cache-{jobs}-{attempt}"
                shutil.rmtree(cache, ignore_errors=True)
                times.append(run(papers, source, "--jobs", jobs, "--cache-dir", str(cache), *model))
        one, cold = min(ones), min(colds)
        filled = work / f"cache-2-{options.repeat - 1}"  # the last two-worker run's
        warm = min(run(papers, source, "--jobs", "2", "--cache-dir", str(filled), *model)
                   for _ in range(options.repeat))
        in_place, isolated = isolation_overhead(papers)
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"papers: {options.papers} ({words:,} words), cores: {os.cpu_count()}")
    print(f"--jobs 1, cold cache:    {one:7.2f} s")
    print(f"--jobs 2, cold cache:    {cold:7.2f} s")
    print(f"--jobs 2, all cached:    {warm:7.2f} s")
    print(f"jobs 2 / jobs 1 throughput: {one / cold:5.2f}x (target >= 1.8x)")
    print(f"cached / cold speed-up:     {cold / warm:5.1f}x (target >= 20x)")
    print(f"reading one paper: {in_place * 1000:.1f} ms in place, {isolated * 1000:.1f} ms in a child "
          f"process with limits (+{(isolated - in_place) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
