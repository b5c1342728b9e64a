"""Each hostile paper through the real command: one clear answer, in time, in memory, file untouched.

The command runs in a subprocess exactly as a user runs it (``python -m
plainspeak check FILE``), under the benchmark's wrapper, which reports the
peak resident memory of the whole process tree, forkserver workers included
(``RUSAGE_CHILDREN`` alone never sees them). The spaCy pipeline
is the shared ``blank_model`` (``spacy.blank("en")`` with a sentencizer,
saved to disk): what is under test is the handling of the file, not the model.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.run import measured
from tests.test_robust_files import CASE_BY_NAME, CASES, SECRET, Case, write_case

REPO = Path(__file__).resolve().parents[1]
TIME_LIMIT_S = 60.0  # the default per-paper limit a user gets
MEMORY_CAP_MB = 1536  # the default cap on a reader's memory; the whole tree must stay under it


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the whole process tree, forkserver workers included

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def lines(self) -> list[str]:
        """The lines the user sees on stderr."""
        return [line for line in self.stderr.splitlines() if line.strip()]

    def report(self) -> dict:
        return json.loads(self.stdout)


def run_cli(*args: str | Path, cwd: Path, timeout: float = 300) -> Run:
    """``python -m plainspeak ARGS`` in ``cwd``, timed, with its process tree's peak memory."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = measured([sys.executable, "-m", "plainspeak", *map(str, args)], cwd=cwd, env=env, timeout=timeout)
    return Run(done.code, done.stdout, done.stderr, done.seconds, done.peak_mb)


def check_args(model: str | Path, *extra: str | Path) -> list[str | Path]:
    """``check`` with the blank model, JSON out, no cache and no config found by accident."""
    return ["check", "--model", model, "--format", "json", "--no-cache", "--isolated", *extra]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_clear_answer(case: Case, paper: dict, lines: list[str]) -> None:
    """The paper's entry in the JSON report and the stderr lines say the right thing."""
    name = case.name
    error = paper.get("error")
    if error is not None:
        assert case.codes, f"{name}: unexpected error {error['message']}"
        assert error["code"] in case.codes, f"{name}: {error['message']}"
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, f"{name}: expected one line about it, got {mine}"
        line = mine[0]
        assert line.startswith("plainspeak: ") and f"[{error['code']}]" in line and " - " in line
        return
    assert not case.unreadable, f"{name}: read, but should have been refused with {case.codes}"
    codes = {finding["code"] for finding in paper["findings"]}
    assert set(case.notices) <= codes, f"{name}: expected {case.notices}, got {sorted(codes)}"
    assert paper["format"] in ("docx", "pdf", "text", "markdown")


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_hostile_paper_alone(case, blank_model, tmp_path):
    path = write_case(case, tmp_path)
    before = digest(path)
    run = run_cli(*check_args(blank_model, "--jobs", "1", path.name), cwd=tmp_path)
    assert "Traceback" not in run.output
    assert SECRET not in run.output
    report = run.report()
    [paper] = report["papers"]
    assert_clear_answer(case, paper, run.lines())
    if paper.get("error") is not None:
        assert run.code == 3
    else:
        assert run.code in (0, 1)
    assert run.seconds < TIME_LIMIT_S, f"{case.name} took {run.seconds:.1f} s"
    assert run.peak_mb < MEMORY_CAP_MB, f"{case.name} peaked at {run.peak_mb:.0f} MB"
    assert digest(path) == before


def test_one_unreadable_paper_in_text_format_is_one_line(blank_model, tmp_path):
    path = write_case(CASE_BY_NAME["laughs.docx"], tmp_path)
    run = run_cli("check", "--model", blank_model, "--no-cache", "--isolated", path.name, cwd=tmp_path)
    assert run.code == 3
    assert "Traceback" not in run.output
    assert "laughs.docx" not in run.stdout  # the text report's stdout is findings and the totals
    [line] = [line for line in run.stderr.splitlines() if "laughs.docx" in line]
    assert line.startswith("plainspeak: laughs.docx: the file is damaged and cannot be read (")
    assert line.endswith("[E107] - export the paper again from the program that made it")


def test_help_is_quick_and_imports_nothing_heavy(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "plainspeak", "--help"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "check" in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not imported & {"spacy", "thinc", "numpy", "pdfminer", "docx", "lxml", "yaml", "wordfreq"}
