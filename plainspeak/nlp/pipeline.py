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

COMPONENT_MODULES: tuple[str, ...] = (
    "plainspeak.nlp.sentence_starts", "plainspeak.nlp.readability", "plainspeak.nlp.glossary_matcher",
    "plainspeak.nlp.definitions", "plainspeak.nlp.candidates",
)

_BUILT: dict[tuple[str, int], "Language"] = {}


def build_pipeline(settings: Settings, glossaries: GlossarySet) -> "Language":
    """The model named in ``settings`` with plainspeak's components added.

    Built once per model and glossary set in a process, because loading the
    model and compiling the glossary matchers cost more than a short paper.
    """
    from plainspeak.nlp.model import load_pipeline

    key = (str(settings.model), id(glossaries))
    if key not in _BUILT:
        nlp = add_components(load_pipeline(settings.model), settings, glossaries)
        _BUILT.clear()  # the model instance is shared, so only one build is live
        _BUILT[key] = nlp
    return _BUILT[key]


def add_components(nlp: "Language", settings: Settings, glossaries: GlossarySet) -> "Language":
    """Add every plainspeak component to ``nlp`` (any pipeline, even a blank one).

    A loaded model is shared within the process, so components an earlier call
    added are dropped first and this call's settings and glossaries take their place.
    """
    for name in [n for n in nlp.pipe_names if n.startswith("plainspeak_")]:
        nlp.remove_pipe(name)
    for module_name in COMPONENT_MODULES:
        importlib.import_module(module_name).add_to(nlp, settings, glossaries)
    return nlp
