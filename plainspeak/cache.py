"""A cache of paper results, so an unchanged paper is not checked again.

An entry is keyed by the paper's bytes (sha256) and by everything else that
can change its findings: the effective settings (:meth:`Settings.cache_key`),
plainspeak's version and code, the glossary files' contents and the model.
Entries are JSON, not pickles, so a cache folder that came from elsewhere
cannot run code; a corrupt entry is ignored and checked again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from plainspeak.errors import PlainspeakError
from plainspeak.findings import Finding, Location, Severity
from plainspeak.result import Definition, PaperResult
from plainspeak.safe_text import safe_json
from plainspeak.settings import Settings
from plainspeak.settings_files import open_ordinary

CACHE_FORMAT = "1"
CACHE_DIR_NAME = ".plainspeak-cache"


def default_cache_dir(config_path: Path | None) -> Path:
    """``.plainspeak-cache/`` beside the config file, else the user cache folder."""
    if config_path is not None:
        return config_path.parent / CACHE_DIR_NAME
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("plainspeak")) / "results"


def file_sha256(path: str | Path) -> str | None:
    """The hash of a file's bytes, or None if it cannot be read or is no ordinary file (the check will say why).

    Opened without blocking and looked at before it is read: a pipe would
    wait for a writer for ever, and a link to ``/dev/zero`` never ends.
    """
    digest = hashlib.sha256()
    try:
        with open_ordinary(path) as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


class ResultCache:
    """Results on disk under ``directory``, for one run's model, glossaries and code."""

    def __init__(self, directory: str | Path, settings: Settings) -> None:
        from plainspeak.cache_key import run_key

        self.directory = Path(directory)
        self.run_key = run_key(settings)
        self.hits = 0

    def entry_path(self, file_hash: str, settings: Settings) -> Path:
        key = hashlib.sha256(f"{CACHE_FORMAT}|{self.run_key}|{settings.cache_key()}".encode()).hexdigest()
        return self.directory / file_hash[:2] / f"{file_hash}-{key[:24]}.json"

    def get(self, path: str, file_hash: str, settings: Settings) -> PaperResult | None:
        """The stored result for this paper's bytes, under its current path; None if absent or corrupt."""
        try:
            data = json.loads(self.entry_path(file_hash, settings).read_text(encoding="utf-8"))
            result = result_from_dict(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        result.path = path
        result.cached = True
        self.hits += 1
        return result

    def put(self, result: PaperResult, file_hash: str, settings: Settings) -> None:
        """Store a checked paper; unreadable papers are not stored (a limit may change)."""
        if result.error is not None:
            return
        from plainspeak.atomic import atomic_write

        try:
            # A name's bytes that are not UTF-8 are kept as \xNN; get() puts the real path back.
            payload = safe_json(json.dumps(result_to_dict(result), ensure_ascii=False))
        except (TypeError, ValueError):
            return  # a rule put something in ``extra`` JSON cannot hold: check it again next time
        target = self.entry_path(file_hash, settings)
        try:
            self._prepare(target.parent)
            atomic_write(target, payload, durable=False, follow=False)  # a lost entry is checked again
        except (OSError, PlainspeakError):
            return  # a cache that cannot be written only costs time

    def _prepare(self, folder: Path) -> None:
        if not self.directory.is_dir():
            self.directory.mkdir(parents=True, exist_ok=True)
            # Keep the cache out of version control and backups.
            (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            (self.directory / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# plainspeak result cache\n", encoding="utf-8")
        folder.mkdir(exist_ok=True)


# The fields of a PaperResult stored as they are; findings and definitions are rebuilt.
_PLAIN_FIELDS = ("path", "format", "pages", "words", "sha256", "title", "summary")


_DEFINITION_FIELDS = tuple(f.name for f in fields(Definition))


def result_to_dict(result: PaperResult) -> dict[str, Any]:
    # Field by field, not dataclasses.asdict: its recursive deep copy was most of
    # the time the parent spent storing a batch's results.
    data = {name: getattr(result, name) for name in _PLAIN_FIELDS}
    data["findings"] = [f.to_dict() for f in result.findings]
    data["definitions"] = [{name: getattr(d, name) for name in _DEFINITION_FIELDS} for d in result.definitions]
    return data


def result_from_dict(data: dict[str, Any]) -> PaperResult:
    findings = []
    for raw in data["findings"]:
        raw = dict(raw)
        raw["severity"] = Severity(raw["severity"])
        raw["location"] = Location(**raw["location"])
        findings.append(Finding(**raw))
    definitions = [Definition(**raw) for raw in data["definitions"]]
    plain = {name: data[name] for name in _PLAIN_FIELDS}
    return PaperResult(**plain, findings=findings, definitions=definitions)
