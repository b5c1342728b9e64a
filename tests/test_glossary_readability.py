"""Shipped glossary definitions pass plainspeak's own readability checks.

A definition is what a reader turns to when a paper loses them, so it must
not be a long, hard, passive or noun-heavy sentence itself. Every
``definition`` in ``glossaries/*.yaml`` goes through PS201-PS204 with the
default settings, one paragraph each; all failures are reported together.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plainspeak.engine import check_paper
from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import Block, BlockKind, Paper, Place
from plainspeak.rules import all_rules
from plainspeak.settings import Settings
from tests.helpers import blank_nlp

GLOSSARIES = Path(__file__).resolve().parent.parent / "glossaries"
CODES = {"PS201", "PS202", "PS203", "PS204"}


def _definitions() -> list[tuple[str, str]]:
    """(``file: term``, definition) for every entry that has a definition."""
    found = []
    for path in sorted(GLOSSARIES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("terms") or []:
            if isinstance(entry, dict) and isinstance(entry.get("definition"), str):
                found.append((f"{path.name}: {entry.get('term')}", " ".join(entry["definition"].split())))
    return found


def _failures(nlp) -> list[str]:
    definitions = _definitions()
    if not definitions:
        pytest.skip("no shipped glossary definitions found")
    blocks = [Block(BlockKind.PARAGRAPH, text, Place(paragraph=i + 1)) for i, (_, text) in enumerate(definitions)]
    paper = Paper(path="definitions.txt", format="text", blocks=blocks)
    settings = Settings(ignore={r.code for r in all_rules() if r.code not in CODES}, isolate=False)
    result = check_paper(paper, settings, GlossarySet(), nlp=nlp)
    failures = []
    for finding in result.findings:
        if finding.code in CODES:
            label = definitions[finding.location.paragraph - 1][0]
            failures.append(f"{label}: {finding.code} {finding.message} [{finding.text}]")
    return failures


def test_definitions_pass_readability_checks_blank_pipeline() -> None:
    from plainspeak.nlp.pipeline import add_components

    nlp = add_components(blank_nlp(), Settings(), GlossarySet())
    failures = _failures(nlp)
    assert not failures, f"{len(failures)} definitions flagged:\n" + "\n".join(failures)


@pytest.mark.slow
def test_definitions_pass_readability_checks_trained_pipeline() -> None:
    failures = _failures(None)
    assert not failures, f"{len(failures)} definitions flagged:\n" + "\n".join(failures)
