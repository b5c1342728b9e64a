"""Every rule documents itself, and docs/rules.md is generated from that."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainspeak.rules import all_rules
from plainspeak.rules.base import parse_docstring
from plainspeak.rules.docs import rules_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_docstring_has_every_section(rule) -> None:
    doc = rule.doc()
    assert doc.summary and not doc.summary.endswith(":")
    for title in ("What it flags", "Why it matters", "Example", "Prefer"):
        assert doc.section(title), f"{rule.code} lacks '{title}'"


def test_codes_and_names_are_unique_and_stable_in_form() -> None:
    codes = [r.code for r in all_rules()]
    names = [r.name for r in all_rules()]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert all(name == name.lower() and " " not in name for name in names)


def test_docs_rules_md_is_generated_from_the_docstrings() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run 'plainspeak rules --markdown > docs/rules.md'"
    )


def test_docstring_parser_reads_sections_and_ignores_prose_before_them() -> None:
    doc = parse_docstring("""Flags a thing.

    Some words first.

    What it flags:
        The thing.

    Prefer:
        Another thing.
    """)
    assert doc.summary == "Flags a thing."
    assert doc.sections == {"What it flags": "The thing.", "Prefer": "Another thing."}
