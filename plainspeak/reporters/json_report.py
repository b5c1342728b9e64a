"""The JSON wire format, documented in docs/json-format.md (``schema_version``)."""

from __future__ import annotations

from typing import Any, Sequence

from plainspeak import __version__
from plainspeak.findings import SCHEMA_VERSION
from plainspeak.reporters.json_text import dumps
from plainspeak.reporters.notes import RunNotes
from plainspeak.result import PaperResult, total_counts
from plainspeak.settings import Settings

MEDIA_TYPE = "application/json"


def paper_dict(result: PaperResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": result.path,
        "format": result.format,
        "pages": result.pages,
        "words": result.words,
        "sha256": result.sha256,
        "title": result.title,
        "summary": result.summary,
        "findings": [f.to_dict() for f in result.findings],
        "definitions": [d.to_dict() for d in result.definitions],
        "error": None,
    }
    if result.error is not None:
        kind = result.error.kind
        data["error"] = {
            "code": kind.code,
            "problem": kind.problem,
            "detail": result.error.detail,
            "advice": kind.advice,
            "message": result.error.line(),
        }
    return data


def document(results: Sequence[PaperResult], run: RunNotes | None = None) -> dict[str, Any]:
    totals = {"papers": len(results), "unreadable": sum(not r.ok for r in results),
              "findings": total_counts(results)}
    totals.update((run or RunNotes()).summary())
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "plainspeak", "version": __version__},
        "papers": [paper_dict(r) for r in results],
        "summary": totals,
    }


def render(results: Sequence[PaperResult], settings: Settings | None = None,
           run: RunNotes | None = None) -> str:
    # Document, papers, a paper, its findings: each finding is one line.
    return dumps(document(results, run), levels=4) + "\n"
