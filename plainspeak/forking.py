"""Whether this process may ``fork``: the one test the helper, the workers and the readers share."""

from __future__ import annotations

import os
import sys
import threading


def can_fork() -> bool:
    """True where a fork is safe: Linux, and no other thread in this process (a fork of threads can deadlock)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
