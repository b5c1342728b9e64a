"""One paper's parse shared with a forked helper gives the Docs one process gives."""

from __future__ import annotations

import os
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from plainspeak.deadline import TimeUp, time_limit
from plainspeak.forking import can_fork
from plainspeak.nlp import parse
from plainspeak.nlp.helper import Claims, Helper, pack, unpack
from tests.helpers import record_forks

pytestmark = pytest.mark.skipif(not can_fork(), reason="a helper is forked only on Linux, with one thread")

if not Doc.has_extension("test_shared_note"):
    Doc.set_extension("test_shared_note", default=None)


@Language.component("test_shared_annotate")
def _annotate(doc: Doc) -> Doc:
    """Tags and lemmas made up as the parse goes, so the helper's strings are new to the parent."""
    for token in doc:
        token.tag_ = f"T{len(token.text)}-{token.text[:2]}"
        token.lemma_ = token.text.lower() + "~"
    doc._.test_shared_note = {"words": len(doc), "first": doc[0].text if len(doc) else None, "spans": [(0, 1)]}
    return doc


def _in_helper() -> bool:
    return os.getpid() != _PARENT[0]


@Language.component("test_shared_fails_in_helper")
def _fails_in_helper(doc: Doc) -> Doc:
    if _in_helper():
        raise RuntimeError("the helper's parse breaks")
    return doc


def _sleeper(name: str, seconds: float, *, helper_only: bool = False) -> None:
    """A component that waits ``seconds`` a block (in the helper alone, if asked)."""
    def sleep(doc: Doc) -> Doc:
        if not helper_only or _in_helper():
            time.sleep(seconds)
        return doc

    Language.component(name, func=sleep)


_sleeper("test_shared_slow", 0.05)
_sleeper("test_shared_slow_in_helper", 0.02, helper_only=True)
_sleeper("test_shared_steady", 0.01)


@Language.component("test_shared_helper_dies")
def _helper_dies(doc: Doc) -> Doc:
    """The helper is killed outright at block 34, in its third batch of two, after sending two."""
    if _in_helper() and doc.text.startswith("Block 34 "):
        os.kill(os.getpid(), 9)
    return doc


_PARENT = [os.getpid()]


def pipeline(*extra: str) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_shared_annotate")
    for name in extra:
        nlp.add_pipe(name)
    return nlp


def texts(count: int = 40) -> list[str]:
    # Words the vocabulary has never seen, different in every block.
    return [f"Block {n} names Zorbleflax{n} and Quintavore{n * 7}. It ends here, {n}." for n in range(count)]


def summary(docs: list[Doc]) -> list[tuple]:
    return [(doc.text, [t.text for t in doc], [t.whitespace_ for t in doc], [t.tag_ for t in doc],
             [t.lemma_ for t in doc], [t.is_sent_start for t in doc], [s.text for s in doc.sents],
             doc._.test_shared_note) for doc in docs]


def test_claims_hand_out_every_batch_once_from_either_end() -> None:
    claims = Claims(5)
    try:
        taken = [claims.front(), claims.back(), claims.front(), claims.back(), claims.front()]
        assert taken == [0, 4, 1, 3, 2]
        assert claims.front() is None and claims.back() is None
    finally:
        claims.close()
    empty = Claims(0)
    assert empty.front() is None and empty.back() is None
    empty.close()


def test_claims_are_shared_with_a_forked_process() -> None:
    claims = Claims(200)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child takes from the back until none is left, and reports what it took
        os.close(read_fd)
        taken = []
        while (index := claims.back()) is not None:
            taken.append(index)
        os.write(write_fd, ",".join(map(str, taken)).encode())
        os._exit(0)
    os.close(write_fd)
    mine = []
    while (index := claims.front()) is not None:
        mine.append(index)
    os.waitpid(pid, 0)
    data = b""
    while chunk := os.read(read_fd, 65536):
        data += chunk
    os.close(read_fd)
    claims.close()
    theirs = [int(n) for n in data.decode().split(",") if n]
    assert sorted(mine + theirs) == list(range(200))  # every batch once, none twice
    assert mine == sorted(mine) and theirs == sorted(theirs, reverse=True)


def test_a_shared_parse_gives_the_docs_one_process_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    alone = list(parse.parse_here(pipeline(), texts()))
    shared = parse.parse_blocks(pipeline(), texts(), processes=2)
    assert summary(shared) == summary(alone)
    # The helper's new words arrived with their strings: each rebuilt Doc reads back.
    assert shared[-1][3].text == "Zorbleflax39"
    assert shared[-1][3].lemma_ == "zorbleflax39~"


def test_one_process_or_a_short_paper_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    nlp = pipeline()
    assert len(parse.parse_blocks(nlp, texts(), processes=1)) == 40
    short = ["A short paper."] * 3  # far under MIN_SHARED_CHARS
    assert len(parse.parse_blocks(nlp, short, processes=2)) == 3


def test_a_helper_that_fails_leaves_its_blocks_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    _PARENT[0] = os.getpid()
    nlp = pipeline("test_shared_fails_in_helper")
    claims = Claims(2)
    with Helper(nlp, [texts()[:20], texts()[20:]], claims) as helper:
        assert helper.docs() == {}
    assert claims.front() == 0  # the helper claimed the last batch before it failed
    assert claims.front() is None
    claims.close()
    shared = parse.parse_blocks(nlp, texts(), processes=2)
    assert summary(shared) == summary(list(parse.parse_here(pipeline(), texts())))


def batches_of_two_recording_the_helpers(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    """Share even short texts, two blocks a batch; the list fills with the batches each helper sent."""
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    monkeypatch.setattr(parse, "SHARED_BATCH", 2)
    _PARENT[0] = os.getpid()
    sent: list[set[int]] = []
    real_docs = Helper.docs

    def docs(self: Helper) -> dict:
        done = real_docs(self)
        sent.append(set(done))
        return done

    monkeypatch.setattr(Helper, "docs", docs)
    return sent


def test_a_helper_killed_midway_leaves_what_it_had_not_sent_to_the_parent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sent = batches_of_two_recording_the_helpers(monkeypatch)
    # Both sides take 0.02 s a batch, so the parent is far from block 34 when the helper dies there.
    nlp = pipeline("test_shared_steady", "test_shared_helper_dies")
    shared = parse.parse_blocks(nlp, texts(), processes=2)
    assert sent == [{19, 18}]  # blocks 36-39 came back; 34-35 (batch 17) died with the helper
    assert summary(shared) == summary(list(parse.parse_here(pipeline(), texts())))


def test_a_slower_helper_gets_fewer_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    monkeypatch.setattr(parse, "SHARED_BATCH", 2)
    _PARENT[0] = os.getpid()
    taken: list[int] = []
    real_front = Claims.front

    def front(self: Claims) -> int | None:
        index = real_front(self)
        if index is not None:
            taken.append(index)
        return index

    monkeypatch.setattr(Claims, "front", front)
    nlp = pipeline("test_shared_slow_in_helper")  # 0.04 s a batch in the helper, far less here
    shared = parse.parse_blocks(nlp, texts(), processes=2)
    assert summary(shared) == summary(list(parse.parse_here(pipeline(), texts())))
    # A fixed half would give this process 10 of the 20 batches; it takes what the helper has not.
    assert len(taken) > 14
    assert taken == list(range(len(taken)))


def test_no_helper_to_be_had_leaves_the_parse_to_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)

    def no_process() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_process)
    shared = parse.parse_blocks(pipeline(), texts(), processes=2)
    assert summary(shared) == summary(list(parse.parse_here(pipeline(), texts())))


def test_a_time_limit_stops_the_helper_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    nlp = pipeline("test_shared_slow")  # 80 blocks of 0.05 s: two seconds on each side
    began = time.monotonic()
    forked = record_forks(monkeypatch)
    with pytest.raises(TimeUp), time_limit(0.3):
        parse.parse_blocks(nlp, texts(80), processes=2)
    assert time.monotonic() - began < 1.5
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # already waited for: killed, not left running
        os.waitpid(forked[0], os.WNOHANG)


def test_a_time_limit_that_rings_as_the_helper_starts_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The limit rings between the fork and the end of the helper's start: held
    # back until then, it is raised as the start lets signals in again, and the
    # helper it leaves must be killed and reaped, not left parsing on its own.
    import signal

    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    nlp = pipeline("test_shared_slow")  # two seconds of parse on each side
    # The ring is held back by the helper's start.
    forked = record_forks(monkeypatch, then=lambda: os.kill(os.getpid(), signal.SIGALRM))
    began = time.monotonic()
    with pytest.raises(TimeUp), time_limit(60):
        parse.parse_blocks(nlp, texts(80), processes=2)
    assert time.monotonic() - began < 1.5
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # already waited for: killed, not left running
        os.waitpid(forked[0], os.WNOHANG)


def test_a_time_limit_stops_the_helper_when_a_ring_cuts_its_stop_short(monkeypatch: pytest.MonkeyPatch) -> None:
    # A ring can raise TimeUp at the first line of the helper's __exit__, before
    # it kills anything; the limit stops the helper as it is lifted.
    from plainspeak.deadline import TimeUp as Up

    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    nlp = pipeline("test_shared_slow")
    forked = record_forks(monkeypatch)

    def cut_short(self, *exc):  # noqa: ANN001, ANN002, ANN202
        raise Up

    monkeypatch.setattr(Helper, "__exit__", cut_short)
    with pytest.raises(TimeUp), time_limit(0.3):
        parse.parse_blocks(nlp, texts(80), processes=2)
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # stopped and reaped by the limit
        os.waitpid(forked[0], os.WNOHANG)


def test_signals_held_are_let_in_again_when_a_ring_lands_as_they_are_held(monkeypatch: pytest.MonkeyPatch) -> None:
    # A ring that came just before the signals were held is raised at the first
    # line after: the mask must still be put back, or no limit rings again.
    import signal

    from plainspeak.nlp import helper

    real = signal.pthread_sigmask

    def rings_after_holding(how, mask):  # noqa: ANN001, ANN202
        previous = real(how, mask)
        if how == signal.SIG_BLOCK and signal.SIGALRM in set(mask):
            raise TimeUp
        return previous

    monkeypatch.setattr(signal, "pthread_sigmask", rings_after_holding)
    with pytest.raises(TimeUp):
        with helper._signals_held():
            pass
    monkeypatch.undo()
    assert signal.SIGALRM not in signal.pthread_sigmask(signal.SIG_BLOCK, ())
    with pytest.raises(TimeUp), time_limit(0.05):  # and a limit still rings
        while True:
            pass


if not Doc.has_extension("test_shared_read"):
    Doc.set_extension("test_shared_read", default=None)


@Language.component("test_shared_reader")
def _reader(doc: Doc) -> Doc:
    """A reader added after the fork: what it saw of the parse, and which process ran it."""
    from plainspeak.nlp.doc_text import doc_text

    doc._.test_shared_read = {"text": doc_text(doc), "tags": [t.tag_ for t in doc],
                              "sentences": len(list(doc.sents)), "here": not _in_helper()}
    return doc


def test_readers_added_after_an_early_fork_run_here_on_the_helpers_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    helper_batches = batches_of_two_recording_the_helpers(monkeypatch)
    nlp = pipeline("test_shared_slow")  # 0.05 s a block on both sides, so both take a share
    with parse.early_parse(nlp, texts(), processes=2) as shared:
        assert shared is not None
        nlp.add_pipe("test_shared_reader")  # as the readers are built while the helper parses
        early = parse.parse_blocks(nlp, texts(), processes=2, shared=shared)
    alone = list(parse.parse_here(pipeline("test_shared_slow", "test_shared_reader"), texts()))
    assert summary(early) == summary(alone)
    assert [doc._.test_shared_read for doc in early] == [doc._.test_shared_read for doc in alone]
    assert helper_batches and helper_batches[0]  # the helper parsed some batches ...
    assert all(doc._.test_shared_read["here"] for doc in early)  # ... and their reader ran here
    assert all("plainspeak_text" not in doc.user_data for doc in early)


def test_no_early_helper_for_a_short_paper_or_one_process() -> None:
    nlp = pipeline()
    with parse.early_parse(nlp, ["A short paper."] * 3, processes=2) as shared:
        assert shared is None
    with parse.early_parse(nlp, texts() * 100, processes=1) as shared:
        assert shared is None


def test_packed_docs_rebuild_on_a_vocabulary_that_lacks_their_strings() -> None:
    nlp = pipeline()
    source = spacy.blank("en")  # a separate vocabulary, as the helper's copy is after the fork
    docs = list(nlp.pipe(texts(3)))
    data = pack(docs, nlp.vocab.strings)
    assert "Zorbleflax2" not in source.vocab.strings
    rebuilt = unpack(source.vocab, data)
    assert summary(rebuilt) == summary(docs)


def test_an_empty_block_survives_the_round_trip() -> None:
    nlp = pipeline()
    docs = list(nlp.pipe(["", "One sentence here."]))
    rebuilt = unpack(nlp.vocab, pack(docs, nlp.vocab.strings))
    assert [doc.text for doc in rebuilt] == ["", "One sentence here."]
