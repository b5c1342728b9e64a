"""Short "Label: value" lines, such as the details at the top of a paper.

"Meeting: Cabinet", "Date: 4 February 2026", "Report of: Head of Finance"
and "Decision required: Yes" each sit on a line of their own. In a PDF or a
plain text file nothing but the line break sets them apart, and read as one
paragraph they become one long sentence that no reader wrote. A line that
opens with such a label therefore starts a block of its own, unless it
looks like the wrap of a running sentence (see :func:`starts_block`).
"""

from __future__ import annotations

import re

# Up to four words, the first capitalised, then a colon and a space or the line end.
# Words are letters (with digits, apostrophes, hyphens, slashes, ampersands,
# brackets), so times ("10:30") and web addresses ("https://") never match.
_LABEL = re.compile(r"[A-Z][\w'’&/()-]*(?: [\w'’&/()-]+){0,3}:(?:\s|$)")
_LONGEST_LABEL = 60
_CLOSING = ".!?:;"


def is_label_line(text: str) -> bool:
    """The line opens with a short capitalised label and a colon."""
    return ":" in text[:_LONGEST_LABEL] and _LABEL.match(text) is not None


def ran_full(line: str, width: int) -> bool:
    """The line ran to the paper's usual width (within a fifth), so the next may be its wrap."""
    return len(line.strip()) >= 0.8 * width


def starts_block(text: str, *, first: str, previous: str, previous_full: bool) -> bool:
    """A label line starts a block of its own, unless it carries on a sentence.

    ``first`` and ``previous`` are the first and last lines of the block so
    far; ``previous_full`` says the last ran to the usual line width, so the
    label line may be its wrap. A block that opens with a label is a label
    line and its value, which a second label never carries on.
    """
    if not is_label_line(text):
        return False
    if not previous_full or is_label_line(first):
        return True
    return previous.rstrip()[-1:] in _CLOSING
