"""Which files a run checks: named files as given, folders walked for papers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from plainspeak.errors import E117, InputError
from plainspeak.runner.globs import matches

DEFAULT_INCLUDE = ("*.docx", "*.docm", "*.dotx", "*.dotm", "*.pdf", "*.txt", "*.md", "*.markdown")
# Annotated copies and reports plainspeak wrote next to the papers.
OWN_OUTPUTS = ("*.plainspeak.*",)


def collect_papers(paths: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = (),
                   unreadable: list[InputError] | None = None) -> list[str]:
    """Papers to check, in a stable order, without repeats.

    A file named on the command line is always checked (pre-commit names the
    files it wants); a folder is walked, skipping hidden folders and files,
    keeping names that match ``include`` (default: DOCX, PDF, text and
    Markdown) and dropping paths that match ``exclude`` (relative to the folder).
    A path that does not exist is kept, so its check can say so. A folder
    that cannot be read is an E117 error added to ``unreadable``, and the
    walk goes on; without that list, the first such error is raised.
    """
    chosen: list[str] = []
    seen: set[str] = set()
    for given in paths:
        found = walk(Path(given), include or DEFAULT_INCLUDE, exclude, unreadable) if Path(given).is_dir() \
            else [given]
        for path in found:
            key = os.path.normcase(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                chosen.append(path)
    return chosen


def walk(folder: Path, include: Iterable[str], exclude: Iterable[str],
         unreadable: list[InputError] | None = None) -> list[str]:
    include, exclude = tuple(include), tuple(exclude)
    found: list[str] = []

    def cannot_read(error: OSError) -> None:
        problem = InputError(E117, str(error.filename or folder), error.strerror or type(error).__name__)
        if unreadable is None:
            raise problem
        unreadable.append(problem)

    for root, dirs, files in os.walk(folder, onerror=cannot_read):
        relative_root = Path(root).relative_to(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not matches((relative_root / d).as_posix(), exclude))
        for name in sorted(files):
            relative = (relative_root / name).as_posix()
            if name.startswith(".") or matches(name, OWN_OUTPUTS):
                continue
            if matches(relative, include) and not matches(relative, exclude):
                found.append(str(Path(root) / name))
    return found
