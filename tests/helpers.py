"""Small builders shared by the tests: papers from text, pipelines without the model."""

from __future__ import annotations

from functools import lru_cache

from plainspeak.paper import Block, BlockKind, Paper, Place


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
