"""Batch runs: which files, in worker processes, cached, and plain data across processes."""

from __future__ import annotations

import errno
import json
import os
import pickle
from pathlib import Path

import pytest

from plainspeak.cache import ResultCache, file_sha256
from plainspeak.errors import E107, InputError
from plainspeak.findings import Finding, Location, Severity
from plainspeak.result import Definition, PaperResult
from plainspeak.runner import progress
from plainspeak.runner.batch import BatchStats, run_batch
from plainspeak.runner.collect import collect_papers
from plainspeak.settings import Settings
from tests.helpers import LONG



def touch(path: Path, text: str = "Text.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sample_result() -> PaperResult:
    finding = Finding(code="PS101", name="undefined-term", severity=Severity.WARNING, message="m",
                      start=4, end=12, text="virement", location=Location(paragraph=1, line=1, column=5),
                      term="virement", suggestion="moving money", context="The virement.",
                      extra={"candidates": ["a", "b"]})
    return PaperResult(path="a.md", format="markdown", words=2, sha256="f" * 64, title="A",
                       findings=[finding], summary={"words": 2, "findings_by_code": {"PS101": 1}},
                       definitions=[Definition("ICB", "integrated care board", "acronym", 0, 3, {"paragraph": 1})])


def test_folders_are_walked_for_papers_only(tmp_path: Path) -> None:
    for name in ("a.md", "b.docx", "b.docm", "b.dotm", "b.dotx", "c.pdf", "d.txt", "e.markdown", "notes.csv",
                 "old.doc", "a.plainspeak.html", ".hidden.md", ".git/x.md", "drafts/f.md", "sub/g.md"):
        touch(tmp_path / name)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in collect_papers([str(tmp_path)])]
    assert found == ["a.md", "b.docm", "b.docx", "b.dotm", "b.dotx", "c.pdf", "d.txt", "e.markdown",
                     "drafts/f.md", "sub/g.md"]
    chosen = collect_papers([str(tmp_path)], include=["*.md"], exclude=["drafts/**"])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in chosen] == ["a.md", "sub/g.md"]


def refuse_to_list(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """From now on, listing ``folder`` fails as an unreadable folder's does (tests run as root)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_is_one_error_and_the_walk_goes_on(tmp_path: Path, monkeypatch) -> None:
    for name in ("a/p.md", "locked/p.md", "locked/deeper/q.md", "z/p.md"):
        touch(tmp_path / name)
    unreadable: list[InputError] = []
    assert collect_papers([str(tmp_path)], unreadable=unreadable) == [
        str(tmp_path / "a/p.md"), str(tmp_path / "locked/p.md"), str(tmp_path / "locked/deeper/q.md"),
        str(tmp_path / "z/p.md")]
    assert unreadable == []
    refuse_to_list(monkeypatch, tmp_path / "locked")
    found = collect_papers([str(tmp_path)], unreadable=unreadable)
    assert found == [str(tmp_path / "a/p.md"), str(tmp_path / "z/p.md")]
    [error] = unreadable
    assert error.line() == (f"{tmp_path / 'locked'}: the folder cannot be read, so its papers were not checked "
                            "(Permission denied) [E117] - check you have permission to read it, "
                            "or leave it out with --exclude")
    assert error.exit_code == 3
    excluded: list[InputError] = []
    assert collect_papers([str(tmp_path)], exclude=["locked"], unreadable=excluded) == found and excluded == []


def test_without_a_list_for_them_an_unreadable_folder_is_raised(tmp_path: Path, monkeypatch) -> None:
    touch(tmp_path / "p.md")
    refuse_to_list(monkeypatch, tmp_path)
    with pytest.raises(InputError) as raised:
        collect_papers([str(tmp_path)])
    assert raised.value.kind.code == "E117" and raised.value.subject == str(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its permissions")
def test_a_folder_without_read_permission_is_reported(tmp_path: Path) -> None:
    touch(tmp_path / "a.md")
    locked = tmp_path / "locked"
    touch(locked / "p.md")
    locked.chmod(0)
    try:
        unreadable: list[InputError] = []
        assert collect_papers([str(tmp_path)], unreadable=unreadable) == [str(tmp_path / "a.md")]
        assert [(e.kind.code, e.subject) for e in unreadable] == [("E117", str(locked))]
    finally:
        locked.chmod(0o755)


def test_named_files_are_kept_as_given_once(tmp_path: Path) -> None:
    paper = touch(tmp_path / "notes.csv")
    assert collect_papers([str(paper), str(paper), "missing.md"]) == [str(paper), "missing.md"]


def test_results_and_errors_pickle() -> None:
    result = sample_result()
    assert pickle.loads(pickle.dumps(result)) == result
    error = InputError(E107, "x.docx", "bad zip")
    back = pickle.loads(pickle.dumps(PaperResult(path="x.docx", error=error)))
    assert back.error.line() == error.line() and back.error.exit_code == error.exit_code


def test_cache_round_trip_under_the_new_path(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", Settings())
    cache.put(sample_result(), "f" * 64, Settings())
    back = cache.get("renamed.md", "f" * 64, Settings())
    assert back.cached and back.path == "renamed.md"
    assert back.findings == sample_result().findings and back.definitions == sample_result().definitions
    assert (tmp_path / "cache" / ".gitignore").read_text() == "*\n"
    assert cache.get("a.md", "f" * 64, Settings(accepted_terms={"virement"})) is None


def test_a_corrupt_entry_is_ignored_and_errors_are_not_stored(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", Settings())
    cache.put(sample_result(), "f" * 64, Settings())
    cache.entry_path("f" * 64, Settings()).write_text('{"path": "a.md", "findings": [{"code"', encoding="utf-8")
    assert cache.get("a.md", "f" * 64, Settings()) is None
    cache.put(PaperResult(path="b.md", error=InputError(E107, "b.md")), "e" * 64, Settings())
    assert not cache.entry_path("e" * 64, Settings()).exists()


def test_two_workers_give_what_one_gives_and_a_rerun_is_cached(tmp_path: Path, blank_model: str) -> None:
    papers = [touch(tmp_path / f"p{i}.md", f"# Paper {i}\n\n{LONG}\n\nPaper number {i}.\n") for i in range(4)]
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    paths = [str(p) for p in papers] + [str(bad)]
    settings = Settings(model=blank_model, isolate=True)
    one = run_batch(paths, settings, jobs=1)
    stats = BatchStats()
    cache = ResultCache(tmp_path / "cache", settings)
    two = run_batch(paths, settings, jobs=2, cache=cache, stats=stats)
    as_json = lambda results: [json.dumps([f.to_dict() for f in r.findings]) for r in results]  # noqa: E731
    assert as_json(one) == as_json(two)
    assert [r.path for r in two] == paths
    assert [r.ok for r in two] == [True, True, True, True, False]
    assert two[-1].error.kind.code == "E107"
    assert "PS201" in [f.code for f in two[0].findings]
    assert (stats.cached, stats.checked) == (0, 5)
    again = run_batch(paths, settings, jobs=2, cache=cache, stats=stats)
    assert (stats.cached, stats.checked) == (4, 1)  # the unreadable paper is tried again
    assert as_json(again) == as_json(two) and all(r.cached for r in again[:4])


def test_a_model_that_will_not_load_stops_the_run(tmp_path: Path) -> None:
    from plainspeak.errors import ModelError

    paths = [str(touch(tmp_path / "a.md")), str(touch(tmp_path / "b.md"))]
    with pytest.raises(ModelError):
        run_batch(paths, Settings(model=str(tmp_path / "no-model")), jobs=2)


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    for name in progress.CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert progress.wanted(Terminal())
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert not progress.wanted(Terminal())
    assert not progress.wanted(open(__file__))  # noqa: SIM115 - a file is not a terminal


def test_cache_keys_follow_file_bytes(tmp_path: Path) -> None:
    paper = touch(tmp_path / "a.md", "One.\n")
    first = file_sha256(paper)
    touch(paper, "Two.\n")
    assert file_sha256(paper) != first and file_sha256(tmp_path / "missing") is None
