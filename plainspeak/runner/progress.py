"""A progress bar on a terminal, and silence in CI logs and pipes."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "TF_BUILD", "JENKINS_URL",
                "TEAMCITY_VERSION", "CIRCLECI", "BITBUCKET_BUILD_NUMBER")


def wanted(stream: TextIO | None = None) -> bool:
    """Only a person at a terminal wants a bar; a CI log would fill with redraws."""
    stream = stream or sys.stderr
    is_terminal = hasattr(stream, "isatty") and stream.isatty()
    return is_terminal and not any(os.environ.get(name) for name in CI_VARIABLES)


class Progress:
    """``Checking papers [#####.....] 12/200``, redrawn at most ten times a second."""

    width = 30

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total, self.done, self.enabled = total, 0, enabled and total > 1
        self.stream = stream or sys.stderr
        self._drawn_at = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn_at > 0.1 or self.done == self.total):
            self._drawn_at = now
            filled = self.width * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\rChecking papers [{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
