"""What a run knows beyond each paper's findings: suppressions and the baseline.

Reporters take it as ``render(results, settings, run=notes)``; without it
they render the findings alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plainspeak.findings import Finding


@dataclass(frozen=True, slots=True)
class RunNotice:
    """A run-level warning: an ignore-file entry that matched nothing, or expired."""

    kind: str  # "unused-suppression" or "expired-suppression"
    message: str
    file: str = ""  # the ignore file
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "message": self.message, "file": self.file}
        if self.line is not None:
            data["line"] = self.line
        return data


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding an ignore-file entry dropped, and why (SARIF can carry it)."""

    path: str
    finding: Finding
    reason: str
    approved_by: str


@dataclass(slots=True)
class RunNotes:
    notices: list[RunNotice] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    baseline: str | None = None  # the baseline file compared against
    baselined: int = 0  # findings the baseline absorbed

    def summary(self) -> dict[str, Any]:
        """The JSON ``summary`` fields for suppressions and the baseline."""
        return {
            "suppressed": len(self.suppressed),
            "baselined": self.baselined,
            "notices": [n.to_dict() for n in self.notices],
        }
