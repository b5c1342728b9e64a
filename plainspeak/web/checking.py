"""Check one uploaded or pasted paper: a temporary file, the loaders, the engine, the copies.

The client's file name never becomes a path: the upload goes to a name
``tempfile.mkstemp`` chooses, with a suffix taken from a fixed table (the
loaders decide the format from the bytes; the suffix only tells Markdown from
plain text and lets them refuse a file whose name and content disagree). The
file is removed before the response, whatever happens.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Callable

from plainspeak.errors import PlainspeakError
from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import Paper
from plainspeak.result import PaperResult
from plainspeak.settings import Settings

# The only suffixes an upload's temporary file can have.
SUFFIXES = {".docx": ".docx", ".docm": ".docm", ".dotx": ".dotx", ".dotm": ".dotm", ".pdf": ".pdf", ".txt": ".txt", ".text": ".txt",
            ".md": ".md", ".markdown": ".md", ".doc": ".doc"}
_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()-]+")
LABEL_MAX = 80
CHUNK = 64 * 1024


@dataclass(slots=True)
class Checked:
    paper: Paper
    result: PaperResult
    source: bytes


def display_label(client_name: str | None, fallback: str = "pasted text") -> str:
    """A name to show and to record with requests: the last part, tame characters only."""
    name = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = " ".join(_UNSAFE.sub("", name).split()).strip(" .")
    return name[:LABEL_MAX] or fallback


def suffix_for(client_name: str | None) -> str:
    """The temporary file's suffix, chosen from :data:`SUFFIXES` (else none)."""
    name = (client_name or "").lower()
    dot = name.rfind(".")
    return SUFFIXES.get(name[dot:], ".upload") if dot >= 0 else ".upload"


class Checker:
    """Loads and checks papers for the page, one at a time (the pipeline is shared)."""

    def __init__(self, settings: Settings, glossaries: GlossarySet, *, upload_dir: str | None = None,
                 keep_dir: str | None = None, isolate: bool = True,
                 pipeline: Callable[[Settings, GlossarySet], Any] | None = None) -> None:
        self.settings = settings
        self.glossaries = glossaries
        self.upload_dir = upload_dir
        self.keep_dir = keep_dir
        self.isolate = isolate
        self._pipeline = pipeline
        self._nlp: Any = None
        self._lock = threading.Lock()

    def check_stream(self, stream: IO[bytes], suffix: str, label: str) -> Checked:
        """Copy ``stream`` to a temporary file, check it, and always remove the file."""
        handle, temp_name = tempfile.mkstemp(prefix="plainspeak-", suffix=suffix, dir=self.upload_dir)
        try:
            with os.fdopen(handle, "wb") as out:
                shutil.copyfileobj(stream, out, CHUNK)
            if self.keep_dir:
                self._keep(temp_name, suffix)
            return self.check_file(temp_name, label)
        finally:
            Path(temp_name).unlink(missing_ok=True)

    def check_file(self, path: str, label: str) -> Checked:
        """Read and check the paper at ``path`` in the limits' time, or raise its InputError (E115 past it).

        The time spent reading is taken from the check's; waiting for another
        check to finish, and building the pipeline, are not counted.
        """
        from plainspeak.engine import check_paper, time_left
        from plainspeak.loaders import load, load_isolated

        limits = self.settings.limits
        started = time.monotonic()
        paper = load_isolated(path, limits) if self.isolate else load(path, limits=limits)
        used = time.monotonic() - started
        source = Path(path).read_bytes()
        paper.path = label  # reports and copies name the paper, never the temporary file
        with self._lock:
            nlp = self.nlp()
            # A request's thread has no timer: the parse and rules check the time between steps.
            with time_left(label, limits, used):
                result = check_paper(paper, self.settings, self.glossaries, nlp)
        result.path = label
        return Checked(paper, result, source)

    def nlp(self) -> Any:
        if self._nlp is None:
            if self._pipeline is not None:
                self._nlp = self._pipeline(self.settings, self.glossaries)
            else:
                from plainspeak.nlp.pipeline import build_pipeline

                self._nlp = build_pipeline(self.settings, self.glossaries)
        return self._nlp

    def _keep(self, temp_name: str, suffix: str) -> None:
        """Staff asked to keep uploads: a copy under a name made here, not by the client."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        folder = Path(self.keep_dir or ".")
        folder.mkdir(parents=True, exist_ok=True)
        handle, kept = tempfile.mkstemp(prefix=f"paper-{stamp}-", suffix=suffix, dir=folder)
        os.close(handle)
        shutil.copyfile(temp_name, kept)


def refusal_status(error: PlainspeakError) -> int:
    """The HTTP status for a paper the loaders refused."""
    code = error.kind.code
    if code == "E108":
        return 413
    if code in ("E103", "E104", "E111"):
        return 415
    if code == "E102":
        return 400
    return 422
