"""A short Markdown summary for an email or a pull-request comment.

One table of papers with their findings by severity, then the top findings.
Everything taken from a paper (terms, messages, paths) is escaped by
:func:`plainspeak.markdown_text.escape`, so a paper's own asterisks, pipes,
HTML or @-mentions cannot change the layout or inject markup.
"""

from __future__ import annotations

from typing import Sequence

from plainspeak.findings import Finding
from plainspeak.markdown_text import escape
from plainspeak.reporters.notes import RunNotes
from plainspeak.reporters.text import totals, where
from plainspeak.result import PaperResult
from plainspeak.safe_text import printable
from plainspeak.settings import Settings

MEDIA_TYPE = "text/markdown"
TOP_FINDINGS = 10


def paper_row(result: PaperResult) -> str:
    # The name escaped first, so a newline in it reads \n, not a space.
    path = escape(printable(result.path))
    if result.error is not None:
        return f"| {path} | could not be read: {escape(result.error.kind.problem)} " \
               f"({result.error.kind.code}) | | |"
    counts = result.counts()
    return f"| {path} | {counts['error']} | {counts['warning']} | {counts['suggestion']} |"


def top_findings(results: Sequence[PaperResult], limit: int = TOP_FINDINGS) -> list[tuple[str, Finding]]:
    """The most severe findings first, in paper and reading order within a severity."""
    ranked = [(r.path, f) for r in results for f in r.findings]
    ranked.sort(key=lambda pair: -pair[1].severity.rank)  # stable: keeps reading order
    return ranked[:limit]


def finding_item(path: str, finding: Finding) -> str:
    subject = f" “{escape(finding.term)}”" if finding.term else ""
    place = escape(f"{printable(path)}:{where(finding.location)}")
    return (f"- **{finding.severity.value}** {place}: {finding.code} {escape(finding.name)}"
            f"{subject} – {escape(finding.message)}")


def render(results: Sequence[PaperResult], settings: Settings | None = None,
           run: RunNotes | None = None) -> str:
    lines = ["## plainspeak report", "", escape(totals(results, run)), "",
             "| Paper | Errors | Warnings | Suggestions |", "| --- | ---: | ---: | ---: |"]
    lines.extend(paper_row(result) for result in results)
    top = top_findings(results)
    if top:
        total = sum(len(r.findings) for r in results)
        heading = "Top findings" if total > len(top) else "Findings"
        lines += ["", f"### {heading}", ""]
        lines.extend(finding_item(path, finding) for path, finding in top)
        if total > len(top):
            lines += ["", f"…and {total - len(top)} more; see the full report."]
    if run is not None and run.notices:
        lines += ["", "### Ignore file", ""]
        lines.extend(f"- {escape(notice.message)}" for notice in run.notices)
    return "\n".join(lines) + "\n"
