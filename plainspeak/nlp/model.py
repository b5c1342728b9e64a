"""Loading the spaCy pipeline plainspeak analyses papers with.

By default that is the project's own ``en_plainspeak_ewt``, shipped with the package,
so nothing is downloaded. Any installed spaCy package name or pipeline directory can
stand in for it; each gets the meeting-paper tokenizer rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from plainspeak import resources
from plainspeak.nlp.tokenizer import customise_tokenizer


def load_pipeline(name_or_path: str | None = None) -> Language:
    """Return the pipeline named (the shipped one if None), loaded once per process."""
    return _load_cached(name_or_path)


@lru_cache(maxsize=None)
def _load_cached(name_or_path: str | None) -> Language:
    target: str | Path = resources.model_path() if name_or_path is None else name_or_path
    try:
        nlp = spacy.load(target)
    except (OSError, ValueError, KeyError, ImportError) as exc:
        # spaCy raises OSError for a missing package or path, the others for a
        # broken config or an incompatible pipeline; the user needs one clear line.
        raise _model_error(str(target), exc) from exc
    customise_tokenizer(nlp)
    return nlp


def _model_error(subject: str, exc: Exception) -> Exception:
    # Imported here so this module loads even where errors.py is not yet present.
    from plainspeak.errors import E301, ModelError

    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ModelError(E301, subject, detail)
