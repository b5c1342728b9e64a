"""DOCX in, annotated DOCX out: a Word comment on each flagged word or sentence.

The copy is the original package (made an ordinary .docx if it was a
macro-enabled document or a template) with three changes only: runs are cut at
the edges of each flagged passage (formatting kept, see :mod:`.docx_split`),
each passage gets a real comment (``commentRangeStart``/``End`` and a
reference), and, when asked, a "Words used in this paper" table goes at the
end. Every paragraph's text stays exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from itertools import count
from typing import TYPE_CHECKING, Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from lxml import etree

from plainspeak.glossary.model import GlossarySet
from plainspeak.paper import Block, BlockKind, Paper
from plainspeak.result import PaperResult
from plainspeak.writers import Annotated
from plainspeak.writers.appendix import INTRO, TITLE, words_used
from plainspeak.writers.docx_map import Located, ParagraphFinder, RunIndex
from plainspeak.writers.docx_ordinary import ordinary_docx
from plainspeak.writers.docx_split import Pieces
from plainspeak.writers.notes import AUTHOR, INITIALS, Note, notes_for

if TYPE_CHECKING:
    from docx.comments import Comment
    from docx.document import Document

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def write(source: bytes, paper: Paper, result: PaperResult, glossaries: GlossarySet | None = None,
          *, appendix: bool = False) -> Annotated:
    """The annotated copy of the DOCX ``source`` (the bytes ``paper`` was loaded from).

    A macro-enabled paper or a template gets an ordinary .docx copy, without
    macros (see :mod:`.docx_ordinary`); a Strict Open XML paper is refused (E116).
    """
    ordinary, remarks = ordinary_docx(paper.path, source)
    document = docx.Document(io.BytesIO(ordinary))
    notes = [n for n in notes_for(result, glossaries) if n.kind != "paper"]
    outcome = Annotated(b"", remarks=remarks)
    finder = ParagraphFinder(document.element.body)
    comments = Comments(document)
    for block_index, block_notes in _by_block(paper, notes):
        block = paper.blocks[block_index]
        located = finder.find(block) if block.kind not in _NOT_IN_BODY else None
        if located is None:
            outcome.unplaced.extend(n.finding for n in block_notes)
            continue
        placed = {id(note) for note in _annotate_paragraph(comments, block, located, block_notes)}
        outcome.placed += len(placed)
        outcome.unplaced.extend(n.finding for n in block_notes if id(n) not in placed)
    if appendix:
        _give_page_size(document)
        add_appendix(document, paper, result, glossaries)
    buffer = io.BytesIO()
    document.save(buffer)
    outcome.data = buffer.getvalue()
    return outcome


# Footnotes, endnotes, headers and footers live outside the main document part,
# where python-docx cannot anchor comments; their findings are reported as unplaced.
_NOT_IN_BODY = {BlockKind.FOOTNOTE, BlockKind.ENDNOTE, BlockKind.HEADER, BlockKind.FOOTER}


def _by_block(paper: Paper, notes: list[Note]) -> list[tuple[int, list[Note]]]:
    """The notes of each block, a footnote's or endnote's moved onto its reference in the body where they can be."""
    grouped: dict[int, list[Note]] = {}
    marks = _reference_words(paper)
    for note in notes:
        index = paper.block_index_at(note.finding.start)
        if index is not None:
            index, note = _at_reference(paper, index, note, marks)
            grouped.setdefault(index, []).append(note)
    return sorted(grouped.items())


def _reference_words(paper: Paper) -> dict[int, tuple[int, int, int]]:
    """For each note number, the word its first reference mark follows in the body: (block index, start, end)."""
    found: dict[int, tuple[int, int, int]] = {}
    for index, block in enumerate(paper.blocks):
        if block.kind in _NOT_IN_BODY:
            continue
        for at, number in block.note_refs:
            word = _word_before(block.text, at)
            if word is not None and number not in found:
                found[number] = (index, block.start + word, block.start + at)
    return found


def _at_reference(paper: Paper, index: int, note: Note, marks: dict[int, tuple[int, int, int]]) -> tuple[int, Note]:
    """A note on a footnote's or endnote's words, moved onto the word its reference mark follows (``marks``).

    A comment cannot be anchored in the notes part here, and a finding left
    out of the copy would be lost to whoever opens it; on the word before the
    mark it says it is about the note. Anything else, or a note whose mark
    has no word before it, is left where it is (and reported as unplaced).
    """
    mark = marks.get(_note_number(paper, index))
    if mark is None:
        return index, note
    body_index, start, end = mark
    finding = replace(note.finding, start=start, end=end)
    return body_index, replace(note, finding=finding, problem=f"In the note marked here: {note.problem}")


def _note_number(paper: Paper, index: int) -> int:
    """The number of the footnote or endnote whose paragraph ``paper.blocks[index]`` is (0 if none).

    Only a note's first paragraph carries its number: a later one takes it from there.
    """
    kind = paper.blocks[index].kind
    if kind not in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
        return 0
    while index >= 0 and paper.blocks[index].kind is kind:
        if paper.blocks[index].number:
            return paper.blocks[index].number
        index -= 1
    return 0


def _word_before(text: str, at: int) -> int | None:
    """Where the word that ends at ``at`` (a note's mark follows it) starts, or None if none does."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start if start < at else None


def _annotate_paragraph(comments: Comments, block: Block, located: Located, notes: list[Note]) -> list[Note]:
    """Cut the runs at every note's edges, then anchor one comment per note."""
    pieces = Pieces(located.nodes, located.texts)
    runs = RunIndex(located.runs)
    spans: list[tuple[Note, tuple[int, int], tuple[int, int]]] = []
    for note in notes:
        start = runs.position(note.finding.start - block.start, end=False)
        end = runs.position(note.finding.end - block.start, end=True)
        if start is None or end is None or start > end:
            continue
        pieces.cut(*start)
        pieces.cut(*end)
        spans.append((note, start, end))
    pieces.apply()
    for note, start, end in spans:
        comment = add_comment(comments, note)
        mark_range(pieces.run_from(*start), pieces.run_to(*end), comment.comment_id)
    return [note for note, _, _ in spans]


class Comments:
    """Adds the copy's comments to its comments part, counting their ids here.

    python-docx's ``add_comment`` reads the id of every comment already there
    to choose the next one, so a copy with thousands of comments took most of
    its time choosing ids. The ids are chosen as it chooses them: one past the
    largest already used, or the free ones from 0 once that would pass the
    largest a 32-bit id can be.
    """

    def __init__(self, document: Document) -> None:
        document.comments  # noqa: B018 - makes the comments part where the paper has none
        self.part = document.part.part_related_by(RT.COMMENTS)
        used = {int(value) for value in self.part.element.xpath("./w:comment/@w:id")}
        self.ids = _free_ids(used)

    def add(self, paragraphs: list[str]) -> Comment:
        """A new comment holding one paragraph for each of ``paragraphs``."""
        from docx.comments import Comment

        element = parse_xml(_COMMENT.format(id=next(self.ids), ns=nsdecls("w")))
        element.author, element.initials = AUTHOR, INITIALS
        element.date = dt.datetime.now(dt.timezone.utc)
        self.part.element.append(element)
        comment = Comment(element, self.part)
        first, *more = paragraphs[0].split("\n")  # as python-docx's add_comment splits its text
        comment.paragraphs[0].add_run(first)
        for text in [*more, *paragraphs[1:]]:
            comment.add_paragraph(text)
        return comment


# A new comment as Word writes one: a paragraph in the comment text style that
# starts with the reference mark.
_COMMENT = (
    '<w:comment {ns} w:id="{id}" w:author=""><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p></w:comment>'
)
_LARGEST_ID = 2**31 - 1


def _free_ids(used: set[int]) -> Iterator[int]:
    next_id = max(used, default=-1) + 1
    while next_id <= _LARGEST_ID:
        yield next_id
        next_id += 1
    yield from (candidate for candidate in count() if candidate not in used)


def add_comment(comments: Comments, note: Note) -> Comment:
    """A comment whose first paragraph names the problem and the rest explain it."""
    paragraphs = [f"{note.problem.strip()} ({note.finding.code} {note.finding.name})"]
    if note.meaning:
        paragraphs.append(f"Plain meaning: {note.meaning}")
    if note.suggestion:
        paragraphs.append(f"Suggestion: {note.suggestion}")
    return comments.add(paragraphs)


def mark_range(first: etree._Element, last: etree._Element, comment_id: int) -> None:
    """Put ``commentRangeStart`` before ``first`` and ``commentRangeEnd`` + reference after ``last``."""
    first.addprevious(_marker("w:commentRangeStart", comment_id))
    reference = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"})
    properties.append(style)
    reference.append(properties)
    reference.append(_marker("w:commentReference", comment_id))
    last.addnext(reference)
    last.addnext(_marker("w:commentRangeEnd", comment_id))


def _marker(tag: str, comment_id: int):
    return OxmlElement(tag, attrs={qn("w:id"): str(comment_id)})


def _give_page_size(document: Document) -> None:
    """A body without section properties (Word's defaults apply) gets A4 with 1-inch
    margins, so the appendix's tables have a page width to fit."""
    document.element.body.get_or_add_sectPr()
    page = document.sections[-1]
    if not page.page_width or not page.page_height:
        page.page_width, page.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        if getattr(page, side) is None:
            setattr(page, side, Mm(25.4))


def add_appendix(document: Document, paper: Paper, result: PaperResult, glossaries: GlossarySet | None) -> None:
    """A page break, a heading and a two-column table of words and their meanings."""
    entries = words_used(paper, result, glossaries)
    if not entries:
        return
    document.add_page_break()
    _styled(document.add_paragraph(TITLE), "Heading 1", bold=True)
    document.add_paragraph(INTRO)
    table = document.add_table(rows=1, cols=2)
    _table_style(document, table)
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, ("Word", "What it means")):
        cell.paragraphs[0].add_run(text).bold = True
    for entry in entries:
        row = table.add_row()
        _keep_whole(row)
        word, meaning = row.cells
        word.paragraphs[0].add_run(entry.term).bold = True
        meaning.paragraphs[0].add_run(entry.meaning)
    _widths(document, table, (0.3, 0.7))


def _repeat_as_header(row) -> None:
    """Mark the first row as a header: Word repeats it on each page, screen readers announce it."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _keep_whole(row) -> None:
    """A word and its meaning stay on one page: Word moves the row rather than split it."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _widths(document, table, shares: tuple[float, ...]) -> None:
    """Give the word column less room than its meaning, within the page margins."""
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    table.autofit = False
    for row in table.rows:
        for cell, share in zip(row.cells, shares):
            cell.width = int(usable * share)


def _styled(paragraph, style: str, *, bold: bool = False) -> None:
    """Use the paper's own heading style; a paper without one gets bold text."""
    try:
        paragraph.style = paragraph.part.document.styles[style]
    except KeyError:
        for run in paragraph.runs:
            run.bold = bold


def _table_style(document, table) -> None:
    try:
        table.style = document.styles["Table Grid"]
    except KeyError:
        pass  # a paper without the style keeps Word's plain table look
