"""The ``plainspeak_readability`` component: per-sentence readability features.

For each sentence of a block it stores a
:class:`plainspeak.readability.features.SentenceFeatures` (word and syllable
counts, grade, passive groups, figures, hidden verbs, whether it is gradeable)
in ``doc._.plainspeak_readability``, a list in sentence order. The values are
frozen dataclasses of numbers and strings, never Spans, so Docs pickle.
Rules PS2xx/PS3xx only read them.

It needs sentence boundaries: the trained parser gives them (joined where a
reader would see one sentence, see :func:`reader_sentences`); on a pipeline
without a parser, senter or sentencizer,
:func:`plainspeak.nlp.sentence_starts.add_to` adds a sentencizer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from plainspeak.nlp.doc_text import doc_text
from plainspeak.readability.docfacts import doc_facts
from plainspeak.readability.features import Gate, reader_sentences, sentence_features
from plainspeak.readability.hidden_verbs import build_matcher, hidden_verbs_in

if TYPE_CHECKING:
    from plainspeak.glossary.model import GlossarySet
    from plainspeak.settings import Settings

EXTENSION = "plainspeak_readability"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class ReadabilityComponent:
    """Computes :class:`SentenceFeatures` for every sentence of a Doc."""

    def __init__(self, nlp: Language, *, min_words: int, verbless_max_words: int, names_share: float) -> None:
        self.gate = Gate(min_words, verbless_max_words, names_share)
        self.matcher, self.verbs = build_matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        hidden = hidden_verbs_in(doc, self.matcher, self.verbs, text)
        facts = doc_facts(doc, text)
        sentences = reader_sentences(doc, text)
        doc._.set(EXTENSION, [sentence_features(sent, self.gate, hidden, text, facts) for sent in sentences])
        return doc


@Language.factory(
    "plainspeak_readability",
    assigns=[f"doc._.{EXTENSION}"],
    requires=["token.is_sent_start"],
    default_config={"min_words": 8, "verbless_max_words": 30, "names_share": 0.7},
)
def make_readability(
    nlp: Language, name: str, *, min_words: int, verbless_max_words: int, names_share: float
) -> ReadabilityComponent:
    return ReadabilityComponent(
        nlp, min_words=min_words, verbless_max_words=verbless_max_words, names_share=names_share
    )


def add_to(nlp: Language, settings: "Settings", glossaries: "GlossarySet") -> None:
    """Add the component last."""
    if "plainspeak_readability" not in nlp.pipe_names:
        nlp.add_pipe("plainspeak_readability", last=True)


def features_of(doc: Doc) -> list:
    """The features stored on ``doc`` (an empty list if the component did not run)."""
    return doc._.get(EXTENSION) or []
