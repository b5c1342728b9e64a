"""The engine's own policies, on findings built by hand."""

from __future__ import annotations

from plainspeak.engine import drop_overlaps
from plainspeak.findings import Finding, Location, Severity


def _finding(code: str, start: int, end: int) -> Finding:
    return Finding(code=code, name=code.lower(), severity=Severity.SUGGESTION, message="m",
                   start=start, end=end, text="x" * (end - start), location=Location(paragraph=1))


def test_overlapping_style_findings_keep_the_more_specific_rule() -> None:
    kept = drop_overlaps([_finding("PS105", 10, 30), _finding("PS204", 12, 30)])
    assert [f.code for f in kept] == ["PS204"]


def test_glossary_definition_wins_over_rewording_whichever_comes_first() -> None:
    kept = drop_overlaps([_finding("PS101", 5, 15), _finding("PS105", 5, 15), _finding("PS201", 0, 40)])
    assert [f.code for f in kept] == ["PS101", "PS201"]


def test_findings_that_do_not_overlap_are_all_kept() -> None:
    found = [_finding("PS105", 0, 5), _finding("PS204", 5, 9), _finding("PS105", 9, 12)]
    assert drop_overlaps(found) == found
