"""A helper process, forked with the pipeline loaded, that parses part of a paper.

The helper is a copy of this process made by ``fork`` (Linux, and only while
this process runs no other thread, as a fork with threads can deadlock). It
shares the loaded model's memory until it writes to it. The paper's blocks
are cut into batches, and the two processes take them from opposite ends,
this one from the front and the helper from the back, each claiming the next
batch in :class:`Claims` until they meet. So neither waits for the other,
however their speeds differ: a fixed half for each left this process idle for
a quarter of a second on a 72-page paper while the helper, which also packs
what it parses, finished its half.

The helper sends each batch down a pipe as soon as it is parsed: each Doc
as one array of token attributes and its ``user_data`` (plainspeak's
extensions hold plain data), with the strings its words, lemmas, tags and
labels use, so the Docs can be rebuilt on this process's vocabulary. A
thread here reads the pipe as the batches come, so the helper never waits on
a full pipe and never holds more than one batch of Docs. spaCy's own
``Doc.to_bytes`` would do, but it scans the installed packages' entry points
once per Doc (srsly's msgpack looks up its encoders each time), which cost
more than the parse saved.

The helper dies with this process (``PR_SET_PDEATHSIG``), and ``Helper``'s
exit kills it if its Docs were not read, so a time limit or Ctrl-C here
leaves nothing running. A helper that fails stops sending; the batches it
claimed and never sent are parsed here.
"""

from __future__ import annotations

import fcntl
import gc
import os
import pickle
import signal
import struct
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from spacy import attrs
from spacy.tokens import Doc

from plainspeak.deadline import on_lift
from plainspeak.forking import die_with

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.vocab import Vocab

# What rules read of a parsed Doc, after its words and spaces.
ANNOTATIONS = (attrs.NORM, attrs.TAG, attrs.POS, attrs.MORPH, attrs.LEMMA, attrs.DEP, attrs.HEAD,
               attrs.SENT_START, attrs.ENT_IOB, attrs.ENT_TYPE, attrs.ENT_KB_ID, attrs.ENT_ID)
_COLUMNS = (attrs.ORTH, attrs.SPACY, *ANNOTATIONS)
# The columns that hold string hashes (the rest are flags, offsets and symbols).
_STRING_COLUMNS = [_COLUMNS.index(attr) for attr in (attrs.ORTH, attrs.NORM, attrs.TAG, attrs.MORPH, attrs.LEMMA,
                                                     attrs.DEP, attrs.ENT_TYPE, attrs.ENT_KB_ID, attrs.ENT_ID)]
_HEADER = struct.Struct("<QQ")  # each batch is its index and its length, then its bytes
_COUNTERS = struct.Struct("<qq")
_CHUNK = 1 << 20


class Claims:
    """The next batch to parse from either end, shared by this process and its helper.

    The two counters live in a memory file that the fork shares, behind a
    POSIX record lock. That lock belongs to a process and the kernel lifts it
    when the process dies, so a helper killed while it holds the lock cannot
    leave this process waiting for it.
    """

    def __init__(self, count: int) -> None:
        self.fd = os.memfd_create("plainspeak-claims", os.MFD_CLOEXEC)
        os.pwrite(self.fd, _COUNTERS.pack(0, count), 0)

    def front(self) -> int | None:
        """The first batch nobody has taken, now this process's; None when all are taken."""
        return self._take(from_back=False)

    def back(self) -> int | None:
        """The last batch nobody has taken, now the helper's; None when all are taken."""
        return self._take(from_back=True)

    def _take(self, from_back: bool) -> int | None:
        fcntl.lockf(self.fd, fcntl.LOCK_EX)
        try:
            front, back = _COUNTERS.unpack(os.pread(self.fd, _COUNTERS.size, 0))
            if front >= back:
                return None
            if from_back:
                back -= 1
                taken = back
            else:
                taken = front
                front += 1
            os.pwrite(self.fd, _COUNTERS.pack(front, back), 0)
            return taken
        finally:
            fcntl.lockf(self.fd, fcntl.LOCK_UN)

    def close(self) -> None:
        os.close(self.fd)


class Helper:
    """``with Helper(nlp, batches, claims) as helper:`` parses, in a forked process, the batches it claims.

    It takes batches from the back of ``claims``; :meth:`docs` waits for it to
    finish and returns the Docs of every batch it sent whole, by index. Each
    batch's Docs, once rebuilt here, go through ``finish(index, docs)`` if it
    is given (the components the helper was forked without).
    """

    def __init__(self, nlp: "Language", batches: Sequence[Sequence[str]], claims: Claims,
                 batch_size: int = 0, finish: Callable[[int, list[Doc]], list[Doc]] | None = None) -> None:
        self.nlp = nlp
        self.finish = finish
        self.batches = [list(batch) for batch in batches]
        self.claims = claims
        self.batch_size = batch_size
        self.pid: int | None = None
        self.fd: int | None = None
        self.received: list[tuple[int, bytes]] = []
        self.done: dict[int, list[Doc]] = {}
        self.reader: threading.Thread | None = None

    def __enter__(self) -> "Helper":
        parent = os.getpid()
        read_fd, write_fd = os.pipe()
        # Held from the fork until the helper is recorded: a time limit ringing
        # in between would leave a helper nobody stops, as a failed __enter__
        # has no __exit__. One that rang meanwhile is raised as they are let
        # in again, and the limit stops the helper as it is lifted (on_lift),
        # as it does when a ring cuts __exit__ short before the kill.
        with _signals_held() as unheld:
            try:
                pid = os.fork()
            except OSError:  # no memory or process left for a helper: the caller parses it all
                os.close(read_fd)
                os.close(write_fd)
                return self
            if pid == 0:  # the helper: never returns
                signal.pthread_sigmask(signal.SIG_SETMASK, unheld)
                os.close(read_fd)
                _serve(self.nlp, self.batches, self.claims, self.batch_size, write_fd, parent)
            os.close(write_fd)
            self.pid, self.fd = pid, read_fd
            on_lift(self._stop)
            self.reader = threading.Thread(target=_receive, args=(read_fd, self.received), daemon=True)
            self.reader.start()
        return self

    def collect(self) -> None:
        """Rebuild here the batches that have come so far, each batch's bytes let go of.

        Called between this process's own batches, so that little is left to
        rebuild once the helper is done.
        """
        while self.received:  # the reader thread only appends; pop takes one whole batch
            index, data = self.received.pop()
            docs = unpack(self.nlp.vocab, data)
            self.done[index] = self.finish(index, docs) if self.finish is not None else docs

    def docs(self) -> dict[int, list[Doc]]:
        """The Docs of each batch the helper sent, by batch; after a failure, those sent before it."""
        if self.pid is None or self.reader is None:
            return self.done
        self.reader.join()
        with _signals_held():  # reaped and forgotten together, or __exit__ waits for it again
            os.waitpid(self.pid, 0)
            self.pid = None
        self.collect()
        return self.done

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _stop(self) -> None:
        """Kill the helper if it still runs, reap it, and close the pipe; again does nothing more."""
        # A time limit rings again every millisecond until it is lifted, and its
        # TimeUp raised inside waitpid would leave the killed helper unreaped.
        with _signals_held():
            if self.pid is not None:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.waitpid(self.pid, 0)
                self.pid = None
            if self.reader is not None:
                self.reader.join()  # the pipe's far end is closed now, so it ends
                self.reader = None
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None
        self.received.clear()
        self.done = {}


@contextmanager
def _signals_held() -> Iterator[set[signal.Signals]]:
    """Hold SIGALRM and SIGINT back until the body is done; they arrive after it.

    Gives the mask before, for a child forked inside to set again.
    """
    # The mask is read before it is changed, and changed inside the try: a
    # handler that rang just before runs at the first line after the change,
    # and raised there, outside the try, it would leave the signals held for
    # good, and no time limit in this process would ring again.
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT})
        yield previous
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _receive(fd: int, received: list[tuple[int, bytes]]) -> None:
    """Read batches, each after its index and length, from ``fd`` until the helper closes it."""
    # Signals are for the main thread, which holds them back while it stops the helper.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT})
    buffer = bytearray()
    while chunk := os.read(fd, _CHUNK):
        buffer += chunk
        while len(buffer) >= _HEADER.size:
            index, size = _HEADER.unpack_from(buffer)
            if len(buffer) < _HEADER.size + size:
                break
            received.append((index, bytes(buffer[_HEADER.size : _HEADER.size + size])))
            del buffer[: _HEADER.size + size]


def _serve(nlp: "Language", batches: list[list[str]], claims: Claims, batch_size: int, fd: int,
           parent: int) -> None:
    """The helper's whole life: claim, parse, send, and leave without running the parent's exit handlers."""
    code = 1
    try:
        die_with(parent)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: go quietly, the parent reports it
        gc.disable()  # a short life; a collection would write to, and so copy, every inherited page
        from plainspeak.nlp.parse import parse_here

        # Each batch's memory is freed and taken again by the next, so none is
        # handed back to the system between batches: trimming the heap after
        # each made the next one fault its pages in again, 10 ms a batch.
        while (index := claims.back()) is not None:
            data = pack(list(parse_here(nlp, batches[index], batch_size)), nlp.vocab.strings)
            _write_all(fd, _HEADER.pack(index, len(data)) + data)
            del data
        code = 0
    except BaseException:  # noqa: BLE001 - any failure means "parse it yourself", said by the exit code
        pass
    finally:
        os._exit(code)


def pack(docs: Sequence[Doc], strings: "StringStore") -> bytes:
    """Docs as bytes that :func:`unpack` rebuilds on another copy of the vocabulary.

    Each batch carries the strings its Docs use (words, lemmas, tags, labels),
    which that copy may not have: the helper added them after the fork.
    """
    body = [(doc.to_array(_COLUMNS), doc.user_data) for doc in docs]
    keys: set[int] = set()
    for columns, _user_data in body:
        keys.update(columns[:, _STRING_COLUMNS].ravel().tolist())
    keys.discard(0)
    return pickle.dumps(([strings[key] for key in keys], body), protocol=pickle.HIGHEST_PROTOCOL)


def unpack(vocab: "Vocab", data: bytes) -> list[Doc]:
    """The Docs :func:`pack` wrote, on ``vocab``."""
    new_strings, body = pickle.loads(data)
    for string in new_strings:
        vocab.strings.add(string)
    strings = vocab.strings
    docs = []
    for columns, user_data in body:
        words = [strings[key] for key in columns[:, 0].tolist()]
        doc = Doc(vocab, words=words, spaces=columns[:, 1].astype(bool).tolist())
        doc.from_array(ANNOTATIONS, columns[:, 2:])
        doc.user_data.update(user_data)
        docs.append(doc)
    return docs


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
