"""The requests store: grouping, answering, schema version, many writers at once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from plainspeak.errors import StoreError
from plainspeak.requests_store import SCHEMA_VERSION, RequestStore, default_store_path


@pytest.fixture()
def store(tmp_path: Path) -> RequestStore:
    return RequestStore(tmp_path / "deep" / "folder" / "requests.sqlite3")


def test_open_requests_grouped_most_asked_first(store: RequestStore) -> None:
    store.add("precept", paper="budget.docx", name="Ann Lee", sentence="The precept rises.")
    store.add("virement", paper="budget.docx")
    store.add("Virement ", paper="outturn.pdf", name="Bo Chen")
    store.add("virement", paper="budget.docx", name="Ann Lee")
    groups = store.open_requests()
    assert [(g.term, g.count, g.ids, g.papers, g.names) for g in groups] == [
        ("virement", 3, [2, 3, 4], ["budget.docx", "outturn.pdf"], ["Bo Chen", "Ann Lee"]),
        ("precept", 1, [1], ["budget.docx"], ["Ann Lee"]),
    ]
    assert groups[1].sentences == ["The precept rises."]


def test_by_paper(store: RequestStore) -> None:
    store.add("virement", paper="budget.docx")
    store.add("precept")
    store.add("precept", paper="budget.docx")
    assert {p: [(g.term, g.count) for g in gs] for p, gs in store.by_paper().items()} == {
        "": [("precept", 1)], "budget.docx": [("virement", 1), ("precept", 1)]}


def test_mark_answered_by_term_or_id(store: RequestStore) -> None:
    first = store.add("virement")
    store.add("VIREMENT")
    store.add("precept")
    other = store.add("outturn")
    assert store.mark_answered("Virement") == 2
    assert store.mark_answered(other) == 1
    assert store.mark_answered(first) == 0
    assert [g.term for g in store.open_requests()] == ["precept"]
    assert [(r.id, r.answered_at is not None) for r in store.all()] == [
        (1, True), (2, True), (3, False), (4, True)]


def test_note_keeps_writing_on_the_open_request_or_opens_one(store: RequestStore) -> None:
    asked = store.add("virement", name="Ann Lee")
    assert store.note("virement", say_instead="moving money") == asked
    opened = store.note("precept", notes="Names written: Bo", paper="budget.docx", sentence="It rose.")
    virement, precept = store.open_requests()  # equal counts: earliest asked first
    assert (virement.term, virement.say_instead, virement.count) == ("virement", "moving money", 1)
    assert (precept.ids, precept.notes, precept.papers, precept.sentences) == (
        [opened], ["Names written: Bo"], ["budget.docx"], ["It rose."])


def test_empty_term_refused(store: RequestStore) -> None:
    with pytest.raises(ValueError):
        store.add("   ")


def test_schema_version_and_wal(store: RequestStore) -> None:
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    RequestStore(store.path)  # opening again leaves it as it is
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match=r"newer plainspeak \(schema 99\)") as raised:
        RequestStore(path)
    assert raised.value.kind.code == "E204"


def test_many_threads_share_one_store(store: RequestStore) -> None:
    def ask(number: int) -> None:
        for _ in range(10):
            store.add(f"word {number % 3}")

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted((g.term, g.count) for g in store.open_requests()) == [
        ("word 0", 20), ("word 1", 20), ("word 2", 20)]


def test_default_path_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLAINSPEAK_STORE", str(tmp_path / "x.sqlite3"))
    assert default_store_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("PLAINSPEAK_STORE")
    assert default_store_path().name == "requests.sqlite3"
    assert "plainspeak" in str(default_store_path().parent)


def test_a_damaged_store_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "requests.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as raised:
        RequestStore(path)
    assert raised.value.line().startswith(f"{path}: the requests store cannot be used")


def test_asking_about_nothing_is_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from plainspeak.cli import cli

    store = tmp_path / "requests.sqlite3"
    result = CliRunner().invoke(cli, ["ask", "  ", "--store", str(store)])
    assert result.exit_code == 2
    assert "say which word or phrase you want explained" in result.output
    assert not store.exists() or RequestStore(store).all() == []
