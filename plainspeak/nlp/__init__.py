"""spaCy side of plainspeak: the shipped pipeline, the tokenizer and ``plainspeak_*`` components."""

from plainspeak.nlp.lean_import import import_spacy

import_spacy()  # before any module here imports spaCy: see lean_import
