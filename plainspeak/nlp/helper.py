"""A helper process, forked with the pipeline loaded, that parses part of a paper.

The helper is a copy of this process made by ``fork`` (Linux, and only while
this process runs no other thread, as a fork with threads can deadlock). It
shares the loaded model's memory until it writes to it, parses the blocks it
was given, and sends their Docs down a pipe a batch at a time, as soon as
each batch is parsed: each Doc as one array of token attributes and its
``user_data`` (plainspeak's extensions hold plain data), with the strings
its words, lemmas, tags and labels use, so the Docs can be rebuilt on this
process's vocabulary. A thread here reads the pipe as
the batches come, so the helper never waits on a full pipe and never holds
more than one batch of Docs. spaCy's own ``Doc.to_bytes`` would do, but it
scans the installed packages' entry points once per Doc (srsly's msgpack
looks up its encoders each time), which cost more than the parse saved.

The helper dies with this process (``PR_SET_PDEATHSIG``), and ``Helper``'s
exit kills it if its Docs were not read, so a time limit or Ctrl-C here
leaves nothing running. A helper that fails says so by its exit code, and
the caller parses its blocks itself.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
import sys
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Sequence

from spacy import attrs
from spacy.tokens import Doc

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
_PR_SET_PDEATHSIG = 1
_LENGTH = struct.Struct("<Q")  # each batch is its length, then its bytes
_CHUNK = 1 << 20


def can_fork() -> bool:
    """True where a helper can be forked safely: Linux, and no other thread in this process."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class Helper:
    """``with Helper(nlp, texts) as helper:`` parses ``texts`` in a forked process.

    :meth:`docs` waits for the Docs; it returns None if the helper failed.
    """

    def __init__(self, nlp: "Language", texts: Sequence[str], batch_size: int = 0) -> None:
        self.nlp = nlp
        self.texts = list(texts)
        self.batch_size = batch_size
        self.pid: int | None = None
        self.fd: int | None = None
        self.batches: list[bytes] = []
        self.reader: threading.Thread | None = None

    def __enter__(self) -> "Helper":
        parent = os.getpid()
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for a helper: the caller parses it all
            os.close(read_fd)
            os.close(write_fd)
            return self
        if pid == 0:  # the helper: never returns
            os.close(read_fd)
            _serve(self.nlp, self.texts, self.batch_size, write_fd, parent)
        os.close(write_fd)
        self.pid, self.fd = pid, read_fd
        self.reader = threading.Thread(target=_receive, args=(read_fd, self.batches), daemon=True)
        self.reader.start()
        return self

    def docs(self) -> list[Doc] | None:
        """The helper's Docs, in order, once it has sent them all; None if it failed."""
        if self.pid is None or self.reader is None:
            return None
        self.reader.join()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0:
            return None
        docs: list[Doc] = []
        while self.batches:  # rebuilt a batch at a time, each batch's bytes let go of
            docs.extend(unpack(self.nlp.vocab, self.batches.pop(0)))
        return docs

    def __exit__(self, *exc: object) -> None:
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
        self.batches.clear()


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGALRM and SIGINT back until the body is done; they arrive after it."""
    held = {signal.SIGALRM, signal.SIGINT}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _receive(fd: int, batches: list[bytes]) -> None:
    """Read length-prefixed batches from ``fd`` until the helper closes it."""
    # Signals are for the main thread, which holds them back while it stops the helper.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT})
    buffer = bytearray()
    while chunk := os.read(fd, _CHUNK):
        buffer += chunk
        while len(buffer) >= _LENGTH.size:
            (size,) = _LENGTH.unpack_from(buffer)
            if len(buffer) < _LENGTH.size + size:
                break
            batches.append(bytes(buffer[_LENGTH.size : _LENGTH.size + size]))
            del buffer[: _LENGTH.size + size]


def _serve(nlp: "Language", texts: list[str], batch_size: int, fd: int, parent: int) -> None:
    """The helper's whole life: parse, send, and leave without running the parent's exit handlers."""
    code = 1
    try:
        _die_with(parent)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: go quietly, the parent reports it
        gc.disable()  # a short life; a collection would write to, and so copy, every inherited page
        from plainspeak.nlp.parse import batches, parse_here

        from plainspeak.runner.pool import give_back_memory

        for batch in batches(texts, batch_size):
            data = pack(list(parse_here(nlp, batch, batch_size)), nlp.vocab.strings)
            _write_all(fd, _LENGTH.pack(len(data)) + data)
            del data
            give_back_memory()  # the batch's parse is freed: hand its pages back
        code = 0
    except BaseException:  # noqa: BLE001 - any failure means "parse it yourself", said by the exit code
        pass
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies, however it dies."""
    import ctypes

    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


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
