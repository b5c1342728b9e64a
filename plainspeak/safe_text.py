"""Names from outside made safe to print on a terminal or write as UTF-8.

Linux lets a file name hold any byte but ``/`` and NUL: a newline, a
terminal escape (``\\x1b[31m``), bytes that are not UTF-8 at all. Python
hands such a byte over as a lone surrogate (``os.fsdecode``'s
``surrogateescape``: byte ``0xff`` is ``"\\udcff"``), which no UTF-8 output
can hold, and a raw newline or escape in a report line breaks the line or
repaints the terminal. One escaping serves every report:

- a byte that is not UTF-8 is written ``\\xff``, as Python's
  ``backslashreplace`` writes it (:func:`decodable`; JSON reports and
  baselines hold names so, and keep control characters as JSON escapes them,
  :func:`safe_json`);
- :func:`printable` also writes each control character as an escape: ``\\n``,
  ``\\r``, ``\\t``, ``\\x1b`` (below U+0100) or ``\\u2028``, for text shown on a
  terminal or in a log. Control characters are C0, DEL and C1, the line and
  paragraph separators, and the bidirectional embeddings, overrides and
  isolates, which would reorder what a reader sees.

Everything else, backslashes included, is left as it is, so an ordinary name
reads the same everywhere. A name that itself holds ``\\x1b`` as four
characters reads the same as one holding the escape; the SARIF report's
``uri``, percent-encoded from the name's bytes, tells the two apart.
"""

from __future__ import annotations

import re

# Lone surrogates: the bytes os.fsdecode could not decode, or text that is not Unicode.
_UNDECODABLE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What json.dumps leaves raw (it escapes C0 itself; C0 outside strings is layout).
_UNESCAPED_BY_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def decodable(text: str) -> str:
    """``text`` with each byte that was not UTF-8 written as ``\\xNN``: it can be encoded as UTF-8."""
    return _UNDECODABLE.sub(_escape, text)


def printable(text: str) -> str:
    """``text`` on one line with no control character: each is written as its escape."""
    return _UNPRINTABLE.sub(_escape, text)


def safe_json(json_text: str) -> str:
    """JSON text that is valid UTF-8 and holds no raw control character.

    For JSON written with ``ensure_ascii=False``, which escapes C0 controls
    but passes the rest through. They can only stand inside strings: a byte
    that was not UTF-8 becomes the string ``\\xNN`` (as :func:`decodable`
    gives it), any other control character JSON's own ``\\uNNNN``, which
    reads back as the same character.
    """
    def escape(match: re.Match[str]) -> str:
        if _UNDECODABLE.fullmatch(match.group()):
            return "\\" + _escape(match)
        return f"\\u{ord(match.group()):04x}"

    return _UNESCAPED_BY_JSON.sub(escape, json_text)
