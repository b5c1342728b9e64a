"""``plainspeak_sentence_starts``: a full stop and then a capital start a sentence.

The parser sets sentence boundaries from its parse, and now and then it runs a
short verbless sentence into the next one ("A grade on the pay scale, from
Band 1 to Band 9. A higher band means more pay." read as one sentence of 20
words). In a meeting paper a full stop, question mark or exclamation mark that
stands as a token of its own, followed by a space and a capital, ends a
sentence. This component marks the word after it as a sentence start before
the parser runs, and spaCy's parser keeps the starts it is given.

A short label that opens a block ends there too: "Purpose of report: To set
out ..." is a label and a sentence.

Titles and abbreviations written with a stop ("Dr.", "Cllr.", "J.", "e.g.")
are single tokens (spaCy's rules and :mod:`plainspeak.nlp.tokenizer`), so
their stop never stands alone and they need no list here; a whole word before
the stop ("the Mayor. The Council agreed.") ends its sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from plainspeak.nlp.doc_text import doc_text
from plainspeak.readability.docfacts import FINITE_TAGS

if TYPE_CHECKING:
    from plainspeak.glossary.model import GlossarySet
    from plainspeak.settings import Settings

NAME = "plainspeak_sentence_starts"
_STOP_THEN_CAPITAL = re.compile(r"[.!?](?=[ \t]+[A-Z])")
_SETS_SENTENCES = ("parser", "senter")
_SENTENCE_FACTORIES = (*_SETS_SENTENCES, "sentencizer")
SENTENCIZER = "plainspeak_sentencizer"
_LABEL_WORDS = 5


def mark_sentence_starts(doc: Doc) -> Doc:
    """Mark the word after each stop-then-capital, or after an opening label, as a sentence start."""
    for match in _STOP_THEN_CAPITAL.finditer(doc_text(doc)):
        stop = doc.char_span(match.start(), match.end())
        if stop is None or len(stop) != 1 or stop.end >= len(doc) or stop.start == 0:
            continue  # part of a longer token ("Dr.", "U.K.") or at an edge
        after = doc[stop.end]
        if after.is_space:
            after = doc[after.i + 1] if after.i + 1 < len(doc) else after
        if after.text[:1].isupper():
            after.is_sent_start = True
    label = _leading_label_end(doc)
    if label is not None:
        doc[label].is_sent_start = True
    return doc


def _leading_label_end(doc: Doc) -> int | None:
    """The word after a short label that opens the block ("Purpose of report: To set out ...").

    At most five words before the colon, none of them a finite verb (the tagger
    has run), and a capital after it.
    """
    colon = next((t.i for t in doc[:_LABEL_WORDS + 1] if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(doc) or not doc[colon + 1].text[:1].isupper():
        return None
    if any(t.tag_ in FINITE_TAGS for t in doc[:colon]):
        return None
    return colon + 1


@Language.component(NAME)
def sentence_starts(doc: Doc) -> Doc:
    return mark_sentence_starts(doc)


def add_to(nlp: Language, settings: "Settings", glossaries: "GlossarySet") -> None:
    """Add the component just before the parser or senter, if the pipeline has one.

    A pipeline with nothing that sets sentences gets a sentencizer first, for
    the readability features, which are counted sentence by sentence.
    """
    factories = {name: nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    setters = [name for name, factory in factories.items() if factory in _SETS_SENTENCES]
    if setters and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before=setters[0])
    if not set(factories.values()).intersection(_SENTENCE_FACTORIES) and SENTENCIZER not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", name=SENTENCIZER, first=True)
