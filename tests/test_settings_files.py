"""Files a run's settings name are looked at before they are read.

``--config``, ``--baseline``, ``--ignore-file`` and a config's ``names_file``
may come from someone else's repository. A pipe there hung the run for ever,
and a link to /dev/zero filled the memory; a broken pyproject.toml above the
paper, a deeply nested file or a byte-order mark ended in "unexpected error".
Each is now one clear line with its own code, exit 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_robust_cli import run_cli

NEEDS_PIPES = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                 reason="needs named pipes and /dev/zero")


def _paper(folder: Path) -> Path:
    path = folder / "paper.txt"
    path.write_text("The board agreed the plan for the year.\n", encoding="utf-8")
    return path


def _special(folder: Path, name: str, kind: str) -> Path:
    path = folder / name
    if kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


@NEEDS_PIPES
@pytest.mark.parametrize("kind", ["pipe", "zero"])
@pytest.mark.parametrize("option, name, code", [
    ("--config", "plainspeak.toml", "E202"), ("--baseline", "baseline.json", "E203"),
    ("--ignore-file", ".plainspeakignore.toml", "E203"),
])
def test_a_pipe_or_device_named_by_an_option_is_refused_at_once(blank_model, tmp_path, kind, option, name, code):
    paper = _paper(tmp_path)
    special = _special(tmp_path, name, kind)
    run = run_cli("check", "--model", blank_model, "--no-cache", option, special, paper, cwd=tmp_path, timeout=60)
    assert run.code == 2, run.stderr
    assert code in run.stderr and "pipe or device" in run.stderr and "Traceback" not in run.stderr
    assert run.seconds < 30


@NEEDS_PIPES
def test_a_names_file_that_is_a_pipe_is_refused_at_once(blank_model, tmp_path):
    paper = _paper(tmp_path)
    _special(tmp_path, "names.txt", "pipe")
    (tmp_path / "plainspeak.toml").write_text('names_file = "names.txt"\n', encoding="utf-8")
    run = run_cli("check", "--model", blank_model, "--no-cache", paper, cwd=tmp_path, timeout=60)
    assert run.code == 2 and "pipe or device" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("file, text, code", [
    ("plainspeak.toml", "\ufeffselect = []\n", None),  # a byte-order mark an editor added
    ("pyproject.toml", "tool = [1]\n", None),  # someone else's project: not our config
    ("plainspeak.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n", "E202"),
])
def test_odd_config_files_are_read_or_refused_in_one_line(blank_model, tmp_path, file, text, code):
    (tmp_path / file).write_text(text, encoding="utf-8")
    run = run_cli("check", "--model", blank_model, "--no-cache", _paper(tmp_path), cwd=tmp_path, timeout=120)
    assert "Traceback" not in run.stderr and "unexpected error" not in run.stderr
    if code is None:
        assert run.code == 0, run.stderr
    else:
        assert run.code == 2 and code in run.stderr


def test_a_baseline_nested_too_deeply_or_with_a_huge_number_is_refused(blank_model, tmp_path):
    for text in ("[" * 100_000 + "]" * 100_000, '{"schema_version": ' + "9" * 5000 + "}"):
        (tmp_path / "baseline.json").write_text(text, encoding="utf-8")
        run = run_cli("check", "--model", blank_model, "--no-cache", "--baseline", "baseline.json",
                      _paper(tmp_path), cwd=tmp_path, timeout=120)
        assert run.code == 2 and "E203" in run.stderr and "Traceback" not in run.stderr
