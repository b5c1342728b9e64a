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
    from collections.abc import Iterable

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
    # The columns hold 64-bit string hashes: compared as arrays, never turned into
    # Python numbers one by one.
    columns = doc.to_array([TAG, MORPH])
    finite = numpy.zeros(len(doc), dtype=bool)
    if has_tag:
        finite |= numpy.isin(columns[:, 0], _hashes(strings.add(tag) for tag in FINITE_TAGS))
    if has_morph:
        analyses = numpy.unique(columns[:, 1])
        for value in set(analyses.tolist()) - _FINITE_MORPH.keys():
            _FINITE_MORPH[value] = "VerbForm=Fin" in strings[value]
        finite |= numpy.isin(columns[:, 1], _hashes(v for v in analyses.tolist() if _FINITE_MORPH[v]))
    return [0, *numpy.cumsum(finite).tolist()]


# Morphology hash -> whether it marks a finite verb; the same few hundred
# analyses recur in every paper, so each is read as a string once.
_FINITE_MORPH: dict[int, bool] = {}


def _passive_heads(doc: "Doc") -> tuple[int, ...]:
    # Tree attributes are only safe to read on a parsed doc.
    if not doc.has_annotation("DEP"):
        return ()
    columns = doc.to_array([DEP, HEAD])
    passive = numpy.flatnonzero(numpy.isin(columns[:, 0], _hashes(_passive_labels(doc.vocab.strings))))
    # HEAD is the offset to the head, stored unsigned: read it back as signed.
    heads = passive + columns[passive, 1].view(numpy.int64)
    return tuple(sorted(set(heads.tolist())))


def _hashes(values: "Iterable[int]") -> "numpy.ndarray":
    """String hashes as unsigned 64-bit numbers: a plain list of them would become floats."""
    return numpy.fromiter(values, dtype=numpy.uint64)


def _passive_labels(strings: "StringStore") -> frozenset[int]:
    return frozenset(strings.add(label) for label in PASSIVE_AUX | PASSIVE_SUBJ)
