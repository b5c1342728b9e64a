"""Where plainspeak's shipped files are, in a source checkout or an installed wheel.

A wheel carries ``glossaries/`` and ``models/`` inside the package; a checkout keeps
them at the repository root beside ``plainspeak/``. The package copy wins.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DEFAULT_MODEL = "en_plainspeak_ewt"


def package_root() -> Path:
    """The directory of the ``plainspeak`` package itself."""
    return Path(__file__).resolve().parent


def glossaries_dir() -> Path:
    """The directory of the shipped glossaries."""
    return _shipped_dir("glossaries")


def models_dir() -> Path:
    """The directory holding the shipped spaCy pipelines."""
    return _shipped_dir("models")


def model_path(name: str = DEFAULT_MODEL) -> Path:
    """The directory of one shipped pipeline (it may not exist; callers check)."""
    return models_dir() / name


def data_file(name: str) -> Path:
    """A word list or other data file from ``plainspeak/data``."""
    return package_root() / "data" / name


@lru_cache(maxsize=None)
def data_lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of a ``plainspeak/data`` file, stripped, with ``#`` comments dropped; read once."""
    lines = (raw.split("#", 1)[0].strip() for raw in data_file(name).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def read_counted_words(name: str) -> dict[str, int]:
    """A gzipped table of ``plainspeak/data``: lines of a number and the words it belongs to.

    ``#`` lines are comments. Read in one go and split once: half the time of
    reading line by line.
    """
    import gzip

    table: dict[str, int] = {}
    for line in gzip.decompress(data_file(name).read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            number, *words = line.split(" ")
            table.update(dict.fromkeys(words, int(number)))
    return table


def _shipped_dir(name: str) -> Path:
    inside = package_root() / name
    if inside.is_dir():
        return inside
    return package_root().parent / name
