"""Citizens' "please explain this" requests, kept until the group answers them.

A small SQLite database (standard library only) in the user's data folder, or
wherever ``--store`` or ``PLAINSPEAK_STORE`` says. Every call opens its own
connection, so a web page serving several people at once can share one store;
WAL mode lets readers carry on while someone writes. The schema carries a
version (``PRAGMA user_version``) and upgrades itself in order.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from plainspeak.errors import E204, StoreError

SCHEMA_VERSION = 1
ENV_VAR = "PLAINSPEAK_STORE"

# Each step takes the schema from version N-1 to N.
_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        term TEXT NOT NULL,
        term_key TEXT NOT NULL,
        paper TEXT,
        name TEXT,
        sentence TEXT,
        say_instead TEXT,
        notes TEXT,
        asked_at TEXT NOT NULL,
        answered_at TEXT
    );
    CREATE INDEX requests_open ON requests (term_key) WHERE answered_at IS NULL;
    """,
}


def default_store_path() -> Path:
    """``PLAINSPEAK_STORE`` if set, else ``requests.sqlite3`` in the user's data folder."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("plainspeak")) / "requests.sqlite3"


def term_key(term: str) -> str:
    """Requests for "Virement" and "virement " are the same request."""
    return " ".join(term.split()).casefold()


@dataclass(frozen=True, slots=True)
class Request:
    """One person asking once."""

    id: int
    term: str
    paper: str | None
    name: str | None
    sentence: str | None
    say_instead: str | None
    notes: str | None
    asked_at: str
    answered_at: str | None


@dataclass(slots=True)
class OpenRequest:
    """Every open request for one term, put together."""

    term: str
    count: int
    ids: list[int] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    say_instead: str = ""
    notes: list[str] = field(default_factory=list)
    first_asked: str = ""
    last_asked: str = ""


class RequestStore:
    """The requests database at ``path`` (created, with its folder, on first use)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._upgrade()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(sqlite3.connect(self.path, timeout=30)) as connection:
                connection.row_factory = sqlite3.Row
                with connection:  # commit on success, roll back on error
                    yield connection
        except sqlite3.Error as error:  # a locked, read-only or damaged file: say which
            raise StoreError(E204, str(self.path), str(error)) from None

    def _upgrade(self) -> None:
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(E204, str(self.path), f"it was made by a newer plainspeak (schema {version})")
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in filter(str.strip, _MIGRATIONS[step].split(";")):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {step}")

    def add(self, term: str, paper: str | None = None, name: str | None = None,
            sentence: str | None = None, *, say_instead: str | None = None,
            notes: str | None = None) -> int:
        """Record one request; returns its id."""
        clean = " ".join(term.split())
        if not clean:
            raise ValueError("a request needs the word or phrase to explain")
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO requests (term, term_key, paper, name, sentence, say_instead, notes, asked_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (clean, term_key(clean), _blank(paper), _blank(name), _blank(sentence),
                 _blank(say_instead), _blank(notes), _now()),
            )
            return int(cursor.lastrowid)

    def all(self) -> list[Request]:
        """Every request, answered or not, oldest first."""
        with self._connect() as connection:
            rows = connection.execute("SELECT * FROM requests ORDER BY id").fetchall()
        return [_request(row) for row in rows]

    def open_requests(self) -> list[OpenRequest]:
        """Open requests grouped by term, most asked first (then earliest asked)."""
        return _grouped(self._open())

    def by_paper(self) -> dict[str, list[OpenRequest]]:
        """Open requests grouped by the paper they were asked about ("" for none)."""
        papers: dict[str, list[Request]] = {}
        for request in self._open():
            papers.setdefault(request.paper or "", []).append(request)
        return {paper: _grouped(requests) for paper, requests in sorted(papers.items())}

    def _open(self) -> list[Request]:
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT * FROM requests WHERE answered_at IS NULL ORDER BY id").fetchall()
        return [_request(row) for row in rows]

    def mark_answered(self, term_or_id: str | int) -> int:
        """Close the open requests for a term (or one request by id); returns how many."""
        with self._connect() as connection:
            if isinstance(term_or_id, int):
                sql, key = "id = ?", term_or_id
            else:
                sql, key = "term_key = ?", term_key(term_or_id)
            cursor = connection.execute(
                f"UPDATE requests SET answered_at = ? WHERE {sql} AND answered_at IS NULL",  # noqa: S608
                (_now(), key))
            return cursor.rowcount

    def note(self, term: str, *, say_instead: str | None = None, notes: str | None = None,
             paper: str | None = None, sentence: str | None = None) -> int:
        """Keep what a group wrote about a term they have not defined yet.

        Adds it to the term's latest open request, or opens one if there is none.
        """
        with self._connect() as connection:
            row = connection.execute(
                "SELECT id FROM requests WHERE term_key = ? AND answered_at IS NULL"
                " ORDER BY id DESC LIMIT 1", (term_key(term),)).fetchone()
            if row is not None:
                connection.execute(
                    "UPDATE requests SET say_instead = COALESCE(?, say_instead),"
                    " notes = COALESCE(?, notes) WHERE id = ?",
                    (_blank(say_instead), _blank(notes), row["id"]))
                return int(row["id"])
        return self.add(term, paper, None, sentence, say_instead=say_instead, notes=notes)


def _grouped(requests: list[Request]) -> list[OpenRequest]:
    groups: dict[str, OpenRequest] = {}
    for request in requests:
        group = groups.setdefault(term_key(request.term), OpenRequest(request.term, 0, first_asked=request.asked_at))
        group.count += 1
        group.ids.append(request.id)
        group.last_asked = request.asked_at
        for values, value in ((group.papers, request.paper), (group.names, request.name),
                              (group.sentences, request.sentence), (group.notes, request.notes)):
            if value and value not in values:
                values.append(value)
        group.say_instead = request.say_instead or group.say_instead
    return sorted(groups.values(), key=lambda g: (-g.count, g.ids[0]))


def _request(row: sqlite3.Row) -> Request:
    return Request(row["id"], row["term"], row["paper"], row["name"], row["sentence"],
                   row["say_instead"], row["notes"], row["asked_at"], row["answered_at"])


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
