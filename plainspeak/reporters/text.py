"""Human-readable lines, Vale style: ``path:line:col: PS101 undefined-term 'term' - message``.

PDFs give ``path:page:line:``, papers without lines (DOCX) ``path:¶paragraph:``.
Every line on stdout is a finding but the last, the totals.
"""

from __future__ import annotations

from typing import Sequence

from plainspeak.findings import Finding, Location
from plainspeak.reporters.notes import RunNotes
from plainspeak.result import PaperResult, total_counts
from plainspeak.safe_text import printable
from plainspeak.settings import Settings

MEDIA_TYPE = "text/plain"


def where(location: Location) -> str:
    """``line:col`` for text, ``page:line`` for PDFs, ``¶paragraph`` otherwise."""
    if location.page is None and location.line is not None and location.column is not None:
        return f"{location.line}:{location.column}"
    return location.short()


def finding_line(path: str, finding: Finding) -> str:
    """One line, whatever the file's name holds: control characters are shown escaped."""
    subject = f" '{finding.term}'" if finding.term else ""
    line = f"{path}:{where(finding.location)}: {finding.code} {finding.name}{subject} - {finding.message}"
    if finding.suggestion:
        line += f" Suggestion: {finding.suggestion}"
    return printable(line)


def render(results: Sequence[PaperResult], settings: Settings | None = None,
           run: RunNotes | None = None) -> str:
    # A paper that could not be read has no lines here: the command says so on
    # stderr (plainspeak.cli.check.tell), and the totals count it.
    lines = [finding_line(result.path, f) for result in results for f in result.findings]
    lines.append(totals(results, run))
    return "\n".join(lines) + "\n"


def totals(results: Sequence[PaperResult], run: RunNotes | None = None) -> str:
    """One closing line: papers, findings by severity, unreadable papers, what was set aside."""
    checked = [r for r in results if r.ok]
    failed = len(results) - len(checked)
    counts = total_counts(checked)
    papers = f"{len(checked)} paper{'s' if len(checked) != 1 else ''} checked"
    found = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items())
    tail = f"; {failed} could not be read" if failed else ""
    if run is not None and run.suppressed:
        tail += f"; {len(run.suppressed)} suppressed by the ignore file"
    if run is not None and run.baselined:
        tail += f"; {run.baselined} already in the baseline"
    return f"{papers}: {found}{tail}."
