"""Path globs as people write them in ``.gitignore`` and ``pre-commit``.

A glob without a ``/`` matches a file name at any depth (``*.docx``); one
with a ``/`` is anchored at the folder it is relative to (``minutes/**``).
``**`` spans any number of folders, ``*`` and ``?`` stay within one, and a
glob naming a folder (``drafts``, ``drafts/``) covers everything under it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Iterable


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """A regular expression matching relative POSIX paths for ``pattern``."""
    glob = pattern.strip().replace("\\", "/")
    anchored = "/" in glob.rstrip("/")
    glob = glob.strip("/")
    if glob.startswith("./"):
        glob = glob[2:]
    body = _translate(glob)
    prefix = "" if anchored else "(?:.*/)?"
    # A match on a folder covers what is inside it.
    return re.compile(f"^{prefix}{body}(?:/.*)?$", re.DOTALL)


def _translate(glob: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[" and "]" in glob[i + 2:]:
            end = glob.index("]", i + 2)
            inner = glob[i + 1:end].replace("\\", "\\\\")
            out.append("[^" + inner[1:] + "]" if inner.startswith("!") else "[" + inner + "]")
            i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out)


def matches(relative_path: str, patterns: Iterable[str]) -> bool:
    """Whether a relative path matches any of ``patterns``."""
    path = PurePosixPath(relative_path.replace("\\", "/")).as_posix()
    return any(compile_glob(p).match(path) for p in patterns)
