"""A per-client token bucket, kept in memory, for a page served from one process.

Each client address gets a bucket per kind of action (asking, checking a
paper, signing in). A bucket holds up to ``per_minute`` tokens and refills
steadily, so a person can act in a short burst but a script cannot flood the
store or keep the checker busy.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

# Forget buckets that have been full for a while, so memory stays small.
_IDLE_S = 600.0
_SWEEP_EVERY = 256


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """``allow(kind, client)`` spends one token, or says no when none is left."""

    def __init__(self, per_minute: dict[str, int], clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = dict(per_minute)
        self._clock = clock
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def allow(self, kind: str, client: str) -> bool:
        limit = self.per_minute.get(kind)
        if not limit:
            return True
        now = self._clock()
        with self._lock:
            self._sweep(now)
            bucket = self._buckets.setdefault((kind, client), _Bucket(float(limit), now))
            bucket.tokens = min(float(limit), bucket.tokens + (now - bucket.updated) * limit / 60.0)
            bucket.updated = now
            if bucket.tokens < 1.0:
                return False
            bucket.tokens -= 1.0
            return True

    def retry_after(self, kind: str) -> int:
        """Seconds until one more token, at most, for the Retry-After header."""
        limit = self.per_minute.get(kind) or 60
        return max(1, int(60 / limit + 0.999))

    def _sweep(self, now: float) -> None:
        self._calls += 1
        if self._calls % _SWEEP_EVERY:
            return
        stale = [key for key, b in self._buckets.items() if now - b.updated > _IDLE_S]
        for key in stale:
            del self._buckets[key]
