"""Every user-facing error and exit code plainspeak has, in one place.

A user sees one clear line: which file, what is wrong, what to try. Each error
carries a stable code (``E1xx`` input, ``E2xx`` glossary and config, ``E3xx``
model, ``E4xx`` output, ``E5xx`` usage) so people can search for it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from plainspeak.safe_text import printable


class ExitCode(enum.IntEnum):
    """Process exit codes, the contract with CI systems."""

    OK = 0
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # the command line or a config file is wrong
    INPUT = 3  # a paper could not be read


@dataclass(frozen=True)
class ErrorKind:
    """A kind of error: its code, what is wrong and what to do about it."""

    code: str
    problem: str
    advice: str
    exit_code: ExitCode = ExitCode.INPUT


# Input problems (one paper).
E101 = ErrorKind("E101", "file not found", "check the path")
E102 = ErrorKind("E102", "the file is empty", "export the paper again and check it opens")
E103 = ErrorKind(
    "E103", "not a format plainspeak reads",
    "save the paper as .docx, .pdf, .txt or .md",
)
E104 = ErrorKind(
    "E104", "an old Word .doc file, not .docx",
    "open it in Word or LibreOffice and save it as .docx",
)
E105 = ErrorKind(
    "E105", "the Word file is password-protected",
    "remove the password (File > Info > Protect Document) and save a copy",
)
E106 = ErrorKind(
    "E106", "the PDF is password-protected",
    "save an unprotected copy, or check the Word version of the paper",
)
E107 = ErrorKind(
    "E107", "the file is damaged and cannot be read",
    "export the paper again from the program that made it",
)
E108 = ErrorKind(
    "E108", "the file is too large or expands too far when opened",
    "check it is the right file, or raise the limit in the [limits] part of plainspeak.toml",
)
E109 = ErrorKind(
    "E109", "reading the file took too long",
    "check it is the right file, or raise the limit with --timeout",
)
E110 = ErrorKind(
    "E110", "reading the file used too much memory",
    "check it is the right file, or split it into smaller papers",
)
E111 = ErrorKind(
    "E111", "the extension does not match what is inside the file",
    "rename the file with the right extension, or save it again in the right format",
)
E112 = ErrorKind(
    "E112", "the file cannot be opened",
    "check the path names an ordinary file you have permission to read",
)
E113 = ErrorKind(
    "E113", "the file contains no text plainspeak can check",
    "check the paper has text in it; a scanned PDF needs OCR first",
)
E114 = ErrorKind(
    "E114", "plainspeak could not check this paper",
    "run again with --debug and report what it shows",
)
E115 = ErrorKind(
    "E115", "checking the paper took too long",
    "split it into smaller papers, or raise the limit with --timeout",
)
E116 = ErrorKind(
    "E116", "the Word file is saved as Strict Open XML, which plainspeak can check but not annotate in Word",
    "save it as an ordinary Word document (.docx), or choose --format html or md",
)
E117 = ErrorKind(
    "E117", "the folder cannot be read, so its papers were not checked",
    "check you have permission to read it, or leave it out with --exclude",
)
E118 = ErrorKind(
    "E118", "the paper changed while it was being annotated, so no copy was written",
    "run again once it is saved and closed",
)
E119 = ErrorKind(
    "E119", "the paper could be checked, but its annotated copy could not be made",
    "export the paper again from the program that made it, or make a reader's copy with --format html",
)

# Glossary and configuration problems.
E201 = ErrorKind(
    "E201", "the glossary is not valid",
    "fix the entry named, or run 'plainspeak glossary lint FILE'", ExitCode.USAGE,
)
E202 = ErrorKind(
    "E202", "the configuration is not valid",
    "fix the setting named in the config file", ExitCode.USAGE,
)
E203 = ErrorKind(
    "E203", "the baseline or ignore file is not valid",
    "fix it or write it again with --write-baseline", ExitCode.USAGE,
)

E204 = ErrorKind(
    "E204", "the requests store cannot be used",
    "check the --store path, or give a new one", ExitCode.USAGE,
)

# Model problems.
E301 = ErrorKind(
    "E301", "the language model could not be loaded",
    "check the --model name or path, or leave it out to use the built-in model",
    ExitCode.USAGE,
)

# Output problems.
E401 = ErrorKind(
    "E401", "the output file could not be written",
    "check the folder exists and you can write to it", ExitCode.USAGE,
)
E402 = ErrorKind(
    "E402", "the output would overwrite the paper itself",
    "choose another --output path", ExitCode.USAGE,
)
E403 = ErrorKind(
    "E403", "this output format cannot be made from this kind of paper",
    "choose --format html or md, which work for every paper", ExitCode.USAGE,
)
E404 = ErrorKind(
    "E404", "two papers of this run would write the same annotated copy",
    "rename one of the papers, or annotate them in separate runs with different --output folders",
    ExitCode.USAGE,
)
E405 = ErrorKind(
    "E405", "a symbolic link stands where plainspeak would write, so nothing was written there",
    "remove the link (it may be there to make plainspeak write over another file), or name the output "
    "with --output", ExitCode.USAGE,
)


class PlainspeakError(Exception):
    """An error a user can act on: a kind, the thing it is about, and detail."""

    def __init__(self, kind: ErrorKind, subject: str = "", detail: str = "") -> None:
        self.kind = kind
        self.subject = subject
        self.detail = detail
        super().__init__(self.line())

    @property
    def exit_code(self) -> ExitCode:
        return self.kind.exit_code

    def line(self) -> str:
        """One line: ``subject: problem (detail) [code] - advice``.

        The subject is often a file name, which may hold a newline or a
        terminal escape: it is shown escaped (:func:`plainspeak.safe_text.printable`).
        """
        where = f"{printable(self.subject)}: " if self.subject else ""
        detail = f" ({printable(self.detail)})" if self.detail else ""
        return f"{where}{self.kind.problem}{detail} [{self.kind.code}] - {self.kind.advice}"

    def __reduce__(self):  # keep errors picklable across worker processes
        return (type(self), (self.kind, self.subject, self.detail))


class InputError(PlainspeakError):
    """A paper could not be read."""


class GlossaryError(PlainspeakError):
    """A glossary file is not valid."""


class ConfigError(PlainspeakError):
    """A configuration file or setting is not valid."""


class StoreError(PlainspeakError):
    """The requests store could not be opened or written."""


class ModelError(PlainspeakError):
    """The spaCy pipeline could not be loaded."""


class OutputError(PlainspeakError):
    """An output file could not be written."""
