"""Write output files atomically, and never over a paper being checked."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from plainspeak.errors import E401, E402, E405, OutputError


def atomic_write(path: str | os.PathLike[str], data: bytes | str, *, protect: tuple[str, ...] = (),
                 durable: bool = True, follow: bool = True) -> Path:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename.

    A file written over keeps its permissions; a new one gets those any new
    file gets here (read and write, less the umask), not the temporary file's
    owner-only ones. A ``path`` that is a symbolic link is written through: the file it points
    to gets the data (made if the link dangles) and the link stays a link, so
    the temporary file and the rename are in the folder of the link's target.
    ``protect`` names input files: writing over one of them, directly or
    through a link, is refused, so the original paper is never modified.
    A character device or a pipe (``/dev/null``) is written into, not replaced.
    ``durable=False`` skips flushing the data to disk before the rename, for
    files that may be lost in a crash, such as cache entries: a reader still
    sees the old file or the whole new one, never half of it, unless the
    machine itself goes down.

    ``follow=False`` is for a name plainspeak made, not one the user gave (a
    copy beside its paper, a cache entry): a link found there may have been
    planted to aim the write at another file, so it is refused (E405), and a
    pipe or device there is replaced, never written into or waited on.
    """
    given = Path(path)
    if not follow:
        if _is_link(given):
            raise OutputError(E405, str(given), f"it links to {os.readlink(given)}")
        target = given
    else:
        target = _through_links(given)
    for original in protect:
        try:
            if target.exists() and os.path.samefile(target, original):
                raise OutputError(E402, str(given), _same_as(given, original))
        except OSError:
            continue  # an input that is gone or cannot be looked at cannot be the target
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if follow and _is_stream(given, target):
        return _write_stream(given, target, payload)
    directory = target.parent if str(target.parent) else Path(".")
    mode = _mode_for(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(E401, str(given), error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(E401, str(given), error.strerror or str(error)) from None
    return given


def _is_stream(given: Path, target: Path) -> bool:
    """Whether ``target`` is a character device or a pipe ("-o /dev/null", a shell's ``>(...)``).

    Renaming a file over one would replace it, /dev/null included when run
    as root; the data is written into it instead. A block device or a socket
    is no place for a report and is refused.
    """
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    if stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise OutputError(E401, str(given), "it is a disk device or a socket, not a file")
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(given: Path, target: Path, payload: bytes) -> Path:
    try:
        with open(target, "wb") as stream:
            stream.write(payload)
    except OSError as error:
        raise OutputError(E401, str(given), error.strerror or str(error)) from None
    return given


def _mode_for(target: Path) -> int:
    """The permissions ``target`` has, or a new file's under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere it can only be read by setting it: to owner-only for that
    # moment, so a file another thread makes meanwhile is never more open.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError as error:  # a name too long for the file system, a folder that cannot be searched
        raise OutputError(E401, str(path), error.strerror or str(error)) from None


def _through_links(path: Path) -> Path:
    """The file a write to ``path`` should replace: the end of its chain of links, or ``path``.

    Renaming onto a link would replace the link itself with a regular file, cutting it
    from the file it pointed to, which keeps its old contents.
    """
    if not _is_link(path):
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))  # a dangling link: its target is made
    except OSError as error:  # a loop of links
        raise OutputError(E401, str(path), f"it is a symbolic link that cannot be followed: "
                                           f"{error.strerror or error}") from None


def _same_as(given: Path, original: str) -> str:
    """Say how an output that is the paper reaches it, when it is not plainly the same path."""
    if given.is_symlink():
        return f"it is a link to {original}"
    return "" if os.path.abspath(given) == os.path.abspath(original) else f"it is the same file as {original}"
