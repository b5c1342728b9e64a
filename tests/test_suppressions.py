"""The ignore file: entries by paper glob and term, fingerprint or rule; reasons, approvals, expiry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plainspeak.errors import ConfigError
from plainspeak.findings import Finding, Location, Severity
from plainspeak.reporters.notes import RunNotes
from plainspeak.result import PaperResult
from plainspeak.suppressions import apply_suppressions, find_ignore_file, read_ignore_file

TODAY = dt.date(2026, 1, 15)


def finding(code: str, term: str, context: str = "A sentence.") -> Finding:
    return Finding(code=code, name="n", severity=Severity.WARNING, message="m", start=0, end=len(term),
                   text=term, location=Location(paragraph=1), term=term, context=context)


def ignore_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".plainspeak-ignore.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path: Path, text: str, results: list[PaperResult]) -> tuple[list[PaperResult], RunNotes]:
    notes = RunNotes()
    kept = apply_suppressions(results, read_ignore_file(ignore_file(tmp_path, text)), notes, today=TODAY)
    return kept, notes


ENTRIES = '''
[[ignore]]
paper = "minutes/**"
term = "Virement"
reason = "The minutes link to the budget glossary"
approved_by = "Jo Smith"

[[ignore]]
rule = "long-paragraph"
reason = "Legal text quoted as it stands"
approved_by = ["Sam Lee", "Ade Okafor"]

[[ignore]]
term = "precept"
reason = "Explained on the cover sheet"
approved_by = "Jo Smith"
expires = 2025-12-31

[[ignore]]
papers = ["reports/*.md"]
term = "outturn"
reason = "Explained in the covering report"
approved_by = "Jo Smith"
'''


def test_entries_drop_findings_and_report_unused_and_expired(tmp_path: Path) -> None:
    minutes = PaperResult(path=str(tmp_path / "minutes" / "2025" / "m.md"), findings=[
        finding("PS101", "virement"), finding("PS205", "para"), finding("PS101", "precept")])
    report = PaperResult(path=str(tmp_path / "reports" / "r.md"), findings=[finding("PS101", "virement")])
    kept, notes = run(tmp_path, ENTRIES, [minutes, report])
    assert [f.text for f in kept[0].findings] == ["precept"]  # expired entries stop working
    assert [f.text for f in kept[1].findings] == ["virement"]  # the glob is minutes/** only
    assert [(s.finding.text, s.approved_by) for s in notes.suppressed] == [
        ("virement", "Jo Smith"), ("para", "Sam Lee, Ade Okafor")]
    assert [(n.kind, n.line) for n in notes.notices] == [("expired-suppression", 13), ("unused-suppression", 19)]
    assert notes.notices[0].message == (
        "ignore entry for term 'precept' in ** expired on 2025-12-31 and no longer applies")
    assert notes.notices[1].message == (
        "ignore entry for term 'outturn' in reports/*.md matched no finding; remove it if it is no longer needed")


def test_an_entry_for_papers_not_in_the_run_is_not_called_unused(tmp_path: Path) -> None:
    only = PaperResult(path=str(tmp_path / "other" / "x.md"), findings=[finding("PS205", "para")])
    _, notes = run(tmp_path, ENTRIES, [only])
    assert [n.kind for n in notes.notices] == ["expired-suppression"]


def test_fingerprint_entries_match_one_sentence(tmp_path: Path) -> None:
    wanted = finding("PS101", "virement", "The virement was agreed.")
    other = finding("PS101", "virement", "A second virement is proposed.")
    text = f'[[ignore]]\nfingerprint = "{wanted.fingerprint}"\nreason = "Agreed"\napproved_by = "Jo Smith"\n'
    kept, notes = run(tmp_path, text, [PaperResult(path=str(tmp_path / "a.md"), findings=[wanted, other])])
    assert kept[0].findings == [other] and notes.notices == []


def test_the_nearest_ignore_file_is_found(tmp_path: Path) -> None:
    ignore_file(tmp_path, "")
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_ignore_file(tmp_path / "a" / "b") == tmp_path / ".plainspeak-ignore.toml"


@pytest.mark.parametrize("text, problem", [
    ('[[ignore]]\nterm = "x"\napproved_by = "Jo"\n', "entry 1: every entry needs a reason"),
    ('[[ignore]]\nterm = "x"\nreason = "r"\n', "entry 1: approved_by must name who approved it"),
    ('[[ignore]]\nterm = "x"\nreason = "r"\napproved_by = "jo@example.org"\n', "names only"),
    ('[[ignore]]\nreason = "r"\napproved_by = "Jo"\n', "say what to ignore: term, fingerprint or rule"),
    ('[[ignore]]\nrule = "PS999"\nreason = "r"\napproved_by = "Jo"\n', "no rule called 'PS999'"),
    ('[[ignore]]\nterm = "x"\nreason = "r"\napproved_by = "Jo"\nexpires = "soon"\n', "expires must be a date"),
    ('[[ignore]]\nterm = "x"\nreason = "r"\napproved_by = "Jo"\nwhy = "?"\n', "unknown key 'why'"),
    ('[ignore]\nterm = "x"\n', "expected [[ignore]] tables"),
])
def test_bad_entries_are_clear_errors_with_their_line(tmp_path: Path, text: str, problem: str) -> None:
    path = ignore_file(tmp_path, "# suppressions\n" + text)
    with pytest.raises(ConfigError) as caught:
        read_ignore_file(path)
    assert problem in caught.value.line()
    assert "[E203]" in caught.value.line()
    if text.startswith("[[ignore]]"):
        assert caught.value.subject == f"{path}:2"
