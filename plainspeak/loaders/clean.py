"""Make extracted text safe for every later stage, once, before offsets exist.

PDF text can carry form feeds and control codes, python-docx refuses
control characters when a writer saves a copy, and a lone surrogate breaks
both DOCX output and UTF-8 JSON. So every loader passes its text through here. Changes are either
one-for-one substitutions or deletions, never insertions, and
:func:`clean_text` says which source characters survived so a loader can keep
its per-character source map (PDF boxes, DOCX runs) aligned with the text.
"""

from __future__ import annotations

import re

# One-for-one replacements. Spaces that only stop a line breaking become plain
# spaces so that word splitting downstream needs no special cases.
_SPACE = " "
_REPLACE: dict[int, str] = {
    0x00A0: _SPACE, 0x2007: _SPACE, 0x202F: _SPACE, 0x3000: _SPACE,
    0x2028: "\n", 0x2029: "\n",
    **{code: _SPACE for code in range(0x2000, 0x200B)},
}
# Invisible characters that carry nothing a reader sees: NUL, byte order marks,
# soft hyphens (Word and PDFs use them only as break hints), zero-width spaces.
_DELETE = frozenset({0x00, 0x00AD, 0x200B, 0xFEFF, 0xFFFE, 0xFFFF})
_REPLACEMENT_CHARACTER = "\ufffd"

NEEDS_CLEANING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\xa0\xad\u2000-\u200b\u2028\u2029\u202f"
    "\u3000\ufeff\ufffe\uffff\ud800-\udfff]"
)


def clean_char(char: str) -> str:
    """The cleaned form of one character: itself, a substitute, or ''."""
    code = ord(char)
    if code in _DELETE:
        return ""
    if code in _REPLACE:
        return _REPLACE[code]
    if 0xD800 <= code <= 0xDFFF:
        return _REPLACEMENT_CHARACTER
    if char in "\t\n":
        return char
    if code < 0x20 or 0x7F <= code <= 0x9F:
        # Other controls (form feed, vertical tab, C1 codes) stood between
        # words, so a space keeps the words apart.
        return _SPACE
    return char


def clean_text(text: str) -> tuple[str, list[int] | None]:
    """Clean ``text``; also give, per output character, its input index.

    The index list is None when nothing changed, which is the usual case and
    lets callers skip remapping.
    """
    if NEEDS_CLEANING.search(text) is None:
        return text, None
    out: list[str] = []
    kept: list[int] = []
    for index, char in enumerate(text):
        fixed = clean_char(char) if NEEDS_CLEANING.match(char) else char
        if fixed:
            out.append(fixed)
            kept.append(index)
    return "".join(out), kept


def clean(text: str) -> str:
    """Clean ``text`` when no source map needs to follow it."""
    return clean_text(text)[0]
