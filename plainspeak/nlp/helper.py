"""A helper process, forked with the pipeline loaded, that parses part of a paper.

The helper is a copy of this process made by ``fork`` (Linux, and only while
this process runs no other thread, as a fork with threads can deadlock). It
shares the loaded model's memory until it writes to it, parses the blocks it
was given, and writes their Docs down a pipe: each as one array of token
attributes and its ``user_data`` (plainspeak's extensions hold plain data),
with the strings the helper added to the string store since the fork, so the
Docs can be rebuilt on this process's vocabulary. spaCy's own ``Doc.to_bytes``
would do, but it scans the installed packages' entry points once per Doc
(srsly's msgpack looks up its encoders each time), which cost more than the
parse saved.

The helper dies with this process (``PR_SET_PDEATHSIG``), and ``Helper``'s
exit kills it if its Docs were not read, so a time limit or Ctrl-C here
leaves nothing running. A helper that fails sends nothing, and the caller
parses its blocks itself.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from contextlib import contextmanager
from itertools import islice
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
_PR_SET_PDEATHSIG = 1
_CHUNK = 1 << 20


def can_fork() -> bool:
    """True where a helper can be forked safely: Linux, and no other thread in this process."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class Helper:
    """``with Helper(nlp, texts) as helper:`` parses ``texts`` in a forked process.

    :meth:`docs` waits for the Docs; it returns None if the helper failed.
    """

    def __init__(self, nlp: "Language", texts: Sequence[str]) -> None:
        self.nlp = nlp
        self.texts = list(texts)
        self.pid: int | None = None
        self.fd: int | None = None

    def __enter__(self) -> "Helper":
        strings_before = len(self.nlp.vocab.strings)
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
            _serve(self.nlp, self.texts, write_fd, strings_before, parent)
        os.close(write_fd)
        self.pid, self.fd = pid, read_fd
        return self

    def docs(self) -> list[Doc] | None:
        """The helper's Docs, in order, once it has sent them all; None if it failed."""
        if self.fd is None or self.pid is None:
            return None
        data = _read_all(self.fd)
        os.close(self.fd)
        self.fd = None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0 or not data:
            return None
        return unpack(self.nlp.vocab, data)

    def __exit__(self, *exc: object) -> None:
        # A time limit rings again every millisecond until it is lifted, and its
        # TimeUp raised inside waitpid would leave the killed helper unreaped.
        with _signals_held():
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None
            if self.pid is not None:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.waitpid(self.pid, 0)
                self.pid = None


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGALRM and SIGINT back until the body is done; they arrive after it."""
    held = {signal.SIGALRM, signal.SIGINT}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _serve(nlp: "Language", texts: list[str], fd: int, strings_before: int, parent: int) -> None:
    """The helper's whole life: parse, send, and leave without running the parent's exit handlers."""
    code = 1
    try:
        _die_with(parent)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: go quietly, the parent reports it
        gc.disable()  # a short life; a collection would write to, and so copy, every inherited page
        from plainspeak.nlp.parse import parse_here

        docs = list(parse_here(nlp, texts))
        _write_all(fd, pack(docs, nlp.vocab.strings, strings_before))
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


def pack(docs: Sequence[Doc], strings: "StringStore", strings_before: int) -> bytes:
    """Docs as bytes that :func:`unpack` rebuilds on another copy of the vocabulary.

    ``strings_before`` is how many strings the other copy has: the store keeps
    them in the order they were added, so the ones after it are all it lacks.
    """
    new_strings = list(islice(iter(strings), strings_before, None))
    body = [(doc.to_array(_COLUMNS), doc.user_data) for doc in docs]
    return pickle.dumps((new_strings, body), protocol=pickle.HIGHEST_PROTOCOL)


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


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, _CHUNK):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
