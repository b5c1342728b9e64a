"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

Locations name the file relative to the working directory (under
``%SRCROOT%``), its bytes percent-encoded, so any name Linux allows is kept.
Text files give line and column; PDFs give the line on the page and put the
page in ``properties`` and a logical location; DOCX papers give the
paragraph the same way. Unreadable papers and ignore-file notices
are run-level notifications; suppressed findings ride along with their
justification.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from plainspeak import __version__
from plainspeak.findings import Finding
from plainspeak.reporters.json_text import dumps
from plainspeak.reporters.notes import RunNotes, Suppressed
from plainspeak.reporters.sarif_rules import LEVELS, rule_descriptor
from plainspeak.result import PaperResult
from plainspeak.rules.base import all_rules
from plainspeak.settings import Settings

MEDIA_TYPE = "application/sarif+json"
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "plainspeak/v1"


def relative_path(path: str) -> str:
    """The path relative to the working directory, with ``/`` separators."""
    return Path(os.path.relpath(Path(path).resolve(), Path.cwd().resolve())).as_posix()


def artifact_uri(path: str) -> str:
    """The relative path as a URI reference, exactly as the file system holds it.

    Each byte of the name outside ``[A-Za-z0-9_.~/-]`` is percent-encoded: a
    newline is ``%0A``, a byte that is not UTF-8 ``%FF``.
    """
    return quote(os.fsencode(relative_path(path)))


def artifact_location(path: str) -> dict[str, Any]:
    return {"artifactLocation": {"uri": artifact_uri(path), "uriBaseId": "%SRCROOT%"}}


def region(finding: Finding) -> dict[str, Any] | None:
    location = finding.location
    if location.line is None:
        return None
    out: dict[str, Any] = {"startLine": location.line}
    if location.column is not None:
        out["startColumn"] = location.column
        if finding.text and "\n" not in finding.text:
            out["endColumn"] = location.column + len(finding.text)
    if finding.text:
        out["snippet"] = {"text": finding.text}
    return out


def place_properties(finding: Finding) -> dict[str, Any]:
    """Page, paragraph, table cell and section: what a viewer without lines needs."""
    location = finding.location
    keys = ("page", "paragraph", "table", "row", "cell", "section")
    return {k: getattr(location, k) for k in keys if getattr(location, k) not in (None, "")}


def sarif_location(path: str, finding: Finding) -> dict[str, Any]:
    physical = artifact_location(path)
    spot = region(finding)
    if spot is not None:
        physical["region"] = spot
    location: dict[str, Any] = {"physicalLocation": physical}
    place = place_properties(finding)
    if "page" in place:
        location["logicalLocations"] = [{"name": f"page {place['page']}", "kind": "page"}]
    elif place.get("paragraph"):
        location["logicalLocations"] = [{"name": f"paragraph {place['paragraph']}", "kind": "paragraph"}]
    location["properties"] = place
    return location


def sarif_result(path: str, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [sarif_location(path, finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    properties = {k: v for k, v in (("term", finding.term), ("suggestion", finding.suggestion)) if v}
    if properties:
        result["properties"] = properties
    return result


def suppressed_result(item: Suppressed, rule_index: dict[str, int]) -> dict[str, Any]:
    result = sarif_result(item.path, item.finding, rule_index)
    result["suppressions"] = [{
        "kind": "external", "status": "accepted",
        "justification": f"{item.reason} (approved by {item.approved_by})",
    }]
    return result


def notification(text: str, level: str, path: str | None = None, code: str | None = None) -> dict[str, Any]:
    note: dict[str, Any] = {"level": level, "message": {"text": text}}
    if code:
        note["descriptor"] = {"id": code}
    if path:
        note["locations"] = [{"physicalLocation": artifact_location(path)}]
    return note


def invocation(results: Sequence[PaperResult], run: RunNotes) -> dict[str, Any]:
    unreadable = [notification(r.error.line(), "error", r.path, r.error.kind.code)
                  for r in results if r.error is not None]
    notices = [notification(n.message, "warning", n.file or None, n.kind) for n in run.notices]
    return {
        "executionSuccessful": True,
        "toolExecutionNotifications": unreadable,
        "toolConfigurationNotifications": notices,
    }


def document(results: Sequence[PaperResult], run: RunNotes | None = None) -> dict[str, Any]:
    run = run or RunNotes()
    rules = all_rules()
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    sarif_results = [sarif_result(r.path, f, rule_index) for r in results for f in r.findings]
    sarif_results += [suppressed_result(item, rule_index) for item in run.suppressed]
    driver = {
        "name": "plainspeak",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(rule) for rule in rules],
    }
    root = Path.cwd().resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation(results, run)],
            "results": sarif_results,
        }],
    }


def render(results: Sequence[PaperResult], settings: Settings | None = None,
           run: RunNotes | None = None) -> str:
    # Log, runs, a run, its results, a result: each result's parts are one line each.
    return dumps(document(results, run), levels=5) + "\n"
