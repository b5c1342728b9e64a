"""Parse a paper's blocks with the pipeline, on one core or two.

:func:`parse_blocks` hands the blocks to ``nlp.pipe`` a batch at a time. Given
more than one process, a long paper's batches are shared with a helper forked
from this process (:mod:`plainspeak.nlp.helper`), which starts with the
pipeline already loaded: this process takes batches from the front, the helper
from the back, until they meet, and the helper sends its Docs back. The Docs,
and so the findings, are the same either way: every component sees one block
at a time and keeps nothing between blocks.

The helper can start before plainspeak's readers are built
(:func:`early_parse`, as the engine does for one long paper): it parses with
the model and the annotators alone, and this process passes the Docs it
sends back through the readers built since, which only read a parsed Doc.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Sequence

from plainspeak.deadline import check_time

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Blocks parsed at once by one process. The parser precomputes about 12 KB
# for every token of a batch and the other layers a little less, so a batch's
# memory grows with its size, while larger batches mean fewer, larger matrix
# products: on the 30,000-word text one process parsing 64 at a time checks
# about 10,300 words a second against 9,900 for 32.
PIPE_BATCH = 64
# Where two processes share a paper, each parses this many at a time: on a
# 300-page paper the two together peaked at 422 MB parsing 32 each and at
# 375 MB parsing 16, in the same time.
SHARED_BATCH = 16
# Far above 64 ordinary paragraphs (about 24,000 characters), so only very long
# blocks make a batch smaller.
PIPE_BATCH_CHARS = 100_000
# Below this a helper costs more than it saves: starting it, and sending its
# Docs back, take some 20 ms, and a paper this long parses in about 0.3 s.
MIN_SHARED_CHARS = 20_000
# Parsed before the helper is forked: a long graded sentence with a passive,
# a bracketed acronym and rare words, so word frequencies, syllables and the
# like are loaded once and shared (loaded after the fork, each process held
# its own copy, 27 MB more in all on a 300-page paper). A helper forked before
# the readers are built never loads them.
WARM_UP = ("The committee noted that the revised arrangements for the additional funding (the iBCF) "
           "would be considered by the board at its next meeting in March.")


def parse_blocks(nlp: "Language", texts: Sequence[str], *, processes: int = 1,
                 shared: "SharedParse | None" = None) -> list["Doc"]:
    """One Doc per text, in order; with ``processes`` > 1 a helper may parse some of them.

    ``shared`` is a helper started earlier on these texts (:func:`early_parse`).
    """
    if shared is not None:
        return shared.parse(nlp)
    with early_parse(nlp, texts, processes) as started:
        return started.parse(nlp) if started is not None else list(parse_here(nlp, texts))


def worth_sharing(texts: Sequence[str], processes: int) -> bool:
    """Whether a helper should take part of these texts: two processes allowed, a long paper, a fork possible."""
    from plainspeak.forking import can_fork

    return processes >= 2 and sum(map(len, texts)) >= MIN_SHARED_CHARS and can_fork()


@contextmanager
def early_parse(nlp: "Language", texts: Sequence[str], processes: int) -> Iterator["SharedParse | None"]:
    """A helper parsing ``texts`` from now on with ``nlp`` as it stands, or None where one is not worth it.

    Started before plainspeak's readers are built (see
    :func:`plainspeak.nlp.pipeline.model_stage`), the helper parses while
    they are; pass it to :func:`parse_blocks` with the finished pipeline.
    """
    if not worth_sharing(texts, processes):
        yield None
        return
    with SharedParse(nlp, texts) as shared:
        yield shared


class SharedParse:
    """``with SharedParse(nlp, texts) as shared:`` forks a helper that claims batches of ``texts`` from the back.

    The helper parses with the components ``nlp`` has at the fork.
    :meth:`parse` parses from the front until the two meet; it may be given
    the same pipeline with readers added since, and passes the helper's Docs
    through those readers here.
    """

    def __init__(self, nlp: "Language", texts: Sequence[str]) -> None:
        from plainspeak.nlp.helper import Claims, Helper

        self.groups = list(batches(texts, SHARED_BATCH))
        self.forked_with = frozenset(nlp.pipe_names)
        self.readers: list = []
        self.claims = Claims(len(self.groups))
        self.helper = Helper(nlp, self.groups, self.claims, SHARED_BATCH, finish=self._finish)
        self.nlp = nlp
        self.collecting = True

    def __enter__(self) -> "SharedParse":
        # So the tables components load on first use are loaded once and shared, not once in each process.
        list(parse_here(self.nlp, [WARM_UP]))
        # Until the helper is done, the collector leaves alone what both processes
        # hold (its passes write to every object, and so copy every page they
        # share) and does not run at all: the parse makes few cycles, and each
        # pass over the growing pile of Docs took time from the parse.
        self.collecting = gc.isenabled()
        gc.freeze()
        gc.disable()
        try:
            self.helper.__enter__()
        except BaseException:
            self._close()
            raise
        return self

    def parse(self, nlp: "Language") -> list["Doc"]:
        """Every text's Doc, in order: parsed here from the front, and the helper's from the back."""
        self.readers = [component for name, component in nlp.pipeline if name not in self.forked_with]
        parsed: dict[int, list[Doc]] = {}
        while (index := self.claims.front()) is not None:
            parsed[index] = list(parse_here(nlp, self.groups[index], SHARED_BATCH))
            self.helper.collect()
        parsed.update(self.helper.docs())
        # Batches a failed helper claimed and never sent (all of them, if none could start).
        for index in range(len(self.groups)):
            if index not in parsed:
                parsed[index] = list(parse_here(nlp, self.groups[index], SHARED_BATCH))
        return [doc for index in range(len(self.groups)) for doc in parsed[index]]

    def _finish(self, index: int, docs: list["Doc"]) -> list["Doc"]:
        """The helper's Docs of one batch through the readers it did not have."""
        if not self.readers:
            return docs
        from plainspeak.nlp.doc_text import forget_text, remember_text

        finished = []
        for doc, text in zip(docs, self.groups[index]):
            doc = remember_text(doc, text)
            for reader in self.readers:
                doc = reader(doc)
            finished.append(forget_text(doc))
        return finished

    def __exit__(self, *exc: object) -> None:
        try:
            self.helper.__exit__(*exc)
        finally:
            self._close()

    def _close(self) -> None:
        gc.unfreeze()
        if self.collecting:
            gc.enable()
        self.claims.close()


def parse_here(nlp: "Language", texts: Sequence[str], batch_size: int = 0) -> Iterator["Doc"]:
    """Docs for ``texts`` parsed in this process, without their tok2vec tensors.

    The paper's time limit is a signal, handled between Python bytecodes:
    spaCy's Cython loops come back to Python between documents (and the
    model's layers between batches), so a parse over many blocks can be
    stopped there; no block is longer than the engine's MAX_BLOCK_CHARS,
    which bounds the wait. ``batch_size`` defaults to :data:`PIPE_BATCH`.
    """
    from plainspeak.nlp.doc_text import forget_text, remember_text

    for batch in batches(texts, batch_size):
        docs = [remember_text(nlp.make_doc(text), text) for text in batch]
        for doc in nlp.pipe(docs, batch_size=len(batch)):
            check_time()  # where no timer can stop the parse (a web request's thread)
            yield forget_text(without_tensor(doc))


def batches(texts: Sequence[str], batch_size: int = 0) -> Iterator[list[str]]:
    """The texts in order, ``batch_size`` (PIPE_BATCH) at a time, or fewer where they pass PIPE_BATCH_CHARS.

    The model hands back no block of a batch until it has parsed them all, so
    a web check, which looks at the clock only as blocks come back, could run
    on for a batch of very long blocks past its limit; now it is one, or a few short ones.
    """
    batch_size = batch_size or PIPE_BATCH
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) == batch_size or size + len(text) > PIPE_BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def without_tensor(doc: "Doc") -> "Doc":
    """Drop the tok2vec output once every component has run.

    No rule reads it, and it is a third of a parsed paper's memory.
    """
    import numpy

    doc.tensor = numpy.empty((0,), dtype="float32")
    return doc
