"""Turn the bytes of a plain text or Markdown file into text, or say it is not text.

Strict UTF-8 is tried first because it almost never decodes anything that is
not UTF-8. A byte order mark announces UTF-16 or UTF-32; UTF-16 without one is
recognised by its pattern of zero bytes. Everything else is read as
Windows-1252, the encoding of older Office exports, so ``£`` (0xA3) reads
right.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from plainspeak.errors import E103, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Text has few control characters; binary data has about one byte in eight.
_MAX_CONTROL_SHARE = 0.02
_ALWAYS_ALLOWED_CONTROLS = 3
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0c")


def decode(path: Path, data: bytes) -> str:
    """Decode ``data`` as text with its lines ending in ``\n``, or raise E103 if it is binary.

    Lines may end in CRLF (Windows) or a bare CR (old Mac exports): each ends
    a line, as Python's universal newlines read them, so a file of CR-ended
    lines is not one long paragraph.
    """
    text, encoding = _decode(data)
    if _looks_binary(text):
        raise InputError(E103, str(path), "it holds binary data, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_text(data: bytes) -> bool:
    """Whether the start of ``data`` decodes to something that reads as text."""
    sample = data[:65536]
    if _utf16_without_bom(sample):
        return not _looks_binary(_decode(sample)[0])
    # A cut through a multi-byte character at the end of the sample is not a
    # reason to doubt UTF-8, so trim up to three bytes before giving up on it.
    for trim in range(4):
        try:
            return not _looks_binary(sample[: len(sample) - trim].decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return not _looks_binary(_decode(sample)[0])


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    # Before UTF-8: UTF-16 of ASCII letters is valid UTF-8 too, a NUL between each.
    guessed = _utf16_without_bom(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass  # not UTF-8: read as Windows-1252
    return data.decode("cp1252", errors="replace"), "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when zero bytes sit on one side of most pairs."""
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]  # a file cut mid-character still shows the pattern
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(
        1 for char in sample
        if (char < " " and char not in _ALLOWED_CONTROLS) or char == "\ufffd"
    )
    return controls > max(_ALWAYS_ALLOWED_CONTROLS, _MAX_CONTROL_SHARE * len(sample))
