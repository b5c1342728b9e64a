"""How far a loader may go before it gives up on a file."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import get_type_hints

from plainspeak.deadline import LONGEST_S

MB = 1024 * 1024
# The most a size limit may be: a terabyte is beyond any paper, and far below
# where a size in bytes or a memory cap would overflow.
MOST_MB = 1024 * 1024
MOST_PAGES = 1_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one paper's size, expansion, page count, time and memory.

    Each limit is declared here and nowhere else: its default is the default
    of :class:`~plainspeak.settings.Settings` and of a config file's
    ``[limits]`` table, where its key is its name here (``key`` in the
    field's metadata where the two differ).

    ``max_text_mb`` caps the text a paper may yield (and the size of a plain
    text or Markdown file): a meeting paper of 500 pages holds about 2 MB of
    text, and every character costs a few hundred bytes once it sits in blocks
    and source maps, so the default keeps a worker's memory in hand.
    ``memory_mb`` applies only to :func:`load_isolated`, which can enforce
    it on a child process; that reader also stops at ``timeout_s``, and
    :func:`plainspeak.engine.check_path` holds the whole check of a paper,
    reading included, to the same ``timeout_s``.

    Each limit is above zero and at most its ``most`` (in its ``unit``): no
    infinity, NaN or number so large that a timer or a size in bytes would
    overflow (:func:`checked_limit`).
    """

    timeout_s: float = field(default=60.0, metadata={"key": "timeout", "most": LONGEST_S, "unit": "seconds"})
    memory_mb: int = field(default=1536, metadata={"most": MOST_MB, "unit": "MB"})
    max_file_mb: float = field(default=200, metadata={"most": MOST_MB, "unit": "MB"})
    max_inflated_mb: float = field(default=500, metadata={"most": MOST_MB, "unit": "MB"})
    max_pages: int = field(default=2000, metadata={"most": MOST_PAGES, "unit": "pages"})
    max_text_mb: float = field(default=25, metadata={"most": MOST_MB, "unit": "MB"})

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_inflated_bytes(self) -> int:
        return int(self.max_inflated_mb * MB)

    @property
    def max_text_chars(self) -> int:
        return int(self.max_text_mb * MB)


DEFAULT_LIMITS = Limits()
_FIELDS = {f.name: f for f in fields(Limits)}
_TYPES = get_type_hints(Limits)


def checked_limit(name: str, value: object) -> float | int:
    """``value`` for the :class:`Limits` field ``name``, of the field's type.

    Raises ``ValueError`` whose message says the range allowed, for a config
    file or the command line to show with the key or option it came from.
    """
    spec = _FIELDS[name]
    whole = _TYPES[name] is int
    most, unit = spec.metadata["most"], spec.metadata["unit"]
    allowed = f"a whole number from 1 to {most:,}" if whole else f"a number above 0 and at most {most:,}"
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan
    # Compared before anything else: NaN and infinity fail it, and a huge int is never made a float.
    if not 0 < number <= most or (whole and number != int(number)):
        raise ValueError(f"expected {allowed} ({unit}), got {value!r}")
    return int(number) if whole else float(number)
