"""A Doc's text, built once.

``Doc.text`` joins every token's text each time it is read, and each of
plainspeak's components needs it: five joins of every block, a fifth of the
time the components took. The parse hands each block's text to its Doc
before the pipeline runs (:func:`remember_text`), every component reads it
with :func:`doc_text`, and the parse takes it off again once the components
are done (:func:`forget_text`), so nothing stores or sends it twice. A Doc
made some other way has its text joined once, on first asking. No component
changes a Doc's tokens, which would make the text stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "plainspeak_text"


def remember_text(doc: "Doc", text: str) -> "Doc":
    """Give ``doc`` its text, which must be the text it was made from."""
    doc.user_data[_KEY] = text
    return doc


def doc_text(doc: "Doc") -> str:
    """The text of ``doc``, joined at most once."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def forget_text(doc: "Doc") -> "Doc":
    doc.user_data.pop(_KEY, None)
    return doc
