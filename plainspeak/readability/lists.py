"""The readability word lists, read once from ``plainspeak/data``."""

from __future__ import annotations

from functools import lru_cache

from plainspeak.resources import data_lines


def read_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, read through the one cached line reader."""
    return [[cell.strip() for cell in line.split("\t")] for line in data_lines(name)]


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, tuple[str, str]]:
    """Base form -> (past, past participle) for verbs not formed with -ed."""
    return {row[0]: (row[1], row[2]) for row in read_rows("irregular_verbs.txt") if len(row) == 3}


@lru_cache(maxsize=1)
def participle_bases() -> dict[str, str]:
    """Irregular past participle -> base form ("given" -> "give")."""
    return {forms[1]: base for base, forms in irregular_verbs().items()}


@lru_cache(maxsize=1)
def stative_participles() -> frozenset[str]:
    """Participles (or "participle next-word") that describe a state, not an action."""
    return frozenset(" ".join(row[0].lower().split()) for row in read_rows("stative_participles.txt"))


@lru_cache(maxsize=1)
def nominalisations() -> dict[str, str]:
    """Noun -> the verb it hides ("implementation" -> "implement")."""
    return {row[0].lower(): row[1] for row in read_rows("nominalisations.txt") if len(row) == 2}


@lru_cache(maxsize=1)
def hidden_verb_phrases() -> dict[str, str]:
    """Phrase in base form -> plain verb, from ``hidden_verbs.txt``."""
    return {row[0].lower(): row[1] for row in read_rows("hidden_verbs.txt") if len(row) == 2}


@lru_cache(maxsize=1)
def unit_markers() -> frozenset[str]:
    """Words and signs that say what a table's figures count or measure."""
    return frozenset(row[0].lower() for row in read_rows("unit_markers.txt"))
