"""A time limit on work in this process's main thread, kept by an interval timer.

``with time_limit(seconds):`` arms ``ITIMER_REAL``; when it runs out, the
``SIGALRM`` handler raises :class:`TimeUp` in the main thread, wherever the
work has got to. Python runs a signal handler between bytecodes, not inside
a C or Cython loop; spaCy's loops return to Python between documents, so a
parse over many blocks stops at the next block, and a rule stops at once.

A signal can keep the limit only in the main thread of a process on a
platform with ``setitimer``. Elsewhere (a web server's request threads,
Windows) the limit is kept by the work itself: it calls :func:`check_time`
between steps (between blocks of the parse, between rules), which raises
:class:`TimeUp` once the time is up; work that never calls it runs on. The
handler and timer found on entry are always given back on exit, with the
time used taken off that timer. A timer already set to ring before this
limit would is left alone: it ends the work sooner than this limit could,
and its owner should hear it, not us.
"""

from __future__ import annotations

import math
import signal
import sys
import threading
import time
from contextlib import contextmanager
from types import FrameType
from typing import Callable, Iterator

# setitimer takes 0 as "disarm": an outer timer whose time passed while this
# limit held is set to ring this soon instead.
_SOON_S = 1e-6
# After the first ring the timer rings again this often, in case a ring was
# lost: a TimeUp raised while Python runs a __del__ or a weakref callback is
# reported to sys.unraisablehook and dropped, and the work would go on. Often,
# because work that spends most of its time in finalisers loses most rings:
# every 0.1 s it ran on for up to 16 s past its limit, every 1 ms for 0.25 s.
_AGAIN_S = 0.001
# Limits longer than this (about eleven days) are no limit: setitimer overflows
# near 1e12 s. Config and the command line refuse longer ones.
LONGEST_S = 1_000_000


class TimeUp(BaseException):
    """The time given to the work ran out.

    A ``BaseException``, like ``KeyboardInterrupt``, so the work's own
    ``except Exception`` (a rule's fallback, a parser's) cannot swallow it.
    """


# Where no timer can keep a limit: when this thread's limit runs out (a
# time.monotonic() reading), or absent.
_checked = threading.local()


def check_time() -> None:
    """Raise :class:`TimeUp` if this thread's limit, kept without a timer, has run out."""
    deadline = getattr(_checked, "deadline", None)
    if deadline is not None and time.monotonic() >= deadline:
        raise TimeUp


def can_limit() -> bool:
    """True where a timer signal can interrupt work: the main thread, with ``setitimer``."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


# For each limit kept by the timer, innermost last: what to stop once it is lifted.
_STOPS: list[list[Callable[[], None]]] = []


def on_lift(stop: Callable[[], None]) -> None:
    """Have ``stop`` called when the time limit now holding is lifted, however the work ended.

    For work that leaves something running, such as a forked process, which
    its own cleanup cannot be sure to stop: a ring can raise TimeUp at the
    first line of that cleanup, before it has done anything. The limit calls
    ``stop`` after its timer is disarmed, where no ring can cut it short.
    ``stop`` must do nothing more if called again. With no limit kept by the
    timer, nothing is kept.
    """
    if _STOPS and can_limit():
        _STOPS[-1].append(stop)


# Code a ring must not interrupt: this module's (the limit being lifted, the quiet
# hook) and contextlib's ``__exit__`` on the way to it. Raised there, a TimeUp stops
# the handler and timer being given back, and the timer goes on ringing every
# _AGAIN_S wherever the process goes next; a ring let pass comes again that soon.
_LIFTING = frozenset({__name__, "contextlib"})


class _Alarm:
    """The SIGALRM handler while a limit holds; quiet once the limit is being lifted."""

    __slots__ = ("live", "rang")

    def __init__(self) -> None:
        self.live = True
        self.rang = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.live and (frame is None or frame.f_globals.get("__name__") not in _LIFTING):
            self.rang = True
            raise TimeUp


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeUp` in the body once ``seconds`` have passed.

    ``seconds`` of zero or less raises at once. Without a usable timer (see
    :func:`can_limit`) the limit is kept at each :func:`check_time`. For an
    infinite limit, or under a timer that rings sooner, the body runs
    unlimited by this.
    """
    if not math.isfinite(seconds) or seconds > LONGEST_S:
        yield
        return
    if seconds <= 0:
        raise TimeUp
    if not can_limit():
        with _checked_limit(seconds):
            yield
        return
    outer_left, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    # A handler set from C reads as None and cannot be put back from Python.
    if 0 < outer_left <= seconds or signal.getsignal(signal.SIGALRM) is None:
        yield
        return
    alarm = _Alarm()
    previous = signal.signal(signal.SIGALRM, alarm)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet_about_time_up(previous_hook)
    armed_at = time.monotonic()
    stops: list[Callable[[], None]] = []
    _STOPS.append(stops)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds, _AGAIN_S)
        yield
    finally:
        # First, with no call in between, so a ring that lands from here on is ignored.
        alarm.live = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        _STOPS.pop()
        try:
            for stop in reversed(stops):  # no timer is armed now: nothing can cut them short
                stop()
        finally:
            signal.signal(signal.SIGALRM, previous)
            sys.unraisablehook = previous_hook
            if outer_left > 0:
                used = time.monotonic() - armed_at
                signal.setitimer(signal.ITIMER_REAL, max(outer_left - used, _SOON_S), outer_interval)
    if alarm.rang:
        # It rang, but the work caught TimeUp (or the handler's raise was lost
        # inside a __del__) and went on: the time was still up.
        raise TimeUp


@contextmanager
def _checked_limit(seconds: float) -> Iterator[None]:
    """This thread's limit for :func:`check_time`; an outer limit that ends sooner stands."""
    outer = getattr(_checked, "deadline", None)
    deadline = time.monotonic() + seconds
    _checked.deadline = deadline if outer is None else min(outer, deadline)
    try:
        yield
    finally:
        _checked.deadline = outer


def _quiet_about_time_up(hook):  # type: ignore[no-untyped-def]
    """``hook``, but silent about a TimeUp lost in a ``__del__``: the next ring raises it again."""
    def quiet(unraisable) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(unraisable.exc_value, TimeUp):
            hook(unraisable)
    return quiet
