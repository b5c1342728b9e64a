"""One paper's parse shared with a forked helper gives the Docs one process gives."""

from __future__ import annotations

import os
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from plainspeak.deadline import TimeUp, time_limit
from plainspeak.nlp import parse
from plainspeak.nlp.helper import Helper, can_fork, pack, unpack

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


@Language.component("test_shared_fails_in_helper")
def _fails_in_helper(doc: Doc) -> Doc:
    if os.getpid() != _PARENT[0]:
        raise RuntimeError("the helper's parse breaks")
    return doc


@Language.component("test_shared_slow")
def _slow(doc: Doc) -> Doc:
    time.sleep(0.05)
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


def test_halfway_splits_by_characters_not_by_count() -> None:
    assert parse.halfway(["a" * 90, "b" * 5, "c" * 5]) == 1
    assert parse.halfway(["a" * 10] * 10) == 5
    assert parse.halfway(["a"]) == 1
    assert parse.halfway([]) == 0


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
    with Helper(nlp, texts()[20:]) as helper:
        assert helper.docs() is None
    shared = parse.parse_blocks(nlp, texts(), processes=2)
    assert summary(shared) == summary(list(parse.parse_here(pipeline(), texts())))


def test_no_helper_to_be_had_leaves_the_parse_to_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)

    def no_process() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_process)
    shared = parse.parse_blocks(pipeline(), texts(), processes=2)
    assert summary(shared) == summary(list(parse.parse_here(pipeline(), texts())))


def test_a_time_limit_stops_the_helper_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MIN_SHARED_CHARS", 0)
    nlp = pipeline("test_shared_slow")  # 40 blocks of 0.05 s: a second on each side
    began = time.monotonic()
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    with pytest.raises(TimeUp), time_limit(0.3):
        parse.parse_blocks(nlp, texts(), processes=2)
    assert time.monotonic() - began < 1.0
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # already waited for: killed, not left running
        os.waitpid(forked[0], os.WNOHANG)


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
