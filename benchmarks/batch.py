"""Batch throughput: ``--jobs 1`` against ``--jobs 2``, and a cached re-run against a cold one.

Writes 200 papers (Markdown and text, each a different mix of the paragraphs
below with its own numbers, so no two hash alike), then runs the real command
three times: one process without the cache, two workers filling a new cache,
and two workers again with everything cached. Also times reading a paper in
a child process with limits (``load_isolated``, as a worker does for a PDF or
Word paper; small text and Markdown are read in place) against reading it in
place.

    python benchmarks/batch.py [--papers 200] [--model NAME_OR_PATH] [--keep DIR]
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

PARAGRAPHS = (
    "The board is asked to note the forecast outturn for adult social care of £{a}.{b}m against a "
    "budget of £{c}.{d}m, an overspend of £{e}.{b}m that is mainly due to more people needing care at home.",
    "Since the last meeting {a} more families have asked for help with the cost of care, and the team "
    "has answered {c} of them within ten working days.",
    "Officers propose a virement of £{e}00k from the transport reserve to the carers support budget, "
    "which would be considered by Cabinet once the detailed proposals had been received from partners.",
    "Direct payments (money paid to a person so they can arrange their own care) were used by {a} "
    "people this year, up from {c} the year before.",
    "The Better Care Fund (BCF) brings together NHS and council money. The BCF plan for {y}/{z} "
    "keeps the same priorities: getting people home from hospital quickly and keeping them well.",
    "We asked {c} people who draw on care what they thought of the new reablement service. Most said "
    "the staff were kind and the visits came on time, but {e} said they were not told when it would end.",
    "The precept for {y}/{z} is expected to rise by {b}.{e}%, subject to the decision of full Council "
    "in February, and the Section 151 officer will report on the robustness of the estimates.",
    "Capital spending on the new day centre is £{a}.{d}m, of which £{e}.{b}m is funded by grants and "
    "the rest by prudential borrowing over {c} years.",
    "Residents told us the old leaflets were hard to follow. The new ones use short sentences, "
    "explain every word we have to use, and were tested with {e} readers before printing.",
    "The integrated care board (ICB) has agreed to fund {a} extra hospital discharge beds this winter, "
    "and the council will provide the care workers needed to staff them.",
    "Recommendation {b}: that the Committee agrees the revised eligibility guidance and asks officers "
    "to report back on its effect in {c} months.",
    "Workforce vacancies in home care fell from {c} to {e} over the year, following the pay rise "
    "agreed in April and a recruitment campaign run with local colleges.",
)


def write_papers(folder: Path, count: int) -> None:
    """``count`` papers of 8-12 paragraphs each, every one with different figures."""
    rng = random.Random(20250101)
    for index in range(count):
        figures = {k: rng.randint(2, 9) for k in "abcde"} | {"y": 2024 + index % 3, "z": 25 + index % 3}
        chosen = rng.sample(PARAGRAPHS, k=rng.randint(8, 12))
        body = "\n\n".join(p.format(**figures) for p in chosen)
        title = f"Adult social care update {index + 1}"
        if index % 2:
            (folder / f"paper-{index:03d}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        else:
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
    parser.add_argument("--model", help="spaCy pipeline name or path (default: the shipped one)")
    parser.add_argument("--keep", type=Path, help="write the papers and cache here and keep them")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="plainspeak-batch-"))
    papers, cache = work / "papers", work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    papers.mkdir(parents=True, exist_ok=True)
    write_papers(papers, options.papers)
    model = ["--model", options.model] if options.model else []
    source = snapshot(work / "source")
    try:
        one = run(papers, source, "--jobs", "1", "--no-cache", *model)
        cold = run(papers, source, "--jobs", "2", "--cache-dir", str(cache), *model)
        warm = run(papers, source, "--jobs", "2", "--cache-dir", str(cache), *model)
        in_place, isolated = isolation_overhead(papers)
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"papers: {options.papers}, cores: {os.cpu_count()}")
    print(f"--jobs 1, no cache:      {one:7.2f} s")
    print(f"--jobs 2, cold cache:    {cold:7.2f} s")
    print(f"--jobs 2, all cached:    {warm:7.2f} s")
    print(f"jobs 2 / jobs 1 throughput: {one / cold:5.2f}x (target >= 1.8x)")
    print(f"cached / cold speed-up:     {cold / warm:5.1f}x (target >= 20x)")
    print(f"reading one paper: {in_place * 1000:.1f} ms in place, {isolated * 1000:.1f} ms in a child "
          f"process with limits (+{(isolated - in_place) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
