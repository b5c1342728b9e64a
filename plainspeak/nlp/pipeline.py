"""Assemble the spaCy pipeline for a run: the model plus plainspeak's components.

Each module named in :data:`COMPONENT_MODULES` registers one or more
``plainspeak_*`` factories and offers ``add_to(nlp, settings, glossaries)``,
which adds its components in the right place. Components only find and
annotate; rules make findings.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from plainspeak.glossary.model import GlossarySet
from plainspeak.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

# Components that change what the model gives (sentence starts, set before the
# parser runs). They need no glossary, so :func:`model_stage` adds them.
ANNOTATOR_MODULES: tuple[str, ...] = ("plainspeak.nlp.sentence_starts",)
# Components that only read a parsed Doc and write plainspeak's extensions, each
# added last: a Doc the model and annotators parsed elsewhere can be passed
# through them here and come out as if this pipeline had parsed it.
READER_MODULES: tuple[str, ...] = (
    "plainspeak.nlp.readability", "plainspeak.nlp.glossary_matcher", "plainspeak.nlp.definitions",
    "plainspeak.nlp.candidates",
)
COMPONENT_MODULES: tuple[str, ...] = ANNOTATOR_MODULES + READER_MODULES

_BUILT: dict[tuple[str, int], "Language"] = {}


def build_pipeline(settings: Settings, glossaries: GlossarySet) -> "Language":
    """The model named in ``settings`` with plainspeak's components added.

    Built once per model and glossary set in a process, because loading the
    model and compiling the glossary matchers cost more than a short paper.
    """
    from plainspeak.nlp.model import load_pipeline

    key = _key(settings, glossaries)
    if key not in _BUILT:
        nlp = add_components(load_pipeline(settings.model), settings, glossaries)
        _BUILT.clear()  # the model instance is shared, so only one build is live
        _BUILT[key] = nlp
    return _BUILT[key]


def built_pipeline(settings: Settings, glossaries: GlossarySet) -> "Language | None":
    """The pipeline :func:`build_pipeline` would return, if it is built already."""
    return _BUILT.get(_key(settings, glossaries))


def model_stage(settings: Settings) -> "Language":
    """The model named in ``settings`` with plainspeak's annotators and none of its readers.

    What a process forked before the readers are built parses with: the
    Docs it sends back need only the readers (see :data:`READER_MODULES`).
    :func:`build_pipeline` then adds them to this same pipeline.
    """
    from plainspeak.nlp.model import load_pipeline

    nlp = load_pipeline(settings.model)
    _BUILT.clear()  # the shared model loses its readers, so no earlier build stands
    _remove_components(nlp)
    for module_name in ANNOTATOR_MODULES:
        importlib.import_module(module_name).add_to(nlp, settings, GlossarySet())
    return nlp


def _key(settings: Settings, glossaries: GlossarySet) -> tuple[str, int]:
    return (str(settings.model), id(glossaries))


def _remove_components(nlp: "Language") -> None:
    for name in [n for n in nlp.pipe_names if n.startswith("plainspeak_")]:
        nlp.remove_pipe(name)


def add_components(nlp: "Language", settings: Settings, glossaries: GlossarySet) -> "Language":
    """Add every plainspeak component to ``nlp`` (any pipeline, even a blank one).

    A loaded model is shared within the process, so components an earlier call
    added are dropped first and this call's settings and glossaries take their place.
    """
    _remove_components(nlp)
    for module_name in COMPONENT_MODULES:
        importlib.import_module(module_name).add_to(nlp, settings, glossaries)
    return nlp
