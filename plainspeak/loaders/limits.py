"""How far a loader may go before it gives up on a file."""

from __future__ import annotations

from dataclasses import dataclass, field

MB = 1024 * 1024


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
    """

    timeout_s: float = field(default=60.0, metadata={"key": "timeout"})
    memory_mb: int = 1536
    max_file_mb: float = 200
    max_inflated_mb: float = 500
    max_pages: int = 2000
    max_text_mb: float = 25

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
