"""Load a paper from any supported format: ``load(path) -> Paper``.

The bytes decide the format (see :mod:`.sniff`). Every failure, whatever
raised it underneath, leaves here as one :class:`InputError` with an E1xx
kind, so a user never sees a traceback. :func:`load_isolated` runs the same
work in a child process with a time and memory cap, for untrusted files.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from plainspeak.errors import E101, E102, E107, E108, E110, E112, InputError
from plainspeak.loaders.assemble import finish
from plainspeak.loaders.clean import clean
from plainspeak.loaders.decode import decode
from plainspeak.loaders.limits import DEFAULT_LIMITS, Limits
from plainspeak.loaders.sniff import sniff
from plainspeak.paper import Paper

__all__ = ["Limits", "load", "load_isolated", "read_file_bytes"]

Loader = Callable[[Path, bytes, Limits], Paper]


def load(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Paper:
    """Read the paper at ``path`` into a :class:`Paper`, or raise InputError."""
    limits = limits or DEFAULT_LIMITS
    where = Path(path)
    data = read_file_bytes(where, limits)
    fmt = sniff(where, data)
    try:
        return _loader(fmt)(where, data, limits)
    except InputError:
        raise
    except MemoryError:
        raise InputError(E110, str(where), "it ran out of memory while reading") from None
    except RecursionError:
        raise InputError(E107, str(where), "its structure loops or nests too deeply") from None
    except Exception as error:  # noqa: BLE001 - parsers raise anything on damaged input
        raise InputError(E107, str(where), short_reason(error)) from None


def load_isolated(path: str | os.PathLike[str], limits: Limits | None = None) -> Paper:
    """Like :func:`load`, in a child process with a time and memory cap."""
    from plainspeak.loaders.isolate import run_isolated

    return run_isolated(Path(path), limits or DEFAULT_LIMITS)


def short_reason(error: BaseException) -> str:
    """A one-line reason from an exception, without the traceback."""
    message = " ".join(str(error).split())
    if len(message) > 100:
        message = message[:97] + "..."
    name = type(error).__name__
    return f"{name}: {message}" if message else name


def read_file_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, after checking it exists, is readable and not too big."""
    try:
        status = path.stat()
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            raise InputError(E112, str(path), "it is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            # A pipe would wait for a writer until the time limit; a device never ends.
            raise InputError(E112, str(path), "it is a pipe or device, not a file")
        if size > limits.max_file_bytes:
            raise InputError(E108, str(path), f"it is larger than {limits.max_file_mb:g} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(E101, str(path), "no such file") from None
    except PermissionError:
        raise InputError(E112, str(path), "permission denied") from None
    except OSError as error:
        raise InputError(E112, str(path), error.strerror or short_reason(error)) from None
    if not data:
        raise InputError(E102, str(path), "it has zero bytes")
    return data


def _load_text(path: Path, data: bytes, limits: Limits) -> Paper:
    from plainspeak.loaders.text import first_line_title, text_blocks

    return _load_plain(path, data, limits, "text", text_blocks, first_line_title)


def _load_markdown(path: Path, data: bytes, limits: Limits) -> Paper:
    from plainspeak.loaders.markdown import markdown_blocks

    return _load_plain(path, data, limits, "markdown", markdown_blocks)


def _load_plain(path: Path, data: bytes, limits: Limits, fmt: str, parse: Callable,
                title: Callable | None = None) -> Paper:
    if len(data) > limits.max_text_chars:
        raise InputError(E108, str(path), f"it holds more than {limits.max_text_mb:g} MB of text")
    text = clean(decode(path, data))
    blocks = parse(text)
    return finish(path, fmt, data, blocks, limits, title=title(blocks) if title else "")


def _load_pdf(path: Path, data: bytes, limits: Limits) -> Paper:
    from plainspeak.loaders.pdf import load_pdf

    return load_pdf(path, data, limits)


def _load_docx(path: Path, data: bytes, limits: Limits) -> Paper:
    from plainspeak.loaders.docx import load_docx

    return load_docx(path, data, limits)


def _loader(fmt: str) -> Loader:
    return {
        "text": _load_text, "markdown": _load_markdown,
        "pdf": _load_pdf, "docx": _load_docx,
    }[fmt]
