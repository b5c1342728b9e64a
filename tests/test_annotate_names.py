"""Copy names in one annotate run: a paper alone keeps the plain name; namesakes are told apart."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from plainspeak.cli.annotate_names import CopyName, copy_names

PLAIN = CopyName()
KEEP = CopyName(keep_suffix=True)


def _names(papers, output_format=None, into=None) -> list[str]:
    return [str(name.file_name(paper, ".plainspeak.X")) for paper, name in
            zip(papers, copy_names(papers, output_format, Path(into) if into else None))]


@pytest.mark.parametrize("papers, output_format, expected", [
    (["report.docx"], None, ["report.plainspeak.X"]),
    (["report.docx"], "html", ["report.plainspeak.X"]),
    # Their own formats: report.plainspeak.docx and report.plainspeak.pdf do not clash.
    (["report.docx", "report.pdf"], None, ["report.plainspeak.X", "report.plainspeak.X"]),
    (["report.docx", "report.pdf"], "html", ["report.docx.plainspeak.X", "report.pdf.plainspeak.X"]),
    (["report.md", "report.txt", "report.docx"], None,
     ["report.md.plainspeak.X", "report.txt.plainspeak.X", "report.plainspeak.X"]),
    (["report.docm", "report.docx"], None, ["report.docm.plainspeak.X", "report.docx.plainspeak.X"]),
    # No extension: only the bytes will tell its format, so it may clash with any namesake.
    (["report", "report.pdf"], None, ["report.plainspeak.X", "report.pdf.plainspeak.X"]),
    (["minutes.md", "report.md"], None, ["minutes.plainspeak.X", "report.plainspeak.X"]),
    # The same paper twice writes the same copy twice, as a second run would.
    (["report.md", "./report.md"], None, ["report.plainspeak.X", "report.plainspeak.X"]),
    # A name that keeps its extension meets another paper's plain name, which then keeps its own.
    (["report.md", "report.txt", "report.md.txt"], None,
     ["report.md.plainspeak.X", "report.txt.plainspeak.X", "report.md.txt.plainspeak.X"]),
])
def test_names_beside_the_papers(tmp_path, monkeypatch, papers, output_format, expected):
    monkeypatch.chdir(tmp_path)
    assert _names(papers, output_format) == expected


def test_namesakes_in_different_folders_beside_their_papers_keep_the_plain_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _names(["a/report.md", "b/report.md"]) == ["report.plainspeak.X", "report.plainspeak.X"]


def test_namesakes_from_different_folders_keep_their_folder_under_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _names(["a/report.md", "b/report.md", "notes.md"], into="out") == [
        "a/report.plainspeak.X", "b/report.plainspeak.X", "notes.plainspeak.X"]
    # Relative to the folder they share, however they were named.
    assert _names([str(tmp_path / "papers/a/report.md"), "papers/report.md"], into="out") == [
        "a/report.plainspeak.X", "report.plainspeak.X"]
    names = copy_names(["a/report.md", "a/report.txt", "b/report.md"], None, Path("out"))
    assert names == [CopyName(PurePath("a"), True), CopyName(PurePath("a"), True), CopyName(PurePath("b"))]


def test_names_do_not_hang_on_the_order_of_the_papers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    papers = ["a/report.md", "report.docx", "report.pdf", "b/report.md", "a/report.txt"]
    forward = dict(zip(papers, copy_names(papers, "html", Path("out"))))
    backward = dict(zip(papers[::-1], copy_names(papers[::-1], "html", Path("out"))))
    assert forward == backward
    assert len({name.file_name(paper, ".html") for paper, name in forward.items()}) == len(papers)
