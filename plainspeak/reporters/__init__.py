"""Reporters render results; one module per ``--format``, each with ``render``.

A reporter module offers ``render(results, settings, run=None) -> str`` and a
``MEDIA_TYPE``; ``run`` (:class:`plainspeak.reporters.notes.RunNotes`) carries
what the run knows beyond the findings: suppressions, the baseline and
ignore-file notices. Reporters only render: they never change a finding.
"""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS = {
    "text": "plainspeak.reporters.text",
    "json": "plainspeak.reporters.json_report",
    "sarif": "plainspeak.reporters.sarif",
    "junit": "plainspeak.reporters.junit",
    "github": "plainspeak.reporters.github",
    "markdown": "plainspeak.reporters.markdown",
}


def get_reporter(name: str) -> ModuleType:
    """The reporter module for ``--format name``."""
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(FORMATS[name])
