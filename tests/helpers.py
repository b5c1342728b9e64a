"""Small builders shared by the tests: papers from text, pipelines without the model, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping

import click
import pytest
from click.testing import CliRunner, Result

from plainspeak.cli import main
from plainspeak.paper import Block, BlockKind, Paper, Place

# One sentence of 42 words, over every limit PS201 sets.
LONG = ("The committee noted that the revised arrangements for the allocation of the additional "
        "funding across the four localities would be considered at the next meeting of the board "
        "once the detailed proposals had been received from each of the partner organisations involved.")


REPO = Path(__file__).resolve().parents[1]


def run_plainspeak(*args: object, cwd: Path | None = None, timeout: float = 300,
                   text: bool = True) -> subprocess.CompletedProcess:
    """``python -m plainspeak ARGS`` as a real process importing this checkout, output captured.

    Outside GitHub Actions' setting, so the report format is the one asked for.
    With ``text=False`` the output is the bytes written, not yet decoded.
    """
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "plainspeak", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=text, timeout=timeout)


def paper_from_text(text: str, path: str = "case.txt") -> Paper:
    """A paper whose blocks are the blank-line-separated paragraphs of ``text``.

    A paragraph starting ``# `` is a level-1 heading, ``## `` level 2, and so
    on; a paragraph starting ``- `` is a list item. Each block's section is the
    heading above it. Lines are counted as in a text file.
    """
    blocks: list[Block] = []
    section = ""
    line = 1
    for chunk in text.split("\n\n"):
        stripped = chunk.strip("\n")
        leading = len(chunk) - len(chunk.lstrip("\n"))
        line += leading
        if stripped.strip():
            blocks.append(_block(stripped, len(blocks) + 1, line, section))
            if blocks[-1].kind is BlockKind.HEADING:
                section = blocks[-1].text
        line += stripped.count("\n") + 2
    return Paper(path=path, format="text", blocks=blocks)


def _block(chunk: str, index: int, line: int, section: str) -> Block:
    hashes = len(chunk) - len(chunk.lstrip("#"))
    if hashes and chunk[hashes:hashes + 1] == " ":
        text = chunk[hashes + 1:].strip()
        return Block(BlockKind.HEADING, text, Place(paragraph=index, line=line), level=hashes,
                     section=section)
    if chunk.startswith("- "):
        return Block(BlockKind.LIST_ITEM, chunk[2:].strip(), Place(paragraph=index, line=line),
                     level=1, section=section)
    lines = chunk.split("\n")
    starts, cursor = [], 0
    for piece in lines:
        starts.append(cursor)
        cursor += len(piece) + 1
    block = Block(BlockKind.PARAGRAPH, " ".join(lines), Place(paragraph=index, line=line),
                  section=section)
    block.source.line_starts = tuple(starts)
    return block


@lru_cache(maxsize=1)
def blank_nlp():
    """``spacy.blank("en")`` with a sentencizer and plainspeak's tokenizer rules."""
    import spacy

    from plainspeak.nlp.tokenizer import customise_tokenizer

    nlp = spacy.blank("en")
    customise_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def _entry(args: tuple[str, ...]) -> None:
    main(list(args))  # the real entry point: one line per error and a named exit code


def invoke(*args: str, env: Mapping[str, str] | None = None) -> Result:
    """Run ``plainspeak ARGS...`` in this process, as a user would from a shell."""
    return CliRunner().invoke(_entry, list(args), env=env)


def run_cli(*args: str, env: Mapping[str, str] | None = None) -> tuple[int, str, str]:
    """The exit code, stdout and stderr of ``plainspeak ARGS...``."""
    result = invoke(*args, env=env)
    return result.exit_code, result.stdout, result.stderr


def record_forks(monkeypatch: pytest.MonkeyPatch, then: Callable[[], None] | None = None) -> list[int]:
    """From now on in the test, the pid of every child this process forks, in order;
    ``then`` is called in this process after each fork."""
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
            if then is not None:
                then()
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return forked
