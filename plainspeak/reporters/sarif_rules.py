"""SARIF rule descriptors, generated from each rule's docstring (never written twice)."""

from __future__ import annotations

import inspect
from typing import Any

from plainspeak.findings import Severity
from plainspeak.rules.base import DOC_SECTIONS, Rule

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    """``reportingDescriptor`` for one rule: summary, what it flags, and every section as help."""
    doc = rule.doc()
    flags = " ".join(doc.section("What it flags").split()) or doc.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": flags},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled_by_default},
        "properties": {"tags": [_family(rule.code)]},
    }


def help_text(rule: type[Rule]) -> str:
    doc = rule.doc()
    parts = [doc.summary]
    for title in DOC_SECTIONS:
        if doc.section(title):
            parts.append(f"{title}:\n{inspect.cleandoc(doc.section(title))}")
    return "\n\n".join(parts)


def help_markdown(rule: type[Rule]) -> str:
    doc = rule.doc()
    parts = [f"**{rule.code} {rule.name}**: {doc.summary}"]
    for title in DOC_SECTIONS:
        body = doc.section(title)
        if body:
            parts.append(f"### {title}\n\n{' '.join(body.split())}")
    return "\n\n".join(parts)


def _family(code: str) -> str:
    number = int(code[2:])
    return {1: "terms", 2: "readability", 3: "figures", 9: "input"}.get(number // 100, "other")
