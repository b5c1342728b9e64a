"""Annotated copies of a paper: one writer module per output format.

Every writer takes the loaded :class:`~plainspeak.paper.Paper`, the
:class:`~plainspeak.result.PaperResult` checked from it and the glossaries in
force, and returns an :class:`Annotated`: the bytes to write, the findings
it could not place (a writer never drops one silently) and what the user must
be told about how the copy differs from the paper. Writers only render: they
never change a finding, and they never change the original file.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from plainspeak.errors import E119, InputError, PlainspeakError
from plainspeak.findings import Finding

if TYPE_CHECKING:
    from plainspeak.glossary.model import GlossarySet
    from plainspeak.paper import Paper
    from plainspeak.result import PaperResult

# --format name -> (module, file suffix, formats of paper it accepts; None: any)
FORMATS: dict[str, tuple[str, str, frozenset[str] | None]] = {
    "docx": ("plainspeak.writers.docx", ".plainspeak.docx", frozenset({"docx"})),
    "pdf": ("plainspeak.writers.pdf", ".plainspeak.pdf", frozenset({"pdf"})),
    "html": ("plainspeak.writers.html", ".plainspeak.html", None),
    "md": ("plainspeak.writers.markdown_summary", ".plainspeak.md", None),
}


@dataclass(slots=True)
class Annotated:
    """An annotated copy: its bytes, how many findings it placed, those it could not,
    and remarks for the copy's line ("an ordinary .docx, without the paper's macros")."""

    data: bytes
    placed: int = 0
    unplaced: list[Finding] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)


def default_format(paper_format: str) -> str:
    """A paper's own format, or HTML for text and Markdown papers."""
    return paper_format if paper_format in ("docx", "pdf") else "html"


def get_writer(name: str) -> ModuleType:
    """The writer module for ``--format name``; each offers ``write(...)`` and ``MEDIA_TYPE``."""
    return importlib.import_module(FORMATS[name][0])


def write_copy(fmt: str, source: bytes, paper: "Paper", result: "PaperResult",
               glossaries: "GlossarySet | None", **options: object) -> Annotated:
    """``fmt``'s copy of the paper, made in this process; a failure of the parser the writer
    reads the paper's bytes with is E119 (:func:`copy_error`), not a traceback.

    :func:`plainspeak.writers.isolate.write_isolated` makes the same copy in a capped child.
    """
    try:
        return get_writer(fmt).write(source, paper, result, glossaries, **options)
    except PlainspeakError:
        raise
    except Exception as error:  # noqa: BLE001 - a writer's parser can fail on a file the loader read
        raise copy_error(fmt, paper.path, error) from None


# The library each writer reads the paper's bytes with.
_READS_WITH = {"docx": "python-docx", "pdf": "pypdf"}


def copy_error(fmt: str, path: str, error: Exception) -> InputError:
    """E119 for a writer's parser that failed on a paper the loader read.

    The loader's reader (PDFium, plainspeak's own Word reader) and the
    writer's (pypdf, python-docx) cope with different damage. The line names
    the writer's library and its own message where it gave one ("Detected
    cyclic page references."); a plain Python error from inside it (an
    AttributeError on a missing object) says only that the file's structure
    could not be followed, with the error's name for a bug report.
    """
    library = _READS_WITH.get(fmt, "the writer")
    message = " ".join(str(error).split())
    own = type(error).__module__.split(".")[0] in ("pypdf", "docx", "lxml", "zipfile")
    if own and message:
        reason = f"{library} could not rebuild it: {message[:97] + '...' if len(message) > 100 else message}"
    else:
        reason = f"{library} could not follow its structure ({type(error).__name__})"
    return InputError(E119, path, reason)
