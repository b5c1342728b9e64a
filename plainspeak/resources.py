"""Where plainspeak's shipped files are, in a source checkout or an installed wheel.

A wheel carries ``glossaries/`` and ``models/`` inside the package; a checkout keeps
them at the repository root beside ``plainspeak/``. The package copy wins.
"""

from __future__ import annotations

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


def _shipped_dir(name: str) -> Path:
    inside = package_root() / name
    if inside.is_dir():
        return inside
    return package_root().parent / name
