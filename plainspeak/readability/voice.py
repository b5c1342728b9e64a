"""Turning a passive verb group round, for PS203's message and suggestion."""

from __future__ import annotations

from plainspeak.readability.passive import Passive
from plainspeak.readability.verbforms import past_tense, present_tense

MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})


def active_phrase(passive: Passive, actor: str, plural: bool = False) -> str:
    """``actor`` plus the active verb: "the Board approved", "who will review"."""
    auxes = passive.auxiliaries
    base, participle = passive.lemma, passive.participle.lower()
    modal = next((a for a in auxes if a in MODALS), None)
    if modal:
        verb = f"{modal} have {participle}" if any(a in ("have", "has") for a in auxes) else f"{modal} {base}"
    elif "to" in auxes:
        verb = f"to {base}"
    elif "had" in auxes:
        verb = f"had {participle}"
    elif any(a in ("has", "have") for a in auxes):
        verb = f"{present_tense('have', plural)} {participle}"
    elif any(a in _PRESENT_BE for a in auxes):
        verb = present_tense(base, plural)
    else:
        verb = past_tense(base, participle)
    return f"{actor} {verb}"


def describe(passive: Passive, text: str) -> tuple[str, str]:
    """The finding's message and suggestion for one passive group."""
    if passive.agent:
        message = f"Passive voice: '{text} by {passive.agent}' puts the one who acts last."
        phrase = active_phrase(passive, passive.agent, passive.agent_plural)
        return message, f"Put the actor first: '{phrase} …'."
    message = f"Passive voice: '{text}' does not say {active_phrase(passive, 'who')} it."
    return message, f"Name who does it and put them first: '{active_phrase(passive, '[who]')} …'."
