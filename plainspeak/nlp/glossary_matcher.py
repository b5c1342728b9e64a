"""``plainspeak_glossary``: find glossary terms and wordy phrases in each block.

Every written form of an entry (the term, its aliases, its expansion) becomes
one or more patterns of matching keys (see :mod:`plainspeak.terms.normalise`),
so case, British and American spelling, plurals and hyphen, space or joined
writing (co-production, co production, coproduction) all match. Acronyms
match case-sensitively. Where the pipeline has a trained lemmatizer its
lemmas are tried too. Patterns are built once per glossary set; overlapping
matches are settled longest first.

A block's keys are plain strings, so patterns are looked up by their first
key in a dict (:class:`KeyPhrases`) rather than through spaCy's
``PhraseMatcher``, which needs a Doc for every pattern and for every pass
over a block: that cost a new Doc and a lexeme for each of some 4,800 key
sequences at every start, and a Doc of keys for every block.

Results are plain data on the Doc:

- ``doc._.plainspeak_terms``: ``[start_char, end_char, term_key, is_acronym]``
- ``doc._.plainspeak_alternatives``: ``[start_char, end_char, phrase]``
"""

from __future__ import annotations

import re
from itertools import product
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from plainspeak.glossary.model import GlossarySet
from plainspeak.nlp.doc_text import doc_text
from plainspeak.settings import Settings
from plainspeak.terms.normalise import HYPHENS, looks_like_acronym, word_key

NAME = "plainspeak_glossary"
MAX_VARIANTS = 8
_HYPHENS = frozenset(HYPHENS)
_HYPHEN_SPLIT = re.compile(f"[{HYPHENS}]")

for _ext in ("plainspeak_terms", "plainspeak_alternatives"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


def key_groups(doc: Doc) -> list[tuple[int, int, list[str]]]:
    """Tokens grouped so that hyphenated words are one group: (first, last, parts)."""
    # Each token's text, space and letters read once, into lists: the loop below
    # looks two tokens ahead of every token, and each Token object costs more
    # than the test it is read for.
    texts, spaced, alpha = [], [], []
    for token in doc:
        texts.append(token.text)
        spaced.append(bool(token.whitespace_))
        alpha.append(token.is_alpha)
    groups: list[tuple[int, int, list[str]]] = []
    count = len(texts)
    i = 0
    while i < count:
        first, parts = i, _hyphen_parts(texts[i])
        while (i + 2 < count and texts[i + 1] in _HYPHENS and not spaced[i]
               and not spaced[i + 1] and alpha[i + 2] and alpha[i]):
            parts.append(texts[i + 2])
            i += 2
        groups.append((first, i, parts))
        i += 1
    return groups


def _hyphen_parts(text: str) -> list[str]:
    """The words of one token the tokenizer kept hyphenated ("co-production"), or the token.

    Any of :data:`~plainspeak.terms.normalise.HYPHENS` joins them: a PDF or a text
    file may carry U+2010 or the non-breaking U+2011, and the term is the same.
    """
    if not _HYPHENS.intersection(text):
        return [text]
    parts = _HYPHEN_SPLIT.split(text)
    return parts if all(part.isalpha() for part in parts) else [text]


def shadow_keys(doc: Doc, use_lemma: bool = False, exact: bool = False,
                groups: list[tuple[int, int, list[str]]] | None = None) -> list[str]:
    """One key per group: hyphenated parts joined, or the lemma's key when asked.

    ``exact`` keys are only lower-cased, for phrases that must match as written.
    ``groups`` passes in :func:`key_groups` already computed for ``doc``.
    """
    groups = key_groups(doc) if groups is None else groups
    if exact:
        return ["".join(parts).lower() for _first, _last, parts in groups]
    if not use_lemma:
        return [word_key("".join(parts)) for _first, _last, parts in groups]
    lemmas = [token.lemma_ for token in doc]
    return [word_key(lemmas[first]) if len(parts) == 1 and lemmas[first] and not looks_like_acronym(parts[0])
            else word_key("".join(parts)) for first, _last, parts in groups]


def pattern_variants(doc: Doc, inflect: bool = False) -> list[list[str]]:
    """Key sequences for one written form: hyphen groups joined or split."""
    choices: list[list[list[str]]] = []
    for _first, _last, parts in key_groups(doc):
        options = [[word_key("".join(parts))]]
        if len(parts) > 1:
            options.append([word_key(p) for p in parts])
        choices.append(options)
    variants = []
    for combo in product(*choices):
        variants.append([key for option in combo for key in option])
        if len(variants) >= MAX_VARIANTS:
            break
    if inflect and len(doc) == 1 and not looks_like_acronym(doc[0].text):
        variants += [[word_key(w)] for w in verb_forms(doc[0].text.lower())]
    return variants


def verb_forms(word: str) -> list[str]:
    """Simple English verb endings, for matching without a lemmatizer."""
    if word.endswith("e"):
        return [word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and len(word) > 3:
        return [word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    return [word + "s", word + "ed", word + "ing"]


class KeyPhrases:
    """Labelled sequences of keys, found wherever they stand in a block's keys."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(self, label: str, variants: Iterable[list[str]]) -> None:
        for keys in variants:
            if not keys:
                continue
            entry = (tuple(keys), label)
            bucket = self._by_first.setdefault(keys[0], [])
            if entry not in bucket:
                bucket.append(entry)

    def __len__(self) -> int:
        return sum(map(len, self._by_first.values()))

    def find(self, keys: list[str]) -> set[tuple[int, int, str]]:
        """Every match as (first key, end, label), overlapping ones included."""
        found: set[tuple[int, int, str]] = set()
        by_first = self._by_first
        count = len(keys)
        for i, key in enumerate(keys):
            for phrase, label in by_first.get(key, ()):
                end = i + len(phrase)
                if end == i + 1 or (end <= count and tuple(keys[i:end]) == phrase):
                    found.add((i, end, label))
        return found


class GlossaryMatcher:
    """Finds glossary forms and plain-alternative phrases; see the module docstring."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.nlp, self.name = nlp, name
        self.terms = KeyPhrases()
        self.alternatives = KeyPhrases()  # on exact keys
        self.acronym_keys: set[str] = set()

    def configure(self, glossaries: GlossarySet) -> None:
        """Compile the patterns for one glossary set (once per run)."""
        for term in glossaries.active_terms():
            for form in term.forms():
                self._add(self.terms, term.key, form, inflect=len(form.split()) == 1)
                if looks_like_acronym(form):
                    self.acronym_keys.add(term.key)
        for alternative in glossaries.alternatives:
            inflect = alternative.match == "lemma"
            self._add(self.alternatives, alternative.phrase, alternative.phrase, inflect, exact=True)

    def _add(self, matcher: KeyPhrases, key: str, form: str, inflect: bool, exact: bool = False) -> None:
        doc = self.nlp.make_doc(form)
        if exact:
            words = shadow_keys(doc, exact=True)
            variants = [words] + [[v] + words[1:] for v in verb_forms(words[0])] * inflect
        else:
            variants = pattern_variants(doc, inflect)
        matcher.add(key, variants)

    def __call__(self, doc: Doc) -> Doc:
        groups = key_groups(doc)
        passes = [shadow_keys(doc, groups=groups)]
        if doc.has_annotation("LEMMA"):
            by_lemma = shadow_keys(doc, use_lemma=True, groups=groups)
            if by_lemma != passes[0]:  # the same keys would find the same matches
                passes.append(by_lemma)
        text = doc_text(doc)
        doc._.plainspeak_terms = [
            [s, e, key, looks_like_acronym(text[s:e])]
            for s, e, key in self._match(self.terms, doc, groups, passes)
            if looks_like_acronym(text[s:e]) or not inside_longer_name(doc, s, e)
        ]
        doc._.plainspeak_alternatives = [
            [s, e, key] for s, e, key in self._match(self.alternatives, doc, groups, [shadow_keys(doc, exact=True, groups=groups)])
        ]
        return doc

    def _match(self, matcher: KeyPhrases, doc: Doc, groups: list, passes: list) -> list:
        found: set[tuple[int, int, str]] = set()
        for keys in passes:
            found |= matcher.find(keys)
        chosen = longest_first(found)
        return [(doc[groups[s][0]].idx, doc[groups[e - 1][1]].idx + len(doc[groups[e - 1][1]]), key)
                for s, e, key in chosen]


_NAME_JOINERS = {"and", "of", "&", "for"}
_NOT_NAME = {"The", "A", "An", "This", "That", "Our", "Your", "Their", "Its", "Each", "Every", "Any", "No"}


def _name_word(token: Token | None) -> bool:
    """A capitalised word that can be part of a name ("Health", "Yorkshire", "2022" after Act)."""
    if token is None or token.text in _NOT_NAME or token.is_sent_start:
        return False
    return token.text[:1].isupper() and not token.is_upper


def inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a title-case match is part of a longer capitalised name.

    "Care Act" inside "Health and Care Act 2022" names that Act, not the Care
    Act; "Care Partnership" inside "Brackenford Health and Care Partnership" names
    one body. A lower-case match, or one at the start of a sentence, stands alone.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    # Words with letters: "co-production" is one token but not ``is_alpha``.
    words = [t for t in span if any(c.isalpha() for c in t.text)] if span is not None else []
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text.lower() in _NAME_JOINERS and span.start > 1:
        before = doc[span.start - 2]
    after = doc[span.end] if span.end < len(doc) else None
    year_after = after is not None and after.like_num and span[-1].text in ("Act", "Regulations")
    return _name_word(before) or (_name_word(after) and not after.is_sent_start) or year_after


def longest_first(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, the longest kept where two overlap, in text order."""
    taken: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for start, end, key in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        if used.isdisjoint(range(start, end)):
            taken.append((start, end, key))
            used.update(range(start, end))
    return sorted(taken)


@Language.factory(NAME, assigns=["doc._.plainspeak_terms", "doc._.plainspeak_alternatives"])
def make_glossary_matcher(nlp: Language, name: str) -> GlossaryMatcher:
    return GlossaryMatcher(nlp, name)


def add_to(nlp: Language, settings: Settings, glossaries: GlossarySet) -> None:
    """Add the matcher last, after any lemmatizer, compiled for ``glossaries``."""
    component = nlp.add_pipe(NAME, last=True)
    component.configure(glossaries)
