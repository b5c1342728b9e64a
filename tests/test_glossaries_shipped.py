"""The glossaries plainspeak ships: they load, are big enough, and are starters only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from plainspeak.glossary.lint import duplicate_forms, lint_files
from plainspeak.glossary.load import MAX_DEFINITION_WORDS, load_glossary_set, read_glossary_file, shipped_glossary_paths
from plainspeak.glossary.model import Status

MINIMUM_TERMS = {"budget": 150, "social-care": 100, "nhs": 100, "meetings": 60}
MINIMUM_PHRASES = {"plain-alternatives": 150}
MINIMUM_BY_CATEGORY = {"budget": 150, "social care": 100, "health": 100, "meetings": 60}
PATHS = shipped_glossary_paths()


def _read(path: Path):  # noqa: ANN202
    return read_glossary_file(path)


def test_every_expected_file_is_shipped() -> None:
    assert sorted(p.stem for p in PATHS) == sorted([*MINIMUM_TERMS, *MINIMUM_PHRASES])


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_loads_and_is_big_enough(path: Path) -> None:
    glossary_id, terms, phrases = _read(path)
    assert glossary_id == path.stem
    assert len(terms) >= MINIMUM_TERMS.get(glossary_id, 0)
    assert len(phrases) >= MINIMUM_PHRASES.get(glossary_id, 0)


def test_counts_by_category() -> None:
    counts = Counter(t.category for t in load_glossary_set().terms)
    assert {c: counts[c] >= n for c, n in MINIMUM_BY_CATEGORY.items()} == dict.fromkeys(MINIMUM_BY_CATEGORY, True)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_definitions_are_short(path: Path) -> None:
    _, terms, _ = _read(path)
    assert [t.term for t in terms if len(t.definition.split()) > MAX_DEFINITION_WORDS] == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_nothing_is_agreed_on_anyone_s_behalf(path: Path) -> None:
    _, terms, _ = _read(path)
    assert [t.term for t in terms if t.agreed_by or t.agreed_on or t.status is not Status.PROPOSED] == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_alphabetical(path: Path) -> None:
    _, terms, phrases = _read(path)
    for names in ([t.term for t in terms], [p.phrase for p in phrases]):
        assert [(a, b) for a, b in zip(names, names[1:]) if a.casefold() > b.casefold()] == []


def test_no_conflicts_among_shipped_glossaries() -> None:
    assert [c.describe() for c in load_glossary_set().conflicts] == []


def test_no_name_used_in_two_shipped_files() -> None:
    assert [i.line() for i in duplicate_forms([_read(p)[1] for p in PATHS])] == []


def test_lint_finds_no_errors() -> None:
    assert [i.line() for i in lint_files(PATHS) if i.level == "error"] == []


def test_scopes_name_places_only() -> None:
    # Scope is part of an entry's identity when glossaries layer; an explanation there
    # would stop a group's own entry replacing the shipped one.
    assert [i.line() for i in lint_files(PATHS) if "scope" in i.message] == []
