"""The term word lists shipped in ``plainspeak/data``, read once per process."""

from __future__ import annotations

from functools import lru_cache

from plainspeak.resources import data_file


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of a data file, stripped, with ``#`` comments dropped."""
    lines = (raw.split("#", 1)[0].strip() for raw in data_file(name).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A data file's lines as a set (case kept)."""
    return frozenset(read_lines(name))


@lru_cache(maxsize=None)
def spelling_variants() -> dict[str, str]:
    """American (and British) spellings mapped to the British form."""
    table: dict[str, str] = {}
    for line in read_lines("spelling_variants.txt"):
        british, american = line.split()[:2]
        table[american] = british
        table[british] = british
    return table
