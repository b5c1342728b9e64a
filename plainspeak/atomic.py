"""Write output files atomically, and never over a paper being checked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from plainspeak.errors import E401, E402, OutputError


def atomic_write(path: str | os.PathLike[str], data: bytes | str, *, protect: tuple[str, ...] = (),
                 durable: bool = True) -> Path:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename.

    ``protect`` names input files: writing over one of them is refused, so
    the original paper is never modified. ``durable=False`` skips flushing
    the data to disk before the rename, for files that may be lost in a
    crash, such as cache entries: a reader still sees the old file or the
    whole new one, never half of it, unless the machine itself goes down.
    """
    target = Path(path)
    for original in protect:
        try:
            if target.exists() and os.path.samefile(target, original):
                raise OutputError(E402, str(target))
        except OSError:
            continue  # an input that is gone or cannot be looked at cannot be the target
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(E401, str(target), error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(E401, str(target), error.strerror or str(error)) from None
    return target
