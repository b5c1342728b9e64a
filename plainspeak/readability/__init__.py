"""Readability: per-sentence features, and the helpers the PS2xx/PS3xx rules share.

The ``plainspeak_readability`` component computes the plain-data features for
each sentence.

Seams: :mod:`.words` counts words and syllables and grades a sentence;
:mod:`.passive` finds passive verb groups; :mod:`.figures` finds sums,
percentages and dates; :mod:`.hidden_verbs` finds nominalisations;
:mod:`.features` puts them together per sentence; :mod:`.sentences` walks the
graded sentences of an analysis for the rules; :mod:`.summary` makes the
paper-level picture.
"""

from plainspeak.nlp.lean_import import import_spacy

import_spacy()  # before any module here imports spaCy: see plainspeak.nlp.lean_import
