"""Loading the spaCy pipeline plainspeak analyses papers with.

By default that is the project's own ``en_plainspeak_ewt``, shipped with the package,
so nothing is downloaded. Any installed spaCy package name or pipeline directory can
stand in for it; each gets the meeting-paper tokenizer rules.

Matrix products go through numpy's BLAS rather than thinc's default, blis:
numpy's OpenBLAS picks its kernels for the CPU it runs on, and on the
machines measured it multiplied the tok2vec's matrices about three times as
fast, which made the whole pipeline about 1.7 times as fast (see
docs/performance.md). BLAS gets one thread per process unless the
environment says otherwise: plainspeak runs papers in parallel processes,
and threads on top of those only fight over the same cores.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # read when numpy first loads its BLAS

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from thinc.api import NumpyOps  # noqa: E402

from plainspeak import resources  # noqa: E402
from plainspeak.nlp.tokenizer import customise_tokenizer  # noqa: E402


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
    use_numpy_blas(nlp)
    return nlp


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
