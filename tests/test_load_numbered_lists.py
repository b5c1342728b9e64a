"""Numbered list items keep the number Word or Markdown shows, outside their text.

Citizens say "recommendation 3", so the reader's copy must show the paper's
numbers. Neither format puts the number in the paragraph's text, and it stays
out of it: findings point into the text by offset.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from plainspeak.loaders import load
from tests.test_load_docx import NS, make_docx, p


def numbered(num_id: int, ilvl: int, text: str) -> str:
    return p(text, extra=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


# List 21 counts from 4 with letters below; 22 shares its definition but starts
# again at 1; 23 is bullets; 24 points at a list style's definition (25).
NUMBERING = f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:numStyleLink w:val="Paras"/></w:abstractNum>
<w:abstractNum w:abstractNumId="13"><w:styleLink w:val="Paras"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="21"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="22"><w:abstractNumId w:val="10"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="23"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="24"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>"""


def with_numbering(path: Path, numbering: str) -> Path:
    """The same package with its numbering part replaced."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out_path = path.with_name(f"numbered-{path.name}")
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = numbering.encode() if item.filename == "word/numbering.xml" else source.read(item.filename)
            out.writestr(item.filename, data)
    return out_path


def numbers(path: Path) -> list[tuple[str, str, int, int, str]]:
    return [(b.kind.value, b.text, b.level, b.number, b.number_style) for b in load(path).blocks]


def test_word_list_number_style_counts_and_bullets_have_none(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The group is asked to:")
    for text in ("note the forecast;", "comment on the proposals;", "agree the report."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("A risk", style="List Bullet")
    path = tmp_path / "recommendations.docx"
    document.save(path)
    assert numbers(path) == [
        ("paragraph", "The group is asked to:", 0, 0, ""),
        ("list_item", "note the forecast;", 1, 1, "1"),
        ("list_item", "comment on the proposals;", 1, 2, "1"),
        ("list_item", "agree the report.", 1, 3, "1"),
        ("list_item", "A risk", 1, 0, ""),
    ]


def test_word_numbers_follow_starts_levels_restarts_and_empty_items(tmp_path: Path) -> None:
    body = "".join([
        numbered(21, 0, "first"), numbered(21, 1, "sub one"), numbered(21, 1, "sub two"),
        numbered(21, 0, "second"), numbered(21, 1, "sub again"),
        numbered(21, 0, ""),  # Word shows an empty numbered paragraph a number, so it counts
        numbered(21, 0, "after the empty one"),
        numbered(22, 0, "a list that starts again"),
        numbered(23, 0, "a bullet"), numbered(99, 0, "a list that is not defined"),
        numbered(24, 0, "through a list style"), numbered(24, 0, "and on"),
    ])
    path = with_numbering(make_docx(tmp_path, body), NUMBERING)
    assert numbers(path) == [
        ("list_item", "first", 1, 4, "1"),
        ("list_item", "sub one", 2, 1, "a"),
        ("list_item", "sub two", 2, 2, "a"),
        ("list_item", "second", 1, 5, "1"),
        ("list_item", "sub again", 2, 1, "a"),
        ("list_item", "after the empty one", 1, 7, "1"),
        ("list_item", "a list that starts again", 1, 1, "1"),
        ("list_item", "a bullet", 1, 0, ""),
        ("list_item", "a list that is not defined", 1, 0, ""),
        ("list_item", "through a list style", 1, 1, "I"),
        ("list_item", "and on", 1, 2, "I"),
    ]


def test_word_numbers_stay_out_of_the_text_and_its_offsets(tmp_path: Path) -> None:
    body = numbered(21, 0, "first") + p("Between") + numbered(21, 0, "second")
    paper = load(with_numbering(make_docx(tmp_path, body), NUMBERING))
    assert paper.text == "first\n\nBetween\n\nsecond"
    assert [(b.start, b.end, b.number) for b in paper.blocks] == [(0, 5, 4), (7, 14, 0), (16, 22, 5)]


MARKDOWN = """The group is asked to:

3. note the forecast;
4. comment on the proposals.

   More about the proposals.

   - a bullet inside the fourth
5. agree the report.

- a bullet

1) one
1) two
"""


def test_markdown_items_count_on_from_the_first_number(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    paper = load(path)
    assert [(b.kind.value, b.text, b.level, b.number, b.number_style) for b in paper.blocks] == [
        ("paragraph", "The group is asked to:", 0, 0, ""),
        ("list_item", "note the forecast;", 1, 3, "1"),
        ("list_item", "comment on the proposals.", 1, 4, "1"),
        ("list_item", "More about the proposals.", 1, 4, "1"),  # the same item's second paragraph
        ("list_item", "a bullet inside the fourth", 2, 0, ""),
        ("list_item", "agree the report.", 1, 5, "1"),
        ("list_item", "a bullet", 1, 0, ""),
        ("list_item", "one", 1, 1, "1"),
        ("list_item", "two", 1, 2, "1"),  # Markdown counts on, whatever number is written
    ]
    assert paper.text.startswith("The group is asked to:\n\nnote the forecast;\n\ncomment")
