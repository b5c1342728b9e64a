"""Reporters render results; one module per ``--format``, each with ``render``.

A reporter module offers ``render(results, settings) -> str`` and a
``MEDIA_TYPE``. Reporters only render: they never change a finding.
"""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS = {
    "text": "plainspeak.reporters.text",
    "json": "plainspeak.reporters.json_report",
}


def get_reporter(name: str) -> ModuleType:
    """The reporter module for ``--format name``."""
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(FORMATS[name])
