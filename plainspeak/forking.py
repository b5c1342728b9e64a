"""Whether this process may ``fork``, and how its children start: shared by the helper, the workers and the readers."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import sys
import threading


def can_fork() -> bool:
    """True where a fork is safe: Linux, and no other thread in this process (a fork of threads can deadlock)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def start_context(fork: bool = True) -> multiprocessing.context.BaseContext:
    """``fork`` where it is wanted and safe (:func:`can_fork`), else forkserver where it exists, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if fork and "fork" in methods and can_fork():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
