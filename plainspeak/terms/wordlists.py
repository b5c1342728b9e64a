"""The term word lists shipped in ``plainspeak/data``, read once per process."""

from __future__ import annotations

from functools import lru_cache

from plainspeak.resources import data_lines


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A data file's lines as a set (case kept)."""
    return frozenset(data_lines(name))


@lru_cache(maxsize=None)
def spelling_variants() -> dict[str, str]:
    """American (and British) spellings mapped to the British form."""
    table: dict[str, str] = {}
    for line in data_lines("spelling_variants.txt"):
        british, american = line.split()[:2]
        table[american] = british
        table[british] = british
    return table
