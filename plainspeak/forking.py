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


def address_space() -> int:
    """This process's virtual size in bytes (what ``RLIMIT_AS`` counts), or 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def cap_address_space(cap: int) -> None:
    """Limit this process's address space to ``cap`` bytes (or its hard limit, if lower), where the platform can."""
    try:
        import resource
    except ImportError:  # not on this platform: the time limit still applies
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


_PR_SET_PDEATHSIG = 1


def die_with(parent: int) -> None:
    """Have the kernel kill this forked process when its parent dies, however it dies."""
    import ctypes
    import signal

    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


class ChildDied(Exception):
    """The child ended without sending its answer; ``exitcode`` is how (``-9``: killed)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"the child process ended with exit code {exitcode}")
        self.exitcode = exitcode


class OneAnswer:
    """``target(*args, sender)`` run in a child process started now, which sends one answer down ``sender``.

    Shared by the readers and the writers that run with limits
    (:mod:`plainspeak.loaders.isolate`, :mod:`plainspeak.writers.isolate`):
    :meth:`ready` waits for the answer up to a time, :meth:`receive` takes
    it (or raises :class:`ChildDied`), and :meth:`close` stops a child still
    running, so a time limit or Ctrl-C here leaves nothing behind.
    """

    GRACE_S = 5.0

    def __init__(self, context: multiprocessing.context.BaseContext, target: object, args: tuple) -> None:
        self.receiver, sender = context.Pipe(duplex=False)
        self.child = context.Process(target=target, args=(*args, sender), daemon=True)
        self.child.start()
        sender.close()  # so this end sees end-of-file if the child dies

    def ready(self, seconds: float) -> bool:
        """Whether the answer came within ``seconds`` (none if less than nothing is left)."""
        return self.receiver.poll(max(0.0, seconds))

    def receive(self) -> object:
        try:
            return self.receiver.recv()
        except (EOFError, OSError):
            self.child.join(self.GRACE_S)
            raise ChildDied(self.child.exitcode) from None

    def close(self) -> None:
        self.receiver.close()
        if self.child.is_alive():
            self.child.kill()
        self.child.join(self.GRACE_S)
