"""Passive verb groups in a sentence, from whatever annotation the pipeline has.

In order of trust: the parser's ``aux:pass``/``nsubj:pass`` (UD labels, as in
a pipeline trained on UD English EWT) or ``auxpass``/``nsubjpass`` (spaCy's
English labels); the morphologizer's ``Voice=Pass`` after a form of "be"; the
tagger's ``VBN`` after a form of "be"; and, on a blank pipeline, a word ending
in -ed (or an irregular participle) after a form of "be". Participles that
describe a state ("is based in", "are pleased") are left alone unless a
"by ..." actor makes them an action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from plainspeak.readability.lists import participle_bases, stative_participles

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The helping verbs of a verb group, named once for finding a passive here and
# for turning it round in :mod:`.voice`.
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})
HAVE_FORMS = frozenset({"has", "have", "had", "having"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
PAST_BE = frozenset({"was", "were"})
BE_FORMS = PRESENT_BE | PAST_BE | {"be", "been", "being"}
_NEGATIONS = frozenset({"not", "n't", "never"})
_AUX_WORDS = MODALS | HAVE_FORMS | BE_FORMS | _NEGATIONS | {"to", "also"}
_INVERTING = frozenset({"should", "had", "were"})
PASSIVE_AUX = frozenset({"aux:pass", "auxpass"})
PASSIVE_SUBJ = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
_SKIPPABLE = frozenset({"not", "also", "n't", "being", "been", "then", "now", "still", "all", "both", "fully", "only"})
_AGENT_STOP = frozenset({",", ".", ";", ":", "(", ")", "in", "on", "at", "for", "to", "with", "and", "or",
                         "from", "during", "after", "before", "by", "as", "which", "who", "that", "when"})


@dataclass(frozen=True, slots=True)
class Passive:
    """One passive verb group: doc character offsets of ``auxiliaries .. participle``.

    ``auxiliaries`` are the lower-cased helping words before the participle
    ("will", "be"; "to", "be"), without "not" and adverbs; ``agent`` is the
    "by ..." actor's noun phrase, or "" when none is named; ``negation`` is
    "not" or "never" when the group is negative; ``inverted`` is True for a
    condition put first ("Should the plan be agreed, ...").
    """

    start: int
    end: int
    auxiliaries: tuple[str, ...]
    participle: str
    lemma: str
    agent: str = ""
    agent_plural: bool = False
    negation: str = ""
    inverted: bool = False
    particle: str = ""  # a preposition left at the end: "cared for", "relied on"


def passives_in(sent: "Span", heads: "tuple[int, ...]") -> list[Passive]:
    """Every passive verb group of the sentence, in order.

    ``heads`` are the doc's words with a passive helper or subject, found for
    the whole doc at once (:func:`plainspeak.readability.docfacts.doc_facts`);
    they are read in a parsed doc only.
    """
    doc = sent.doc
    if doc.has_annotation("DEP"):
        candidates = [doc[i] for i in heads if sent.start <= i < sent.end and _verbal(doc[i])]
        candidates += [t for t in sent if _missed_with_actor(t, sent, candidates)]
        candidates.sort(key=lambda t: t.i)
    else:
        tagged = doc.has_annotation("TAG")  # once: spaCy reads every token to say no
        candidates = [t for t in sent if _after_be(t) is not None and _participle_like(t, tagged)]
    found = []
    for verb in candidates:
        passive = _describe(sent, verb)
        if passive is not None:
            found.append(passive)
    return found


def _missed_with_actor(token: "Token", sent: "Span", found: list) -> bool:
    """A passive the parse hung wrongly, that says who acts: "is driven mainly by rising demand".

    Only with a form of "be" just before, a tagged passive participle and a
    "by ..." actor after it, so nothing weaker than the parse's own passives counts.
    """
    return (token.tag_ == "VBN" and token not in found and _verbal(token)
            and _after_be(token) is not None and bool(_agent_by_tags(sent, token)[0]))


def _verbal(token: "Token") -> bool:
    if token.doc.has_annotation("TAG"):  # a tagger can take "been greater" for a participle
        return (token.tag_ == "VBN" or "Pass" in token.morph.get("Voice")) and _participle_shaped(token.lower_)
    return token.pos_ in ("VERB", "AUX", "") or token.tag_ == "VBN" or "Pass" in token.morph.get("Voice")


def _participle_shaped(word: str) -> bool:
    """Spelt like a past participle: regular -ed, or in the irregular verb table."""
    return word.endswith("ed") or word in participle_bases()


def _participle_like(token: "Token", tagged: bool) -> bool:
    if "Pass" in token.morph.get("Voice") or token.tag_ == "VBN":
        return True
    if tagged:
        return False
    lower = token.lower_
    return lower in participle_bases() or (lower.endswith("ed") and len(lower) > 4 and not lower.endswith("eed"))


def _after_be(token: "Token") -> "Token | None":
    """The form of "be" this token follows (skipping "not", "also" and the like)."""
    i = token.i - 1
    while i >= max(0, token.i - 4):
        lower = token.doc[i].lower_
        if lower in BE_FORMS:
            return token.doc[i]
        if lower not in _SKIPPABLE and not lower.endswith("ly"):
            return None
        i -= 1
    return None


def _describe(sent: "Span", verb: "Token") -> Passive | None:
    # Tree attributes (lefts, children) are only safe to read on a parsed doc.
    parsed = verb.doc.has_annotation("DEP")
    # "cop" too: a parser can take the "be" of a passive with a passive subject
    # for a copula ("the service will be closed": be/cop).
    auxes = [t for t in verb.lefts if t.dep_ in PASSIVE_AUX or t.dep_ in ("aux", "cop")] if parsed else []
    if not auxes:
        be = _after_be(verb)
        first = _aux_chain_start(verb, be) if be is not None else verb
        auxes = [t for t in verb.doc[first.i : verb.i] if t.lower_ in _AUX_WORDS]
    else:
        first = auxes[0]
    # Without a form of "be" it is a participle used as an adjective
    # ("as expected", "the expected savings", "the papers referred to").
    if not any(t.lower_ in BE_FORMS for t in auxes):
        return None
    agent, plural = _agent(sent, verb)
    following = verb.nbor(1).lower_ if verb.i + 1 < len(verb.doc) else ""
    stative = verb.lower_ in stative_participles() or f"{verb.lower_} {following}" in stative_participles()
    if stative and not agent:
        return None
    if first.i > 0 and first.nbor(-1).lower_ == "to" and first.lower_ == "be":
        first = first.nbor(-1)  # "to be funded": the infinitive, quoted whole
    auxiliaries = tuple(t.lower_ for t in verb.doc[first.i : verb.i] if t.lower_ in _AUX_WORDS - _NEGATIONS)
    negation = next((t.lower_ for t in verb.doc[first.i : verb.i] if t.lower_ in _NEGATIONS), "")
    inverted = _inverted(verb, first)
    if not inverted and any(t.pos_ in ("NOUN", "PROPN") for t in verb.doc[first.i + 1 : verb.i]):
        return None  # a noun inside the group ("is interest received"): a parse to distrust
    particle = _particle(verb)
    last = verb.nbor(1) if particle else verb  # quote "were cared for", not "were cared"
    return Passive(first.idx, last.idx + len(last.text), auxiliaries, verb.text, _lemma(verb), agent, plural,
                   "not" if negation == "n't" else negation, inverted, particle)


def _particle(verb: "Token") -> str:
    """A preposition left without its noun after the participle: "cared for at home"."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ not in _STRANDABLE:
        return ""
    word = doc[verb.i + 1]
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is not None and after.text in (":", "–", "—"):
        return ""  # "is asked to:" introduces a list
    if after is None or after.is_punct or after.lower_ in _NOT_A_NOUN or word.dep_ == "compound:prt":
        return word.lower_
    # Tagged: stranded before another preposition, "and" or "closer"; not before
    # a noun ("for the year") or a verb ("developed to support").
    stranded = after.pos_ in ("ADP", "CCONJ") or after.tag_ in ("JJR", "RBR")
    return word.lower_ if stranded else ""


_STRANDABLE = frozenset({"for", "on", "upon", "to", "with", "about", "of", "after", "into", "out", "up"})
_NOT_A_NOUN = _STRANDABLE | {"at", "in", "by", "and", "or", "but", "when", "where", "because", "so"}


def _inverted(verb: "Token", first: "Token") -> bool:
    """A condition put first: the helping verb comes before the subject ("Should the plan be ...")."""
    if first.lower_ not in _INVERTING:
        return False
    between = verb.doc[first.i + 1 : verb.i]
    return any(t.dep_ in PASSIVE_SUBJ or t.pos_ in ("NOUN", "PROPN", "DET") for t in between)


def _aux_chain_start(verb: "Token", be: "Token") -> "Token":
    """Reach back from "be" over modals and "have" ("will have been asked")."""
    first = be
    while first.i > 0 and first.nbor(-1).lower_ in _AUX_WORDS:
        first = first.nbor(-1)
    return first


def _lemma(verb: "Token") -> str:
    from plainspeak.readability.verbforms import base_form

    return base_form(verb.lower_, verb.lemma_)


def _agent(sent: "Span", verb: "Token") -> tuple[str, bool]:
    """The named actor of a passive ("by the Board") and whether it is plural."""
    if sent.doc.has_annotation("DEP"):
        for child in verb.rights:
            noun = _agent_noun(child)
            if noun is not None:
                plural = noun.tag_ in ("NNS", "NNPS") or "Plur" in noun.morph.get("Number")
                plural = plural or any(t.dep_ == "conj" and t.head.i == noun.i for t in noun.rights)
                return _agent_phrase(noun), plural or noun.lower_ in ("us", "them")
        return _agent_by_tags(sent, verb)
    return _agent_by_words(sent, verb)


def _agent_by_tags(sent: "Span", verb: "Token") -> tuple[str, bool]:
    """A "by ..." actor the parser hung elsewhere ("in March by Councillor Priya Shah").

    The first "by" after the verb with no other verb between, then the noun
    phrase after it by part of speech: names, nouns, the words that describe
    them ("rising demand") and their "of ..." parts.
    """
    doc = sent.doc
    by = next((t for t in doc[verb.i + 1 : sent.end] if t.lower_ == "by" or t.pos_ in ("VERB", "AUX")), None)
    if by is None or by.lower_ != "by":
        return "", False
    words = []
    for token in doc[by.i + 1 : sent.end]:
        describing = token.dep_ == "amod"  # "by rising demand"
        if token.pos_ not in _NOMINAL and token.lower_ not in ("of", "for", "and") and not describing:
            break
        words.append(token)
    while words and (words[-1].pos_ not in ("NOUN", "PROPN", "PRON")):
        words.pop()  # end on the noun: not "the council and"
    if not words:
        return "", False
    plural = words[-1].tag_ in ("NNS", "NNPS") or any(t.lower_ == "and" for t in words)
    return "".join(t.text_with_ws for t in words).strip(), plural


_NOMINAL = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON"})


def _agent_phrase(noun: "Token") -> str:
    """The actor's whole noun phrase, up to a comma, bracket or a clause about it.

    "by Councillor Priya Shah, who chairs the board" -> "Councillor Priya Shah",
    "by more patients being discharged" -> "more patients";
    "by the Director of Adult Services" keeps its "of ..." part. Words the
    parser hung before "by" ("mainly by", "on 5 March by") are left out.
    """
    # A clause about the actor starts before its verb: "patients being discharged" ends at "patients".
    in_clause = {t.i for c in noun.subtree if c.i > noun.i and c.dep_ in _CLAUSE_DEPS for t in c.subtree}
    words = []
    for token in noun.subtree:
        if token.i > noun.i and (token.text in _AGENT_CUT or token.i in in_clause or token.pos_ in ("VERB", "AUX")
                                 or token.lower_ in _AGENT_STOP_WORDS):
            break
        if token.i < noun.i and token.lower_ == "by":
            words = []  # the phrase starts after the last "by"
            continue
        if token.i < noun.i and token.dep_ in ("case", "advmod"):
            continue
        words.append(token)
    return "".join(t.text_with_ws for t in words).strip()


_AGENT_CUT = frozenset({",", "(", ";", ":", "-", "–", "—"})
_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "parataxis", "appos"})
# Where and when it happened is not part of who did it: "the government in July 2022".
_AGENT_STOP_WORDS = frozenset({"who", "which", "that", "in", "on", "at", "during", "since", "after", "before",
                               "until", "over", "within", "through", "when", "where"})


def _agent_noun(child: "Token") -> "Token | None":
    if child.dep_ == "agent":  # spaCy English: "by" heads the agent phrase
        objects = [t for t in child.children if t.dep_ == "pobj"]
        return objects[0] if objects else None
    if child.dep_ in AGENT_DEPS or child.dep_ == "obl":
        # "by" is the noun's own marker, or (parsed loosely) a marker inside its phrase.
        if any(t.lower_ == "by" and t.dep_ == "case" for t in child.subtree if t.i < child.i):
            return child
    return None


def _agent_by_words(sent: "Span", verb: "Token") -> tuple[str, bool]:
    i = verb.i + 1
    if i < sent.end and sent.doc[i].lower_.endswith("ly"):
        i += 1
    if i >= sent.end or sent.doc[i].lower_ != "by":
        return "", False
    words = []
    for token in sent.doc[i + 1 : min(sent.end, i + 6)]:
        if token.lower_ in _AGENT_STOP:
            break
        words.append(token.text)
    if not words or words[-1].lower().endswith("ing"):
        return "", False
    return " ".join(words), words[-1].lower() in ("us", "them") or words[-1].endswith("s")
