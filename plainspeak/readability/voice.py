"""Turning a passive verb group round, for PS203's message and suggestion.

The active verb keeps the tense, modal and negation of the passive:
"will be realised" -> "will realise", "has not been renewed" -> "has not
renewed", "is anticipated" -> "anticipates", "is being discharged" -> "is
discharging", "was not agreed" -> "did not agree", and a condition put first
("Should the actions not be delivered") -> "If [who] does not deliver".
"""

from __future__ import annotations

from plainspeak.readability.passive import HAVE_FORMS, MODALS, PAST_BE, PRESENT_BE, Passive
from plainspeak.readability.verbforms import past_tense, present_participle, present_tense

# An actor named as an object ("by us") is a subject when it comes first ("we").
_SUBJECT_PRONOUNS = {"us": "we", "them": "they", "him": "he", "her": "she", "me": "I"}


def active_phrase(passive: Passive, actor: str, plural: bool = False) -> str:
    """``actor`` plus the active verb: "the Board approved", "[who] will review"."""
    particle = f" {passive.particle}" if passive.particle else ""
    if passive.inverted:
        return _condition(passive, actor, plural) + particle
    return f"{actor} {active_verb(passive, plural)}{particle}"


def active_verb(passive: Passive, plural: bool = False) -> str:
    """The active verb group, in the passive's tense: "will realise", "has not renewed"."""
    auxes, base, participle = passive.auxiliaries, passive.lemma, passive.participle.lower()
    neg = f"{passive.negation} " if passive.negation else ""
    modal = next((a for a in auxes if a in MODALS), None)
    have = next((a for a in auxes if a in HAVE_FORMS), None)
    if modal:
        return f"{modal} {neg}have {participle}" if have else f"{modal} {neg}{base}"
    if "to" in auxes:
        return f"… to {neg}have {participle}" if have else f"… to {neg}{base}"
    if have:
        have = present_tense("have", plural) if have in ("has", "have") else have
        return f"{have} {neg}{participle}"
    if "been" in auxes:  # "been" left alone by a parse that lost its "had"
        return f"{present_tense('have', plural)} {neg}{participle}"
    if "being" in auxes:
        be = next((a for a in auxes if a in PRESENT_BE | PAST_BE), None)
        if be:
            be = ("were" if plural else "was") if be in PAST_BE else present_tense("be", plural)
            return f"{be} {neg}{present_participle(base, participle)}"
    if any(a in PAST_BE for a in auxes):
        return _simple(passive, "did", past_tense(base, participle))
    return _simple(passive, "do" if plural else "does", present_tense(base, plural))


def _simple(passive: Passive, do: str, tensed: str) -> str:
    """A one-word tense, with "do" for "not" ("did not agree") and "never" before it."""
    if passive.negation == "not":
        return f"{do} not {passive.lemma}"
    return f"never {tensed}" if passive.negation == "never" else tensed


def _condition(passive: Passive, actor: str, plural: bool) -> str:
    """"Should X not be delivered" -> "If [who] does not deliver"; "Had X been agreed" -> "If [who] had agreed"."""
    first = passive.auxiliaries[0] if passive.auxiliaries else ""
    neg = f"{passive.negation} " if passive.negation else ""
    if first == "had":
        return f"If {actor} had {neg}{passive.participle.lower()}"
    if first == "were":
        return f"If {actor} {_simple(passive, 'did', past_tense(passive.lemma, passive.participle))}"
    return f"If {actor} {_simple(passive, 'do' if plural else 'does', present_tense(passive.lemma, plural))}"


def describe(passive: Passive, text: str) -> tuple[str, str]:
    """The finding's message and suggestion for one passive group."""
    if passive.agent:
        actor = _SUBJECT_PRONOUNS.get(passive.agent.lower(), passive.agent)
        phrase = _capitalised(active_phrase(passive, actor, passive.agent_plural))
        return (f"Passive voice: '{text}' names who acts only after the action.",
                f"Start with them: '{phrase} …'.")
    phrase = active_phrase(passive, "[who]")
    return f"Passive voice: '{text}' leaves out who does it.", f"Say who, first: '{phrase} …'."


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
