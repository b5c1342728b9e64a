"""GitHub Actions workflow commands: each finding an annotation on the pull request.

``::warning file=paper.md,line=3,col=5,title=PS101 undefined-term::message``.
Lines are given for text and Markdown papers only: a PDF's line is on a page
GitHub cannot show, so its page goes in the title instead. A newline or
return in a file name is written ``%0A``/``%0D``, which GitHub reads back;
other control characters are shown escaped (``\x1b``), as in the text report.
"""

from __future__ import annotations

from typing import Sequence

from plainspeak.findings import Finding, Severity
from plainspeak.reporters.notes import RunNotes
from plainspeak.reporters.sarif import relative_path
from plainspeak.reporters.text import totals
from plainspeak.result import PaperResult
from plainspeak.safe_text import printable
from plainspeak.settings import Settings

MEDIA_TYPE = "text/plain"
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    """The message part: ``%``, carriage return and newline would end or break the command.

    Any other control character (a terminal escape in a file name) is shown
    escaped, as in the text report, since the log shows the line as it is.
    """
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A property value: as the message, plus ``:`` and ``,`` which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind} {given}::{escape_data(message)}" if given else f"::{kind}::{escape_data(message)}"


def annotation(path: str, finding: Finding) -> str:
    location = finding.location
    title = f"{finding.code} {finding.name}"
    line = column = None
    if location.page is not None:
        title += f" (page {location.page})"
    else:
        line, column = location.line, location.column
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return command(COMMANDS[finding.severity], message, file=relative_path(path), line=line, col=column, title=title)


def render(results: Sequence[PaperResult], settings: Settings | None = None,
           run: RunNotes | None = None) -> str:
    lines: list[str] = []
    for result in results:
        if result.error is not None:
            lines.append(command("error", result.error.line(), file=relative_path(result.path),
                                 title=f"{result.error.kind.code} unreadable paper"))
            continue
        lines.extend(annotation(result.path, f) for f in result.findings)
    for notice in (run.notices if run else []):
        lines.append(command("warning", notice.message, file=relative_path(notice.file) if notice.file else None,
                             line=notice.line, title=notice.kind))
    lines.append(totals(results, run))
    return "\n".join(lines) + "\n"
