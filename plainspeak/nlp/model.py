"""Loading the spaCy pipeline plainspeak analyses papers with.

By default that is the project's own ``en_plainspeak_ewt``, shipped with the package,
so nothing is downloaded. Any installed spaCy package name or pipeline directory can
stand in for it; each gets the meeting-paper tokenizer rules.

thinc's own matrix products (the tok2vec's layers, the taggers, the
parser's precomputed first layer) go through numpy's BLAS rather than
thinc's default, blis: numpy's OpenBLAS picks its kernels for the CPU it
runs on, and on the machines measured it multiplied the tok2vec's matrices
about three times as fast, which made the whole pipeline about 1.7 times as
fast (see docs/performance.md). The parser's step-by-step loop is compiled
against blis and keeps it. The command line gives BLAS one thread per
process (:func:`plainspeak.cli.one_blas_thread`); a program that imports
plainspeak keeps its own setting.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry
from thinc.api import NumpyOps

from plainspeak import resources
from plainspeak.nlp.tokenizer import customise_tokenizer


def load_pipeline(name_or_path: str | None = None) -> Language:
    """Return the pipeline named (the shipped one if None), loaded once per process."""
    return _load_cached(name_or_path)


@lru_cache(maxsize=None)
def _load_cached(name_or_path: str | None) -> Language:
    target: str | Path = resources.model_path() if name_or_path is None else name_or_path
    try:
        nlp = spacy.load(target, config=_tokenizer_overrides(target))
    except (OSError, ValueError, KeyError, ImportError) as exc:
        # spaCy raises OSError for a missing package or path, the others for a
        # broken config or an incompatible pipeline; the user needs one clear line.
        raise _model_error(str(target), exc) from exc
    customise_tokenizer(nlp)
    use_numpy_blas(nlp)
    return nlp


@registry.tokenizers("plainspeak.saved_tokenizer.v1")
def make_saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, for a pipeline whose saved tokenizer will fill it in."""
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)
    return create


def _tokenizer_overrides(target: str | Path) -> dict:
    """Build a directory pipeline's tokenizer once, from its saved file.

    spaCy builds the English tokenizer from its defaults (about 1,700 special
    cases) and then replaces all of it with the saved one: 0.1 s of every
    start. A pipeline with a standard tokenizer saved beside its config gets
    an empty one to load into instead. The directory itself is untouched.
    """
    folder = Path(target)
    if not (folder / "tokenizer").is_file() or not (folder / "config.cfg").is_file():
        return {}
    if '@tokenizers = "spacy.Tokenizer.v1"' not in (folder / "config.cfg").read_text(encoding="utf-8"):
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": "plainspeak.saved_tokenizer.v1"}}}


def use_numpy_blas(nlp: Language) -> None:
    """Have every model in ``nlp`` multiply through numpy's BLAS, not blis.

    Set on this pipeline's own models, not as thinc's current ops, so other
    spaCy pipelines in the same process are left as they were. Only CPU
    models are changed; a pipeline on a GPU keeps its ops.
    """
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


def _model_error(subject: str, exc: Exception) -> Exception:
    # Imported here so this module loads even where errors.py is not yet present.
    from plainspeak.errors import E301, ModelError

    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ModelError(E301, subject, detail)
