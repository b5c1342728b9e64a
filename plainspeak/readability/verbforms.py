"""English verb forms for turning a passive round.

From a past participle as written ("anticipated", "given", "planned") to the
base form ("anticipate"), and from the base form to the forms an active
sentence needs: third person present ("anticipates"), simple past
("anticipated"), past participle and -ing form. Irregular verbs come from
``irregular_verbs.txt``; the rest follow the spelling rules of regular verbs.

A lemmatizer's lemma is only a hint: a trained one sometimes cuts a word
wrongly ("anticipat"), so a lemma is used only when the participle is
really formed from it.
"""

from __future__ import annotations

from functools import lru_cache

from plainspeak.readability.lists import irregular_verbs, participle_bases
from plainspeak.word_frequency import zipf

_VOWELS = "aeiou"
# Final consonants never doubled before -ed or -ing ("fixed", "showed", "played").
_NEVER_DOUBLED = "hwxy"


@lru_cache(maxsize=4096)
def base_form(participle: str, lemma: str = "") -> str:
    """The base form of a past participle: "approved" -> "approve", "given" -> "give"."""
    word = participle.lower()
    if word in participle_bases():
        return participle_bases()[word]
    hint = lemma.lower()
    if not word.endswith("ed") or len(word) < 4:
        return hint or word
    stem = word[:-2]
    candidates = [stem, stem + "e"]
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        candidates.append(stem[:-1])  # "planned" -> "plan", but "called" stays "call"
    # A known word the participle is really formed from is the base ("noted" ->
    # "note", though "not" is commoner); a lemmatizer's slip ("anticipat") is not.
    if hint and word in _regular_participles(hint) and _frequency(hint) > 0:
        return hint
    return max(candidates, key=_frequency)


def _regular_participles(base: str) -> set[str]:
    """Every spelling a regular participle of ``base`` could have."""
    if base.endswith("e"):
        return {base + "d"}
    forms = {base + "ed", base + base[-1] + "ed"}
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms.add(base[:-1] + "ied")
    if base.endswith("c"):
        forms.add(base + "ked")  # "panicked"
    return forms


def _frequency(word: str) -> float:
    return zipf(word)


def third_person(base: str) -> str:
    """Present tense with a singular third-person subject: "anticipates", "has", "is"."""
    if base == "be":
        return "is"
    if base == "have":
        return "has"
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def present_tense(base: str, plural: bool) -> str:
    """Present tense agreeing with a third-person subject."""
    if plural:
        return "are" if base == "be" else base
    return third_person(base)


def past_tense(base: str, participle: str = "") -> str:
    """Simple past: irregular from the table, else the regular -ed form ("approved")."""
    forms = irregular_verbs().get(base)
    if forms:
        return forms[0]
    return participle.lower() if participle else _regular_past(base)


def past_participle(base: str) -> str:
    """Past participle: "given", "approved"."""
    forms = irregular_verbs().get(base)
    return forms[1] if forms else _regular_past(base)


def _regular_past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ied"
    return base + ("ed" if not _doubles(base) else base[-1] + "ed")


def present_participle(base: str, participle: str = "") -> str:
    """The -ing form: "discharging", "planning", "putting", "seeing"."""
    if base in ("be", "see", "agree", "free", "guarantee", "oversee", "foresee"):
        return base + "ing"
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    written_double = participle.lower() == base + base[-1] + "ed"
    if written_double or (not participle.lower().endswith("ed") and _doubles(base)):
        return base + base[-1] + "ing"
    return base + "ing"


def _doubles(base: str) -> bool:
    """A short word ending consonant-vowel-consonant doubles its last letter ("put", "plan")."""
    if len(base) < 3 or base[-1] in _NEVER_DOUBLED or base[-1] in _VOWELS:
        return False
    vowel_groups = sum(1 for i, ch in enumerate(base) if ch in _VOWELS and (i == 0 or base[i - 1] not in _VOWELS))
    return vowel_groups == 1 and base[-2] in _VOWELS and base[-3] not in _VOWELS
