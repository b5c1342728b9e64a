"""plainspeak: checks meeting papers for unexplained jargon and hard-to-read passages.

``plainspeak.load(path)`` reads a DOCX, PDF, text or Markdown paper into one
document model; ``plainspeak.check(path)`` runs the whole flow. Heavy imports
wait until they are needed, so the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from plainspeak.paper import Paper
    from plainspeak.result import PaperResult
    from plainspeak.settings import Settings


def load(path: str, **options: Any) -> "Paper":
    """Read a paper into the document model (raises ``InputError`` when it cannot)."""
    from plainspeak.loaders import load as _load

    return _load(path, **options)


def check(path: str, settings: "Settings | None" = None) -> "PaperResult":
    """Load and check one paper with default or given settings."""
    from plainspeak.engine import check_path
    from plainspeak.settings import Settings

    return check_path(str(path), settings or Settings())


__all__ = ["__version__", "check", "load"]
