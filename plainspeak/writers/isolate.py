"""Make an annotated Word or PDF copy in a child process with a time limit and a memory cap.

The Word and PDF writers parse the paper's bytes again (python-docx's lxml,
pypdf), and a file the loader read within its limits can still make another
parser swell: pypdf inflates each compressed object stream it is asked for,
up to a limit of its own for each one, and keeps it, so a PDF of a few
kilobytes holding many such streams, none of them on a page the loader
reads, takes gigabytes to copy. So these writers run as the readers do
(:mod:`plainspeak.loaders.isolate`): in a child process whose address space
is capped, stopped when the paper's time is up.

Where this process may fork (Linux, one thread), the child is forked: it
starts at once, with the writer imported and nothing to send it, and its cap
is the address space this process has plus ``limits.memory_mb``, so the cap
counts the copy's own work, not the model loaded already. Elsewhere (the web
page's threads) the child starts from a fork server, is sent the paper, and
is capped at ``memory_mb``. A child over its cap gets E110, over its time
E115; one whose parser fails, or that dies any other way, E119.
"""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING

from plainspeak.errors import E110, E115, E119, InputError, PlainspeakError
from plainspeak.forking import (
    ChildDied,
    OneAnswer,
    address_space,
    can_fork,
    cap_address_space,
    die_with,
    start_context,
)
from plainspeak.loaders.limits import MB, Limits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from plainspeak.glossary.model import GlossarySet
    from plainspeak.paper import Paper
    from plainspeak.result import PaperResult
    from plainspeak.writers import Annotated


def write_isolated(fmt: str, source: bytes, paper: "Paper", result: "PaperResult",
                   glossaries: "GlossarySet | None", *, limits: Limits, seconds: float,
                   **options: object) -> "Annotated":
    """``get_writer(fmt).write(source, paper, result, glossaries, **options)`` in a capped child.

    ``seconds`` is what is left of the paper's time limit. Raises InputError
    (E110, E115, E119, or the writer's own) for ``paper.path``.
    """
    forked = can_fork()
    context = start_context(fork=forked)
    if forked:
        from plainspeak.writers import get_writer

        get_writer(fmt)  # imported here once, so each forked child starts with it
    held = address_space() if forked else 0
    # Forked, the child counts from what this process holds; where that cannot be read, the
    # time limit alone applies (a cap of memory_mb would be below what the child starts with).
    cap = 0 if forked and not held else held + limits.memory_mb * MB
    child = OneAnswer(context, _child,
                      (fmt, source, paper, result, glossaries, options, limits, cap, os.getpid() if forked else 0))
    path = paper.path
    try:
        if not child.ready(seconds):
            raise InputError(E115, path, f"it took longer than {limits.timeout_s:g} s")
        try:
            status, payload = child.receive()
        except ChildDied as died:
            raise _death(path, died.exitcode, limits) from None
    finally:
        child.close()
    if status == "error":
        raise payload
    return payload


def _child(fmt: str, source: bytes, paper: "Paper", result: "PaperResult", glossaries: "GlossarySet | None",
           options: dict, limits: Limits, cap: int, parent: int, sender: "Connection") -> None:
    from plainspeak.writers import copy_error, get_writer

    if parent:
        die_with(parent)
    # The writer's modules before the cap: a capped import of a compiled module fails as an ImportError.
    writer = get_writer(fmt)
    if cap:
        cap_address_space(cap)
    path = paper.path
    try:
        outcome: tuple[str, object] = ("ok", writer.write(source, paper, result, glossaries, **options))
    except PlainspeakError as error:
        outcome = ("error", error)
    except MemoryError:
        outcome = ("error", _over(path, limits))
    except Exception as error:  # noqa: BLE001 - a writer's parser can fail on a file the loader read
        outcome = ("error", copy_error(fmt, path, error))
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("error", _over(path, limits)))
    finally:
        sender.close()


def _over(path: str, limits: Limits) -> InputError:
    return InputError(E110, path, f"making the annotated copy needed more than {limits.memory_mb} MB")


def _death(path: str, exitcode: int | None, limits: Limits) -> InputError:
    if exitcode in (-signal.SIGKILL, -signal.SIGABRT):  # the kernel over memory; an allocation that failed
        return _over(path, limits)
    return InputError(E119, path, f"the writer crashed while it read the paper again (exit code {exitcode})")
