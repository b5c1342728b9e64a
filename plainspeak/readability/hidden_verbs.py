"""Hidden verbs (nominalisations): "make a decision on", "the implementation of".

Two sources: the phrase table ``hidden_verbs.txt`` (phrase in base form, tab,
plain verb), matched in any tense of its first word ("made a decision",
"is in receipt of"); and the general pattern "the <noun> of", where the noun is
in ``nominalisations.txt`` with the everyday verb it hides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from plainspeak.readability.lists import hidden_verb_phrases, irregular_verbs, nominalisations
from plainspeak.readability.verbforms import present_tense

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_NOT_VERBS = frozenset({"the", "a", "an", "in", "of", "on", "to", "for", "with", "at", "by"})
_BE = ("be", "is", "are", "am", "was", "were", "been", "being")


@dataclass(frozen=True, slots=True)
class HiddenVerb:
    """A nominalisation at doc character offsets, with the verb to use instead."""

    start: int
    end: int
    verb: str


def inflections(verb: str) -> tuple[str, ...]:
    """The written forms of a verb: base, -s, past, participle, -ing."""
    if verb == "be":
        return _BE
    past, participle = irregular_verbs().get(verb, (_regular_past(verb),) * 2)
    ing = verb[:-1] + "ing" if verb.endswith("e") and not verb.endswith("ee") else verb + "ing"
    return tuple(dict.fromkeys((verb, present_tense(verb, False), past, participle, ing)))


def _regular_past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def build_matcher(vocab: "Vocab") -> tuple["PhraseMatcher", dict[str, str]]:
    """A lower-case phrase matcher over every inflected phrase, and key -> verb."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="LOWER")
    verbs: dict[str, str] = {}
    for phrase, verb in hidden_verb_phrases().items():
        head, _, rest = phrase.partition(" ")
        inflect = rest and head not in _NOT_VERBS
        forms = [f"{form} {rest}" for form in inflections(head)] if inflect else [phrase]
        key = f"hidden:{phrase}"
        verbs[key] = verb
        matcher.add(key, [Doc(vocab, words=form.split()) for form in forms])
    return matcher, verbs


def hidden_verbs_in(doc: "Doc", matcher: "PhraseMatcher", verbs: dict[str, str], text: str) -> list[HiddenVerb]:
    """Every hidden verb in ``doc`` (whose text is ``text``), longest first where they overlap, in order."""
    spans = [(s, e, verbs[doc.vocab.strings[key]]) for key, s, e in matcher(doc)]
    spans.extend(_the_noun_of(doc, text))
    spans.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    found, reach = [], 0
    for start, end, verb in spans:
        if start >= reach:
            found.append(HiddenVerb(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), verb))
            reach = end
    return found


def _the_noun_of(doc: "Doc", text: str) -> Iterator[tuple[int, int, str]]:
    """"the <noun> of", found in the text by one pattern rather than token by token."""
    table = nominalisations()
    for match in _THE_NOUN_OF.finditer(text):
        verb = table.get(match.group(1).lower())
        if verb is None:
            continue
        first = doc.char_span(match.start(), match.end(), alignment_mode="strict")
        if first is not None and len(first) == 3:  # the words are whole tokens
            yield first.start, first.end, verb


_THE_NOUN_OF = re.compile(r"\b[Tt]he\s+([A-Za-z]+)\s+of\b")
