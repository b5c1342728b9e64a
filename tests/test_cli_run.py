"""The console script leaves the process at once, with its output whole and its exit code kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import plainspeak.cli as cli
from tests.helpers import LONG, run_plainspeak


class Left(Exception):
    """Raised by the stand-in for ``os._exit``, with the code the process would have ended with."""


@pytest.fixture
def left(monkeypatch: pytest.MonkeyPatch) -> None:
    def leave(code: int) -> None:
        raise Left(code)

    monkeypatch.setattr(cli.os, "_exit", leave)


@pytest.mark.parametrize("code, expected", [(0, 0), (1, 1), (3, 3), (None, 0)])
def test_the_exit_code_of_main_is_the_process_exit_code(
        monkeypatch: pytest.MonkeyPatch, left: None, code: int | None, expected: int) -> None:
    def main() -> None:
        raise SystemExit(code)

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(Left) as leaving:
        cli.run()
    assert leaving.value.args == (expected,)


def test_a_message_for_an_exit_is_printed_and_gives_1(
        monkeypatch: pytest.MonkeyPatch, left: None, capsys: pytest.CaptureFixture[str]) -> None:
    def main() -> None:
        raise SystemExit("plainspeak: something went wrong")

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(Left) as leaving:
        cli.run()
    assert leaving.value.args == (1,)
    assert "something went wrong" in capsys.readouterr().err


def test_a_run_stopped_by_ctrl_c_leaves_the_ordinary_way(monkeypatch: pytest.MonkeyPatch, left: None) -> None:
    def main() -> None:
        raise SystemExit(cli.INTERRUPTED)

    monkeypatch.setattr(cli, "main", main)
    with pytest.raises(SystemExit) as leaving:  # not Left: the exit handlers run
        cli.run()
    assert leaving.value.code == 130


def test_a_long_report_reaches_a_pipe_whole(tmp_path: Path) -> None:
    # Enough findings that the JSON is far more than a pipe holds at once.
    paper = tmp_path / "long.md"
    paper.write_text("\n\n".join(f"{LONG} It was paragraph {n}." for n in range(150)), encoding="utf-8")
    run = run_plainspeak("check", "--isolated", "--no-cache", "--format", "json", "--fail-on", "suggestion",
                         paper, cwd=tmp_path)
    assert len(run.stdout) > 200_000
    report = json.loads(run.stdout)  # whole: cut short, it would not parse
    findings = [f for p in report["papers"] for f in p["findings"]]
    assert len(findings) >= 150
    assert run.returncode == 1
