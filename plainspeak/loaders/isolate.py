"""Run a load in a child process with a wall-time limit and a memory cap.

A hostile or damaged file can make a parser loop or allocate without end; in
a child process the parent can stop it. The child caps its own address space
with ``RLIMIT_AS`` and sends back either the pickled Paper or the InputError.
A child that runs out of time gets E109, out of memory E110, and one that
dies any other way E107.
"""

from __future__ import annotations

import importlib
import multiprocessing
import signal
import time
from multiprocessing.connection import Connection
from pathlib import Path

from plainspeak.errors import E107, E109, E110, InputError
from plainspeak.forking import address_space as _address_space
from plainspeak.forking import ChildDied, OneAnswer, cap_address_space, start_context
from plainspeak.loaders.limits import MB, Limits

# Every reader's modules; a fork server that will start many readers imports them once.
READER_MODULES = ("plainspeak.loaders", "plainspeak.loaders.text", "plainspeak.loaders.markdown",
                  "plainspeak.loaders.docx", "plainspeak.loaders.pdf")
# Plain text and Markdown have no parser that can loop or swell: up to this
# size they are read in place, which spares a reader process (~0.15 s to start
# one in a fresh process). The loader's own size caps still apply.
IN_PLACE_MAX_BYTES = 1 * MB


def needs_isolation(path: str | Path, limits: Limits) -> bool:
    """False for a small plain-text or Markdown file, safe to read in this process.

    Anything else (a PDF, a Word file, a big file, one that cannot be read or
    sniffed) goes to a reader process, which also reports its errors.
    """
    from plainspeak.loaders.sniff import sniff

    where = Path(path)
    try:
        if not where.is_file() or where.stat().st_size > min(IN_PLACE_MAX_BYTES, limits.max_file_bytes):
            return True
        return sniff(where, where.read_bytes()) not in ("text", "markdown")
    except (OSError, InputError):
        return True


def run_isolated(path: Path, limits: Limits) -> object:
    """Load ``path`` in a child process and return its Paper, or raise InputError."""
    with IsolatedRead(path, limits) as read:
        return read.result()


class IsolatedRead:
    """A paper being read in a child process, started on entry, so other work can go on meanwhile.

    :meth:`result` waits for the Paper (or raises the InputError); leaving the
    ``with`` block stops a child still running. :attr:`seconds` is how long the
    read took, once the result is in: by the child's clock with the paper's
    transfer, or the whole wait for it, whichever is longer.
    """

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.seconds = 0.0
        self.started = time.monotonic()
        self.child = OneAnswer(_context(), _child, (str(path), limits))

    def __enter__(self) -> "IsolatedRead":
        return self

    def result(self) -> object:
        path, limits = self.path, self.limits
        waiting = time.monotonic()
        if not self.child.ready(limits.timeout_s - (waiting - self.started)):
            raise InputError(E109, str(path), f"it took longer than {limits.timeout_s:g} s")
        try:
            received = time.monotonic()
            status, payload, took = self.child.receive()
        except ChildDied as died:
            raise _death(path, died.exitcode) from None
        # The read by the child's clock and the paper unpickled here, or all the time
        # this process waited for it, whichever is longer: sending a paper of 300,000
        # paragraphs and reading it back take seconds, and are the paper's time too.
        # What this process did before it began to wait (load the model) is not.
        now = time.monotonic()
        self.seconds = max(took + now - received, now - waiting)
        if status == "error":
            raise payload
        if self.seconds > limits.timeout_s:
            # Done, but only while the parent was busy elsewhere (building the
            # pipeline): the read itself was over the limit all the same.
            raise InputError(E109, str(path), f"it took longer than {limits.timeout_s:g} s")
        return payload

    def __exit__(self, *exc: object) -> None:
        self.child.close()


# A process this small (in address space) is forked for its reader: a fresh
# command line before the model loads is about 30 MB, with spaCy loaded over 200.
FORK_MAX_BYTES = 64 * MB


def _context() -> multiprocessing.context.BaseContext:
    """How the reader starts: ``fork`` from a small process with one thread, else forkserver, else spawn.

    A command checking one paper starts its reader before it loads the model,
    while it is still small; forked then, the reader starts at once, where a
    fork server first has to start a fresh interpreter (some 0.3 s before a
    72-page PDF's read could begin, and the read then ended after the model
    had loaded). A process with the model loaded, or running other threads
    (a fork of those can deadlock), starts its readers from a fork server:
    cheap starts, and a reader whose memory cap counts only its own parse.
    """
    return start_context(fork=0 < _address_space() <= FORK_MAX_BYTES)


def _death(path: Path, exitcode: int | None) -> InputError:
    if exitcode == -signal.SIGKILL:  # what the kernel does to a process over its memory
        return InputError(E110, str(path), "the reader was stopped for using too much memory")
    if exitcode == -signal.SIGABRT:
        # PDFium aborts when an allocation fails, as it does under the reader's
        # cap; its own checks stop it with SIGTRAP or SIGILL instead.
        return InputError(E110, str(path), "the reader ran out of memory")
    return InputError(E107, str(path), f"the reader crashed (exit code {exitcode})")


def _child(path: str, limits: Limits, sender: Connection) -> None:
    began = time.monotonic()
    from plainspeak.loaders.quiet import quiet_parsers

    quiet_parsers()  # a fork-server child starts without the command's logging settings
    # The cap is for the paper's parse, not the parsers' code: import them first
    # (a no-op where the fork server preloaded them), as a capped import of a
    # compiled module fails as an ImportError, not a MemoryError.
    for name in READER_MODULES:
        importlib.import_module(name)
    cap_address_space(limits.memory_mb * MB)
    from plainspeak.loaders import load

    try:
        result: tuple[str, object] = ("ok", load(path, limits=limits))
    except InputError as error:
        result = ("error", error)
    except MemoryError:
        result = ("error", InputError(E110, path, f"it needed more than {limits.memory_mb} MB"))
    try:
        sender.send((*result, time.monotonic() - began))
    except MemoryError:
        sender.send(("error", InputError(E110, path, f"it needed more than {limits.memory_mb} MB"),
                     time.monotonic() - began))
    finally:
        sender.close()
