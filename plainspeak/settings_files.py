"""Reading the small files a run's settings name: config, baseline, ignore and names files.

:func:`open_ordinary` is also how the result cache opens a paper to hash it.

They come from the command line or from a config file in someone else's
repository, so each is looked at before it is read: a pipe would wait for a
writer for ever and a link to ``/dev/zero`` would fill the memory. Problems
are raised as :class:`OSError` with a plain ``strerror``, so each caller keeps
its own error code and wording.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

# Far past any config, baseline or list of names a group keeps.
MAX_SETTINGS_MB = 50
_MAX_BYTES = MAX_SETTINGS_MB * 1024 * 1024


def open_ordinary(path: str | Path, max_bytes: int | None = None) -> BinaryIO:
    """``path`` opened for reading once it is known to be an ordinary file (of at most ``max_bytes``).

    Opened without blocking, then looked at: opening a pipe for reading
    would wait for a writer. Raises FileNotFoundError, PermissionError and
    other OSErrors as the system does, and OSError for a folder, a pipe or
    device, or a file over ``max_bytes``.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise OSError(errno.EISDIR, "it is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "it is a pipe or device, not a file")
        if max_bytes is not None and status.st_size > max_bytes:
            raise OSError(errno.EFBIG, f"it is larger than {max_bytes // (1024 * 1024)} MB")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_settings_text(path: str | Path, encoding: str = "utf-8-sig") -> str:
    """The text of ``path`` once it is known to be an ordinary file of a sane size.

    ``utf-8-sig`` by default: a byte-order mark an editor added is not text.
    Raises the OSErrors of :func:`open_ordinary`, and UnicodeDecodeError for
    bytes that are not text in ``encoding``.
    """
    with open_ordinary(path, _MAX_BYTES) as stream:
        data = stream.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:  # it grew while being read
        raise OSError(errno.EFBIG, f"it is larger than {MAX_SETTINGS_MB} MB")
    return data.decode(encoding)


def reason(error: BaseException) -> str:
    """An OSError's plain reason ("it is a pipe or device, not a file"), else the error as text."""
    return getattr(error, "strerror", None) or str(error)
