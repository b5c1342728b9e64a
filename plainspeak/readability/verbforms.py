"""Verb forms for turning a passive round: base form, past and present tense."""

from __future__ import annotations

from functools import lru_cache

from plainspeak.readability.lists import irregular_verbs, participle_bases


@lru_cache(maxsize=4096)
def base_form(participle: str) -> str:
    """The base form of a past participle ("approved" -> "approve")."""
    word = participle.lower()
    if word in participle_bases():
        return participle_bases()[word]
    if not word.endswith("ed"):
        return word
    stem = word[:-2]
    candidates = [stem, stem + "e"]
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    return max(candidates, key=_frequency)


def _frequency(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def past_tense(base: str, participle: str) -> str:
    """Simple past: irregular from the table, otherwise the -ed participle."""
    forms = irregular_verbs().get(base)
    return forms[0] if forms else participle.lower()


def present_tense(base: str, plural: bool) -> str:
    """Present tense agreeing with a third-person subject."""
    if base == "be":
        return "are" if plural else "is"
    if base == "have":
        return "have" if plural else "has"
    if plural:
        return base
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"
