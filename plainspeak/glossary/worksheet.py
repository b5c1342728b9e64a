"""The worksheet a group fills in at its meeting: the words to define, and where they came from.

Rows come from two places: what citizens have asked to have explained (most
asked first), then the words the checker found unexplained in the papers. The
page is landscape, in large clear print, with the column headings repeated on
every page and room to write by hand. Where each row came from is written
in its own cell in a fixed shape, so reading it back knows the paper and sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.requests_store import OpenRequest, term_key

# The findings that name a word to explain (undefined term, acronym, unknown term).
TERM_CODES = frozenset({"PS101", "PS102", "PS104"})
HEADERS = ("Word or phrase", "Where it came from", "What it means (in our words)",
           "Say instead", "Agreed by (names)")
WIDTHS_CM = (4.5, 7.7, 7.5, 4.0, 3.5)
BLANK_ROWS = 3
FONT = "Arial"
MARKER = "plainspeak-worksheet"


@dataclass(slots=True)
class WorksheetRow:
    """One word to define, with what helps the group define it."""

    term: str
    papers: list[str] = field(default_factory=list)
    sentence: str = ""
    asked: int = 0
    say_instead: str = ""
    starter: str = ""


def rows_from_requests(requests: Iterable[OpenRequest]) -> list[WorksheetRow]:
    return [WorksheetRow(r.term, list(r.papers), (r.sentences or [""])[0], r.count, r.say_instead)
            for r in requests]


def collect_rows(papers: Iterable[str], requests: Iterable[OpenRequest], glossaries: GlossarySet,
                 check: Callable[[str], object]) -> tuple[list[WorksheetRow], list[str]]:
    """Requests first, then the papers' unexplained words; and any paper that could not be read.

    ``check(path)`` returns a result with ``findings`` and ``error`` (the engine's
    :class:`PaperResult`). Words the group has already agreed are left out.
    """
    rows = {term_key(r.term): r for r in rows_from_requests(requests)}
    errors: list[str] = []
    for paper in papers:
        result = check(paper)
        if getattr(result, "error", None) is not None:
            errors.append(result.error.line())  # type: ignore[attr-defined]
            continue
        for finding in result.findings:  # type: ignore[attr-defined]
            if finding.code in TERM_CODES:
                _add_finding(rows, finding.term or finding.text, Path(paper).name, finding.context)
    kept = [row for row in rows.values() if not _agreed(glossaries, row.term)]
    for row in kept:
        row.starter = _starter(glossaries, row.term)
    return kept, errors


def _add_finding(rows: dict[str, WorksheetRow], term: str, paper: str, sentence: str) -> None:
    row = rows.setdefault(term_key(term), WorksheetRow(term))
    if paper not in row.papers:
        row.papers.append(paper)
    row.sentence = row.sentence or " ".join(sentence.split())


def _agreed(glossaries: GlossarySet, text: str) -> bool:
    return any(t.status is Status.AGREED for t in glossaries.lookup(text))


def _starter(glossaries: GlossarySet, text: str) -> str:
    found = [t for t in glossaries.lookup(text) if t.status is Status.PROPOSED]
    return found[-1].definition if found else ""


def where_lines(row: WorksheetRow) -> list[str]:
    """What the "Where it came from" cell says, a paragraph per line."""
    lines = []
    if row.asked:
        lines.append("Asked for once" if row.asked == 1 else f"Asked for {row.asked} times")
    if row.papers:
        lines.append("In " + ", ".join(row.papers) + (":" if row.sentence else ""))
    if row.sentence:
        lines.append(f"\u201c{row.sentence}\u201d")
    if row.starter:
        lines.append(f"Starter wording: {row.starter}")
    return lines


def provenance_of(where: str) -> dict:
    """The papers and sentence back from a "Where it came from" cell (see :func:`where_lines`)."""
    papers: list[str] = []
    sentence = ""
    for line in where.splitlines():
        line = line.strip()
        if line.startswith("In ") and not papers:
            papers = [p.strip() for p in line[3:].rstrip(":").split(", ") if p.strip()]
        elif line.startswith("\u201c") and line.endswith("\u201d") and not sentence:
            sentence = line[1:-1]
    return {"papers": papers, "sentence": sentence}


def as_term(base: Term | None, **changes: object) -> dict:
    """The mapping for a new entry, starting from the glossary's entry for the same word."""
    keep = ("expansion", "aliases", "category", "scope", "explanation", "example", "notes")
    mapping = {name: getattr(base, name) for name in keep} if base else {}
    mapping["aliases"] = list(mapping.get("aliases", ()))
    if base is not None:
        mapping["term"] = base.term
    mapping.update({k: v for k, v in changes.items() if v not in (None, "", ())})
    return mapping
