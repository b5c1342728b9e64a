"""What checking one paper produces: findings, the paper's own definitions, a summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from plainspeak.errors import PlainspeakError
from plainspeak.findings import Finding, Severity


@dataclass(slots=True)
class Definition:
    """A term the paper explains itself, and where."""

    term: str
    definition: str  # the expansion for an acronym, else the explaining words
    kind: str  # "acronym", "means", "is-called", "bracket-gloss", "glossary-section", ...
    start: int  # offsets of the term where it is defined
    end: int
    location: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = {"term": self.term, "kind": self.kind, "location": self.location}
        data["expansion" if self.kind == "acronym" else "definition"] = self.definition
        data["start"], data["end"] = self.start, self.end
        return data


@dataclass(slots=True)
class PaperResult:
    """The outcome for one paper: findings, or the error that stopped it."""

    path: str
    format: str = ""
    pages: int | None = None
    words: int = 0
    sha256: str = ""
    title: str = ""
    findings: list[Finding] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    error: PlainspeakError | None = None
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts


def total_counts(results: Iterable[PaperResult]) -> dict[str, int]:
    """Findings by severity across ``results``, most severe first (the order reports give them)."""
    totals = {"error": 0, "warning": 0, "suggestion": 0}
    for result in results:
        for key, value in result.counts().items():
            totals[key] += value
    return totals
