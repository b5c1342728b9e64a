"""Shared builders for the writer tests: findings made by hand, golden-file comparison."""

from __future__ import annotations

import os
import re
from pathlib import Path

from plainspeak.findings import Finding, Location, Severity
from plainspeak.glossary.model import GlossarySet, Status, Term
from plainspeak.paper import Paper
from plainspeak.result import PaperResult

GOLDEN = Path(__file__).parent / "golden" / "writers"


def glossary() -> GlossarySet:
    return GlossarySet(terms=[
        Term("virement", "Moving money from one budget line to another.", status=Status.AGREED),
        Term("precept", "An amount added to council tax for another body.", status=Status.AGREED),
        Term("MTFS", "The council's plan for its money over the next few years.",
             expansion="medium-term financial strategy", status=Status.AGREED),
    ])


def term_finding(paper: Paper, word: str, nth: int = 0, code: str = "PS101") -> Finding:
    """A finding on the ``nth`` use of ``word`` in the paper's text."""
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", paper.text)]
    start = starts[nth]
    block = paper.block_at(start)
    return Finding(code, "undefined-term", Severity.WARNING,
                   f"'{word}' is not explained in the paper; say what it means at its first use",
                   start, start + len(word), word, Location(paragraph=block.place.paragraph, page=block.place.page),
                   term=word)


def sentence_finding(paper: Paper, opening: str, words: int) -> Finding:
    """A long-sentence finding on the sentence starting with ``opening``."""
    start = paper.text.index(opening)
    end = paper.text.index(".", start) + 1
    block = paper.block_at(start)
    return Finding("PS201", "long-sentence", Severity.WARNING,
                   f"This sentence has {words} words; split it", start, end, paper.text[start:end],
                   Location(paragraph=block.place.paragraph, page=block.place.page), extra={"words": words})


def result_for(paper: Paper, findings: list[Finding], **summary) -> PaperResult:
    findings = sorted(findings, key=lambda f: (f.start, f.code))
    return PaperResult(path=paper.path, format=paper.format, words=paper.word_count,
                       findings=findings, summary=summary)


def check_golden(name: str, actual: str) -> None:
    """Compare with ``tests/golden/writers/name``; PLAINSPEAK_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("PLAINSPEAK_UPDATE_GOLDEN") or not path.exists():
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"
