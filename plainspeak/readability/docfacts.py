"""What the readability features need from a whole Doc, worked out once per Doc.

Reading ``token.morph`` or ``token.dep_`` builds a Python object per token;
over a long paper that per-token work costs more than the features
themselves. Here each fact comes from one ``Doc.to_array`` call (plain
numbers) or one regular-expression pass over the text, and each sentence
then takes its slice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import DEP, HEAD, MORPH, TAG

from plainspeak.readability.figures import Figure, figures_in
from plainspeak.readability.passive import PASSIVE_AUX, PASSIVE_SUBJ

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")  # Penn tags of finite verbs


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Per-Doc facts: finite-verb counts to each token, passive heads and figures.

    ``finite_upto[i]`` is how many finite verbs come before token ``i``
    (None when the pipeline has no tagger or morphologizer to say);
    ``passive_heads`` are doc indices of words with a passive helper or
    subject; ``figures`` are in doc character offsets.
    """

    finite_upto: "list[int] | None"
    passive_heads: tuple[int, ...]
    figures: tuple[Figure, ...]

    def finite(self, start: int, end: int) -> bool | None:
        """Whether tokens ``start``..``end`` hold a finite verb (None: cannot tell)."""
        if self.finite_upto is None:
            return None
        return bool(self.finite_upto[end] - self.finite_upto[start])


def doc_facts(doc: "Doc", text: str) -> DocFacts:
    """The facts of ``doc``; ``text`` is ``doc.text``, built once by the caller."""
    return DocFacts(_finite_upto(doc), _passive_heads(doc), tuple(figures_in(text)))


def _finite_upto(doc: "Doc") -> "list[int] | None":
    has_morph, has_tag = doc.has_annotation("MORPH"), doc.has_annotation("TAG")
    if not (has_morph or has_tag):
        return None
    strings = doc.vocab.strings
    finite_tags = {strings.add(tag) for tag in FINITE_TAGS} if has_tag else set()
    # One array of plain numbers, then a set lookup per token: a block is a few
    # dozen tokens, where numpy's fixed cost per call is most of the work.
    upto = [0]
    count = 0
    for tag, morph in doc.to_array([TAG, MORPH]).tolist():
        if has_morph and morph not in _FINITE_MORPH:
            _FINITE_MORPH[morph] = "VerbForm=Fin" in strings[morph]
        count += tag in finite_tags or (has_morph and _FINITE_MORPH[morph])
        upto.append(count)
    return upto


# Morphology hash -> whether it marks a finite verb; the same few hundred
# analyses recur in every paper, so each is read as a string once.
_FINITE_MORPH: dict[int, bool] = {}


def _passive_heads(doc: "Doc") -> tuple[int, ...]:
    # Tree attributes are only safe to read on a parsed doc.
    if not doc.has_annotation("DEP"):
        return ()
    labels = _passive_labels(doc.vocab.strings)
    columns = doc.to_array([DEP, HEAD])
    # HEAD is the offset to the head, stored unsigned: read it back as signed.
    offsets = columns[:, 1].view(numpy.int64).tolist()
    heads = {index + offsets[index] for index, dep in enumerate(columns[:, 0].tolist()) if dep in labels}
    return tuple(sorted(heads))


def _passive_labels(strings: "StringStore") -> frozenset[int]:
    return frozenset(strings.add(label) for label in PASSIVE_AUX | PASSIVE_SUBJ)
