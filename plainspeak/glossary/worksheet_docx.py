"""Write the worksheet as a Word file, and read a filled-in one back.

Large, clear print for people reading on paper: 14 pt Arial (Liberation Sans
where Arial is missing has the same widths), landscape, a header row repeated
on every page, rows that do not split across pages, and tall rows to write in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plainspeak.glossary.worksheet import (
    BLANK_ROWS,
    FONT,
    HEADERS,
    MARKER,
    WIDTHS_CM,
    WorksheetRow,
    where_lines,
)

INSTRUCTIONS = (
    "For each word, write what it means in your own words. If there is a plainer word "
    "to use instead, write that too. When you agree, write the names of the people who "
    "agreed it. Leave a row empty to come back to it at another meeting."
)


def write_worksheet(rows: list[WorksheetRow], path: str | Path, *, title: str = "Words to explain") -> Path:
    """Write the worksheet to ``path`` (atomically) and return the path."""
    import io

    from docx import Document

    from plainspeak.atomic import atomic_write

    document = Document()
    _page_setup(document)
    _heading(document, title)
    document.add_paragraph("Meeting date: ______________________")
    document.add_paragraph(INSTRUCTIONS)
    _table(document, rows)
    document.core_properties.title = title
    document.core_properties.keywords = MARKER
    buffer = io.BytesIO()
    document.save(buffer)
    return atomic_write(path, buffer.getvalue())


def _page_setup(document) -> None:  # noqa: ANN001 - python-docx objects
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(6)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _heading(document, title: str) -> None:  # noqa: ANN001
    from docx.shared import Pt

    run = document.add_paragraph().add_run(title)
    run.bold = True
    run.font.size = Pt(22)


def _table(document, rows: list[WorksheetRow]) -> None:  # noqa: ANN001
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, HEADERS):
        cell.paragraphs[0].add_run(text).bold = True
    _row_format(table.rows[0], header=True)
    for row in rows:
        _filled_row(table, row)
    for _ in range(BLANK_ROWS):
        _row_format(table.add_row(), header=False)
    for column, width in zip(table.columns, WIDTHS_CM):
        for cell in column.cells:
            cell.width = Cm(width)


def _filled_row(table, row: WorksheetRow) -> None:  # noqa: ANN001
    cells = table.add_row().cells
    cells[0].paragraphs[0].add_run(row.term).bold = True
    for number, line in enumerate(where_lines(row)):
        paragraph = cells[1].paragraphs[0] if number == 0 else cells[1].add_paragraph()
        paragraph.add_run(line)
    if row.say_instead:
        cells[3].paragraphs[0].add_run(row.say_instead)
    _row_format(table.rows[-1], header=False)


def _row_format(row, *, header: bool) -> None:  # noqa: ANN001
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    row.height = Cm(1.2 if header else 3.0)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    properties = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    properties.append(keep)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


@dataclass(frozen=True, slots=True)
class FilledRow:
    """One row as the group left it."""

    number: int  # 1 for the first row under the headings
    term: str
    where: str
    definition: str
    say_instead: str
    agreed_by: str


def read_worksheet(path: str | Path) -> list[FilledRow]:
    """The rows of a worksheet as the group left them."""
    from docx import Document

    document = Document(str(path))
    for table in document.tables:
        columns = _columns(table)
        if columns is not None:
            return [_filled(n, row, columns) for n, row in enumerate(table.rows[1:], 1)]
    raise ValueError("no worksheet table (with the heading 'Word or phrase') in it")


def _columns(table) -> dict[str, int] | None:  # noqa: ANN001
    if not table.rows:
        return None
    found = {_fold(cell.text): i for i, cell in enumerate(table.rows[0].cells)}
    wanted = [_fold(h) for h in HEADERS]
    if not all(h in found for h in (wanted[0], wanted[2])):
        return None
    return {h: found.get(h, -1) for h in wanted}


def _filled(number: int, row, columns: dict[str, int]) -> FilledRow:  # noqa: ANN001
    cells = row.cells
    texts = [_cell_text(cells[i]) if 0 <= i < len(cells) else "" for i in columns.values()]
    return FilledRow(number, " ".join(texts[0].split()), *texts[1:])


def _cell_text(cell) -> str:  # noqa: ANN001
    return "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
