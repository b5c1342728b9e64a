"""Human-readable lines: ``path:page:line: PS101 undefined-term 'virement' - message``."""

from __future__ import annotations

from typing import Sequence

from plainspeak.findings import Finding
from plainspeak.result import PaperResult
from plainspeak.settings import Settings

MEDIA_TYPE = "text/plain"


def finding_line(path: str, finding: Finding) -> str:
    where = finding.location.short()
    subject = f" '{finding.term}'" if finding.term else ""
    line = f"{path}:{where}: {finding.code} {finding.name}{subject} - {finding.message}"
    if finding.suggestion:
        line += f" Suggestion: {finding.suggestion}"
    return line


def render(results: Sequence[PaperResult], settings: Settings | None = None) -> str:
    lines: list[str] = []
    for result in results:
        if result.error is not None:
            lines.append(result.error.line())
            continue
        lines.extend(finding_line(result.path, f) for f in result.findings)
    lines.append(totals(results))
    return "\n".join(lines) + "\n"


def totals(results: Sequence[PaperResult]) -> str:
    """One closing line: papers, findings by severity, unreadable papers."""
    checked = [r for r in results if r.ok]
    failed = len(results) - len(checked)
    counts = {"error": 0, "warning": 0, "suggestion": 0}
    for result in checked:
        for key, value in result.counts().items():
            counts[key] += value
    papers = f"{len(checked)} paper{'s' if len(checked) != 1 else ''} checked"
    found = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items())
    tail = f"; {failed} could not be read" if failed else ""
    return f"{papers}: {found}{tail}."
