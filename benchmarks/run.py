"""The speed and memory figures, each a ratio or a limit measured in this one run.

Usage: ``python benchmarks/run.py [--model PATH] [--only NAME ...] [--repeat N]``

Figures (target in brackets):

- ``help``: ``plainspeak --help``, whole process (<= 0.3 s)
- ``paragraph``: ``plainspeak check`` on one paragraph, whole process (<= 1.5 s)
- ``pdf``: ``plainspeak check`` on a 72-page PDF over pdfminer.six's bare
  ``extract_text`` on it, both whole processes (<= 1.3)
- ``throughput``: words a second through the full pipeline and rules, one core,
  model loaded (>= 10,000; stretch 20,000)
- ``proselint``: ``plainspeak check`` over ``proselint`` on the same 30,000-word
  text, whole processes (<= 3); skipped with a note if proselint is not installed
- ``memory``: peak memory of ``plainspeak check`` on a 300-page PDF (<= 400 MB)

Every paper is made up by :mod:`corpus` (no real paper is read). Whole
processes run as a user runs them, on every core this script may use:
``plainspeak check`` on one paper shares its parse with a helper process, and
the tools it is compared with use one core however many there are. Each
whole-process ratio is also printed for plainspeak held to one core with
``taskset`` (``--jobs 1``), and CPU time beside wall time. BLAS has one
thread throughout. Memory is counted two ways. A process started by a
multiprocessing forkserver is not the command's child, and a forked helper
shares the model's pages with its parent, so in the memory figure's run
(and only there: the sampling takes processor time) the whole tree is sampled every
20 ms and its proportional set sizes summed (``/proc/PID/smaps_rollup``:
each shared page counted once, split among those sharing it); and the
largest single process's resident size comes from ``RUSAGE_CHILDREN`` under
a subreaper that waits for every descendant. The figure is the larger.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}

# Run as ``python -c`` around the measured command: become a subreaper so
# orphaned grandchildren (forkserver workers) are waited for here, sample the
# tree's memory, and write the figures as JSON to the file named first.
_WRAPPER = r'''
import ctypes, json, os, subprocess, sys, threading, time, resource
out_file, sampling, command = sys.argv[1], sys.argv[2] == "sample", sys.argv[3:]
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
peak = [0]
def tree_kb(root):
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                pass
    members, frontier = {root}, [root]
    while frontier:
        current = frontier.pop()
        for pid, parent in parents.items():
            if parent == current and pid not in members:
                members.add(pid)
                frontier.append(pid)
    total = 0
    for pid in members - {root}:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            pass
    return total
began = time.perf_counter()
child = subprocess.Popen(command)
def sample():
    while child.poll() is None:
        peak[0] = max(peak[0], tree_kb(os.getpid()))
        time.sleep(0.02)
sampler = threading.Thread(target=sample, daemon=True)
if sampling:
    sampler.start()
code = child.wait()
seconds = time.perf_counter() - began
deadline = time.time() + 30
while time.time() < deadline:
    try:
        if os.waitpid(-1, os.WNOHANG) == (0, 0):
            time.sleep(0.05)
    except ChildProcessError:
        break
if sampling:
    sampler.join(1)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out_file, "w") as handle:
    json.dump({"code": code, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
               "tree_kb": peak[0], "largest_kb": usage.ru_maxrss}, handle)
sys.exit(code)
'''


@dataclass
class Measured:
    """One whole-process run: exit code, output, wall time and peak memory."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    cpu_seconds: float  # user and system time of every process in the tree
    tree_mb: float  # the whole tree's proportional set sizes, summed, at their sampled peak
    largest_mb: float  # the largest single process, from RUSAGE_CHILDREN under a subreaper

    @property
    def peak_mb(self) -> float:
        return max(self.tree_mb, self.largest_mb)


def measured(command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
             timeout: float | None = None, memory: bool = False) -> Measured:
    """Run ``command`` under the wrapper and return what it measured.

    Only with ``memory`` is the tree's memory sampled: reading every process's
    ``/proc`` entries fifty times a second takes processor time from a command
    that uses every core (0.2 s of the 72-page check's 3.4 s), so the timed
    runs go without it.
    """
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        figures_file = handle.name
    try:
        wrapped = [sys.executable, "-c", _WRAPPER, figures_file, "sample" if memory else "time", *command]
        done = subprocess.run(wrapped, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        figures = json.loads(Path(figures_file).read_text() or "{}")
    finally:
        os.unlink(figures_file)
    return Measured(done.returncode, done.stdout, done.stderr, figures.get("seconds", 0.0),
                    figures.get("cpu", 0.0), figures.get("tree_kb", 0) / 1024, figures.get("largest_kb", 0) / 1024)


# Where every measured command keeps its modules' bytecode, set by main(): a
# folder of the run's own, so the checkout is never written to.
BYTECODE: dict[str, str] = {}


def plainspeak_env() -> dict[str, str]:
    """The environment of every measured command: one BLAS thread, this checkout, bytecode kept.

    A package installed with pip has its bytecode compiled at install, but
    plainspeak here runs from the checkout: where PYTHONDONTWRITEBYTECODE is
    set, each run would compile some 90 modules again (0.06 s). Each command's
    bytecode goes to one folder of this run instead (PYTHONPYCACHEPREFIX), for
    the tools compared with as for plainspeak; the best of several runs is taken,
    so the first run's compiling never counts.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **ONE_THREAD, **BYTECODE, "PYTHONPATH": str(ROOT)}


def pinned(command: list[str]) -> list[str]:
    """The command on one core, when ``taskset`` is there to do it."""
    taskset = shutil.which("taskset")
    return [taskset, "-c", str(first_core()), *command] if taskset else command


def first_core() -> int:
    try:
        return min(os.sched_getaffinity(0))
    except AttributeError:  # not on this platform
        return 0


def plainspeak(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "plainspeak", *map(str, args)]


def check(model: str | None, *args: str | Path, one_core: bool = False) -> list[str]:
    """``plainspeak check`` as a user runs it, or held to one core and one process."""
    model_args = ["--model", model] if model else []
    jobs = ["--jobs", "1"] if one_core else []
    command = plainspeak("check", *model_args, "--no-cache", "--isolated", *jobs, "--format", "json", *args)
    return pinned(command) if one_core else command


def best(repeat: int, run: Callable[[], Measured]) -> Measured:
    """The fastest of ``repeat`` runs (the others met a busier machine)."""
    runs = [run() for _ in range(repeat)]
    for item in runs:
        if item.code not in (0, 1):
            raise SystemExit(f"command failed with exit {item.code}: {item.stderr.strip()[-400:]}")
    return min(runs, key=lambda item: item.seconds)


def line(name: str, value: str, target: str, met: bool | None) -> None:
    verdict = "" if met is None else ("  ok" if met else "  MISSED")
    print(f"{name:<34} {value:<44} {f'target {target}' if target else ''}{verdict}".rstrip(), flush=True)


# --- The figures ------------------------------------------------------------


def figure_help(folder: Path, model: str | None, repeat: int) -> None:
    run = best(repeat + 2, lambda: measured(plainspeak("--help"), cwd=folder, env=plainspeak_env()))
    line("help (whole process)", f"{run.seconds:.3f} s (cpu {run.cpu_seconds:.3f} s)", "<= 0.3 s",
         run.seconds <= 0.3)


def figure_paragraph(folder: Path, model: str | None, repeat: int) -> None:
    from corpus import paragraph_text

    path = folder / "paragraph.txt"
    path.write_text(paragraph_text())
    run = best(repeat, lambda: measured(check(model, path), cwd=folder, env=plainspeak_env()))
    line("one-paragraph check (whole process)", f"{run.seconds:.2f} s (cpu {run.cpu_seconds:.2f} s)", "<= 1.5 s",
         run.seconds <= 1.5)


def figure_pdf(folder: Path, model: str | None, repeat: int) -> None:
    from corpus import pdf_paper

    path = folder / "papers-72.pdf"
    path.write_bytes(pdf_paper(72))
    bare = [sys.executable, "-c", "import sys; from pdfminer.high_level import extract_text; "
            "extract_text(sys.argv[1])", str(path)]
    pdfminer = best(repeat, lambda: measured(bare, cwd=folder, env=plainspeak_env()))
    ours = best(repeat, lambda: measured(check(model, path), cwd=folder, env=plainspeak_env()))
    alone = best(repeat, lambda: measured(check(model, path, one_core=True), cwd=folder, env=plainspeak_env()))
    ratio = ours.seconds / pdfminer.seconds
    line("72-page PDF: check / extract_text", f"{ratio:.2f} ({ours.seconds:.2f} s / {pdfminer.seconds:.2f} s; "
         f"cpu {ours.cpu_seconds:.2f} s; one core {alone.seconds / pdfminer.seconds:.2f})", "<= 1.3", ratio <= 1.3)


def figure_throughput(folder: Path, model: str | None, repeat: int) -> None:
    """Words a second through pipeline and rules, in a child pinned to one core."""
    from corpus import text_paper

    path = folder / "words-30k.txt"
    path.write_text(text_paper(30_000))
    code = (
        "import sys, time\n"
        "from plainspeak.engine import check_paper, load_glossaries\n"
        "from plainspeak.loaders import load\n"
        "from plainspeak.nlp.pipeline import build_pipeline\n"
        "from plainspeak.settings import Settings\n"
        "settings = Settings(model=sys.argv[2] or None, isolate=False)\n"
        "glossaries = load_glossaries(settings)\n"
        "nlp = build_pipeline(settings, glossaries)\n"
        "paper = load(sys.argv[1])\n"
        "check_paper(paper, settings, glossaries, nlp)\n"
        "times = []\n"
        f"for _ in range({repeat}):\n"
        "    began, cpu = time.perf_counter(), time.process_time()\n"
        "    check_paper(paper, settings, glossaries, nlp)\n"
        "    times.append((time.perf_counter() - began, time.process_time() - cpu))\n"
        "print(paper.word_count, *min(times))\n"
    )
    done = subprocess.run(pinned([sys.executable, "-c", code, str(path), model or ""]), cwd=folder,
                          env=plainspeak_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"throughput run failed: {done.stderr.strip()[-400:]}")
    words, seconds, cpu = done.stdout.split()
    rate = int(words) / float(seconds)
    line("full pipeline, one core", f"{rate:,.0f} words/s ({words} words in {float(seconds):.2f} s; "
         f"{int(words) / float(cpu):,.0f} per cpu-second)", ">= 10,000 (stretch 20,000)", rate >= 10_000)


def figure_proselint(folder: Path, model: str | None, repeat: int) -> None:
    from corpus import text_paper

    proselint = shutil.which("proselint") or shutil.which("proselint", path=str(Path(sys.executable).parent))
    if proselint is None:
        line("30,000 words: check / proselint", "skipped: proselint is not installed", "<= 3", None)
        return
    path = folder / "words-30k.txt"
    path.write_text(text_paper(30_000))
    theirs = best(repeat, lambda: measured(proselint_command(proselint, path), cwd=folder, env=plainspeak_env()))
    ours = best(repeat, lambda: measured(check(model, path), cwd=folder, env=plainspeak_env()))
    alone = best(repeat, lambda: measured(check(model, path, one_core=True), cwd=folder, env=plainspeak_env()))
    ratio = ours.seconds / theirs.seconds
    line("30,000 words: check / proselint", f"{ratio:.2f} ({ours.seconds:.2f} s / {theirs.seconds:.2f} s; "
         f"cpu {ours.cpu_seconds:.2f} s; one core {alone.seconds / theirs.seconds:.2f})", "<= 3", ratio <= 3)
    floor = best(repeat, lambda: measured(model_floor(model, path), cwd=folder, env=plainspeak_env()))
    if floor.code != 0:
        raise SystemExit(f"the floor run failed: {floor.stderr.strip()[-400:]}")
    line("  floor: spaCy alone on it", f"{floor.seconds / theirs.seconds:.2f} ({floor.seconds:.2f} s: "
         "import, load the model, parse on every core)", "", None)


# Python, spaCy and the model alone, loaded as plainspeak loads them
# (plainspeak.nlp.model.load_pipeline: the lean spaCy import, numpy's BLAS),
# then the paragraphs of the file parsed, the second half in a process forked
# after the load, as plainspeak's helper does. None of plainspeak's components
# or rules run, so no check could take less time than this.
_FLOOR = r"""
import os, sys
from plainspeak.nlp.model import load_pipeline
from plainspeak.nlp.parse import SHARED_BATCH
nlp = load_pipeline(sys.argv[1] or None)
texts = [p for p in open(sys.argv[2], encoding="utf-8").read().split("\n\n") if p.strip()]
half = len(texts) // 2
pid = os.fork()
for _doc in nlp.pipe(texts[half:] if pid == 0 else texts[:half], batch_size=SHARED_BATCH):
    pass
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
"""


def model_floor(model: str | None, path: Path) -> list[str]:
    return [sys.executable, "-c", _FLOOR, model or "", str(path)]


def proselint_command(proselint: str, path: Path) -> list[str]:
    """``proselint check FILE`` since 0.16; ``proselint FILE`` before."""
    usage = subprocess.run([proselint, "--help"], capture_output=True, text=True).stdout
    return [proselint, "check", str(path)] if " check " in usage else [proselint, str(path)]


def figure_memory(folder: Path, model: str | None, repeat: int) -> None:
    from corpus import pdf_paper

    path = folder / "papers-300.pdf"
    path.write_bytes(pdf_paper(300))
    run = measured(check(model, path), cwd=folder, env=plainspeak_env(), memory=True)
    if run.code not in (0, 1):
        raise SystemExit(f"memory run failed with exit {run.code}: {run.stderr.strip()[-400:]}")
    line("300-page PDF: peak memory", f"{run.peak_mb:.0f} MB (tree {run.tree_mb:.0f}, largest process "
         f"{run.largest_mb:.0f}; {run.seconds:.1f} s)", "<= 400 MB", run.peak_mb <= 400)


FIGURES: dict[str, Callable[[Path, str | None, int], None]] = {
    "help": figure_help,
    "paragraph": figure_paragraph,
    "pdf": figure_pdf,
    "throughput": figure_throughput,
    "proselint": figure_proselint,
    "memory": figure_memory,
}


def default_model() -> str | None:
    """None (the shipped pipeline) if it is there; otherwise stop with a clear note."""
    sys.path.insert(0, str(ROOT))
    from plainspeak.resources import model_path

    if model_path().is_dir():
        return None
    raise SystemExit(f"the shipped pipeline is not at {model_path()}; name one with --model PATH")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a spaCy pipeline name or path (default: the shipped one)")
    parser.add_argument("--only", nargs="+", choices=sorted(FIGURES), help="measure only these figures")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best counts")
    args = parser.parse_args()
    model = str(Path(args.model).resolve()) if args.model and Path(args.model).exists() else args.model
    model = model if args.model else default_model()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    print(f"model: {model or 'shipped'}; cores usable: {len(os.sched_getaffinity(0))}; "
          f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        BYTECODE["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        for name in args.only or FIGURES:
            FIGURES[name](Path(folder), model, args.repeat)


if __name__ == "__main__":
    main()
