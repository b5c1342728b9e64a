"""Checked papers, held in memory for a short time so their owner can download them.

The uploaded file itself is deleted before the response is sent. What is kept
is what the page made from it (the reader's copy, the annotated copy, the
report), in this process's memory only, for the browser session that asked,
for a few minutes, and never more than a handful at once. Restarting the
server forgets everything; "Forget this paper" forgets it at once.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass(slots=True)
class Download:
    data: bytes
    media_type: str
    filename: str


@dataclass(slots=True)
class CheckedPaper:
    """Everything the result pages show for one paper."""

    owner: str  # the session that uploaded it
    label: str  # the name shown to the reader (never used as a path)
    reader_html: str
    summary: dict
    counts: dict[str, int]
    words: int
    terms: list[str] = field(default_factory=list)  # words nobody explains, paper or glossary
    glossary_terms: list[str] = field(default_factory=list)  # words only the glossary explains
    sha256: str = ""  # the reader's copy names the paper by this in its ask forms
    paragraphs: dict[int, str] = field(default_factory=dict)  # paragraph number -> text
    copy: Download | None = None
    report: Download | None = None
    created: float = 0.0


class ResultCache:
    """A few checked papers by random id; older ones drop out first."""

    def __init__(self, *, limit: int = 16, ttl_s: float = 1800.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.ttl_s = ttl_s
        self._clock = clock
        self._items: dict[str, CheckedPaper] = {}
        self._lock = threading.Lock()

    def put(self, paper: CheckedPaper) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._expire()
            paper.created = self._clock()
            self._items[key] = paper
            while len(self._items) > self.limit:
                del self._items[next(iter(self._items))]
        return key

    def get(self, key: str, owner: str) -> CheckedPaper | None:
        """The paper, only for the session that made it and only while it is fresh."""
        with self._lock:
            self._expire()
            paper = self._items.get(key)
        if paper is None or not secrets.compare_digest(paper.owner, owner):
            return None
        return paper

    def find(self, sha256: str, owner: str) -> tuple[str, CheckedPaper] | None:
        """This session's latest paper with these bytes, and its id."""
        with self._lock:
            self._expire()
            items = list(self._items.items())
        for key, paper in reversed(items):
            if sha256 and paper.sha256 == sha256 and secrets.compare_digest(paper.owner, owner):
                return key, paper
        return None

    def forget(self, key: str, owner: str) -> bool:
        with self._lock:
            paper = self._items.get(key)
            if paper is None or not secrets.compare_digest(paper.owner, owner):
                return False
            del self._items[key]
            return True

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._items)

    def _expire(self) -> None:
        now = self._clock()
        for key in [k for k, p in self._items.items() if now - p.created > self.ttl_s]:
            del self._items[key]
