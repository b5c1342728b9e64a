"""DOCX loading: the body read from XML in order, with every Word feature."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from plainspeak.loaders import load
from plainspeak.paper import BlockKind, Place, RunSpan

H, P, L = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM
C, FN, EN, TB = BlockKind.TABLE_CELL, BlockKind.FOOTNOTE, BlockKind.ENDNOTE, BlockKind.TEXT_BOX
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NOTE_TYPES = {
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
}


def p(text: str, style: str = "", extra: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style or extra else ""
    if extra and not style:
        props = f"<w:pPr>{extra}</w:pPr>"
    return f"<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def make_docx(tmp_path: Path, body: str, *, notes: dict[str, str] | None = None,
              name: str = "paper.docx", header: str = "") -> Path:
    """A python-docx document whose body XML (and notes) are replaced by hand."""
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = f'<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'.encode()
                if header:
                    data = _keep_section(source.read(item.filename), body)
            elif item.filename == "[Content_Types].xml":
                data = _add_types(data, notes or {})
            elif item.filename == "word/_rels/document.xml.rels":
                data = _add_rels(data, notes or {})
            out.writestr(item.filename, data)
        for part, xml in (notes or {}).items():
            out.writestr(f"word/{part}.xml", f'<w:{part} {NS}>{xml}</w:{part}>')
    return path


def _keep_section(original: bytes, body: str) -> bytes:
    """Keep python-docx's section properties (they link the header)."""
    text = original.decode()
    start = text.index("<w:body>") + len("<w:body>")
    section = text.index("<w:sectPr")
    return (text[:start] + body + text[section:]).encode()


def _add_types(data: bytes, notes: dict[str, str]) -> bytes:
    extra = "".join(f'<Override PartName="/word/{part}.xml" ContentType="{NOTE_TYPES[part]}"/>' for part in notes)
    return data.replace(b"</Types>", extra.encode() + b"</Types>")


def _add_rels(data: bytes, notes: dict[str, str]) -> bytes:
    extra = "".join(
        f'<Relationship Id="rIdN{index}" Type="{REL_BASE}/{part}" Target="{part}.xml"/>'
        for index, part in enumerate(notes)
    )
    return data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")


def blocks(path: Path) -> list[tuple]:
    return [(b.kind, b.text, b.level) for b in load(path).blocks]


def test_python_docx_document_with_headings_lists_and_table(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Quarterly finance report"
    document.add_heading("Finance", level=1)
    document.add_paragraph("The outturn is on plan.")
    document.add_paragraph("first action", style="List Bullet")
    document.add_paragraph("second action", style="List Number 2")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Item"
    table.cell(1, 1).text = "£4m"
    document.add_heading("Risks", level=2)
    path = tmp_path / "made.docx"
    document.save(path)
    paper = load(path)
    assert [(b.kind, b.text, b.level, b.place) for b in paper.blocks] == [
        (H, "Finance", 1, Place(1)),
        (P, "The outturn is on plan.", 0, Place(2)),
        (L, "first action", 1, Place(3)),
        (L, "second action", 2, Place(4)),
        (C, "Item", 0, Place(5, table=1, row=1, cell=1)),
        (C, "£4m", 0, Place(6, table=1, row=2, cell=2)),
        (H, "Risks", 2, Place(7)),
    ]
    assert [b.source.locator for b in paper.blocks][:2] == ["body/0", "body/1"]
    assert paper.blocks[4].source.locator == "body/4/tbl/0/0/1"
    assert [b.section for b in paper.blocks] == ["", "Finance", "Finance", "Finance", "Finance", "Finance", "Finance"]
    assert paper.title == "Quarterly finance report"
    assert [(b.start, b.end) for b in paper.blocks][:2] == [(0, 7), (9, 32)]
    assert paper.format == "docx" and paper.pages is None


def test_tracked_changes_read_as_current_text(tmp_path):
    body = (
        '<w:p><w:r><w:t xml:space="preserve">The board </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>rejected</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>approved</w:t></w:r></w:ins>'
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t> old</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> the plan</w:t></w:r></w:moveTo>'
        "</w:p>"
    )
    paper = load(make_docx(tmp_path, body))
    block = paper.blocks[0]
    assert block.text == "The board approved the plan"
    assert block.source.runs == (RunSpan(0, 10, 0, 0), RunSpan(10, 18, 1, 0), RunSpan(18, 27, 2, 0))


def test_fields_controls_links_and_smart_tags(tmp_path):
    body = (
        "<w:p>"
        '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>Owner:</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
        '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:r><w:t>Jo</w:t></w:r></w:hyperlink>"
        '<w:smartTag w:element="place"><w:r><w:t xml:space="preserve"> Leeds</w:t></w:r></w:smartTag>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t xml:space="preserve"> p3</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "d MMMM" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> 4 May</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        "</w:p>"
    )
    assert blocks(make_docx(tmp_path, body)) == [(P, "Owner: Jo Leeds p3 4 May", 0)]


def test_block_level_content_control(tmp_path):
    body = f"<w:sdt><w:sdtContent>{p('Inside a control')}</w:sdtContent></w:sdt>{p('After it')}"
    paper = load(make_docx(tmp_path, body))
    assert [(b.text, b.source.locator) for b in paper.blocks] == [
        ("Inside a control", "body/0/sdt/0"), ("After it", "body/1"),
    ]


def test_special_characters_in_runs(tmp_path):
    body = (
        "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>co</w:t><w:noBreakHyphen/>"
        '<w:t>op</w:t><w:softHyphen/><w:t>erate</w:t><w:sym w:font="Arial" w:char="2192"/>'
        '<w:sym w:font="Wingdings" w:char="F0E0"/><w:t xml:space="preserve">\u00a0end\u200b</w:t></w:r></w:p>'
    )
    paper = load(make_docx(tmp_path, body))
    block = paper.blocks[0]
    assert block.text == "A\tB\nco-operate\u2192 end"
    assert block.source.line_starts == (0, 4)


def test_headings_from_outline_level_and_numbering(tmp_path):
    body = (
        p("Outlined", extra='<w:outlineLvl w:val="2"/>')
        + p("Numbered", extra='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>')
        + p("Not numbered", "ListBullet", '<w:numPr><w:numId w:val="0"/></w:numPr>')
        + p("Titled", "Title")
    )
    assert blocks(make_docx(tmp_path, body)) == [
        (H, "Outlined", 3), (L, "Numbered", 2), (P, "Not numbered", 0), (H, "Titled", 1),
    ]


def test_footnotes_and_endnotes_follow_the_body(tmp_path):
    body = '<w:p><w:r><w:t>Claim</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    notes = {
        "footnotes": (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:id="1">{p("Source: the 2023 survey.")}</w:footnote>'
        ),
        "endnotes": f'<w:endnote w:id="1">{p("See the appendix.")}</w:endnote>',
    }
    paper = load(make_docx(tmp_path, body, notes=notes))
    assert [(b.kind, b.text, b.place, b.source.locator) for b in paper.blocks] == [
        (P, "Claim", Place(1), "body/0"),
        (FN, "Source: the 2023 survey.", Place(2), "footnotes/1/0"),
        (EN, "See the appendix.", Place(3), "endnotes/0/0"),
    ]


def test_a_note_is_placed_in_the_notes_not_under_the_last_heading(tmp_path):
    body = f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Appendix A</w:t></w:r></w:p>{p("Claim")}'
    notes = {"footnotes": f'<w:footnote w:id="1">{p("Source: the 2023 survey.")}</w:footnote>'}
    paper = load(make_docx(tmp_path, body, notes=notes))
    assert [(b.text, b.section) for b in paper.blocks] == [
        ("Appendix A", ""), ("Claim", "Appendix A"), ("Source: the 2023 survey.", "Footnotes"),
    ]


def test_text_boxes_are_read_once(tmp_path):
    box = f"<w:txbxContent>{p('Boxed text')}</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="urn:wps"><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
        f"<w:p><w:r><w:pict><v:shape><v:textbox>{p('VML only').replace('<w:p>', '<w:p>', 1)}</v:textbox></v:shape></w:pict></w:r></w:p>"
    ).replace(f"<v:textbox>{p('VML only')}", f"<v:textbox><w:txbxContent>{p('VML only')}</w:txbxContent>")
    paper = load(make_docx(tmp_path, body))
    assert [(b.kind, b.text, b.source.locator) for b in paper.blocks] == [
        (P, "Anchor", "body/0"), (TB, "Boxed text", "body/0/txbx/0/0"), (TB, "VML only", "body/1/txbx/0/0"),
    ]


def test_headers_and_footers_are_furniture(tmp_path):
    paper = load(make_docx(tmp_path, p("Body"), header="Board meeting 4 May"))
    assert [b.text for b in paper.blocks] == ["Body"]
    assert [(b.kind, b.text) for b in paper.furniture] == [(BlockKind.HEADER, "Board meeting 4 May")]


def test_nested_tables_in_document_order(tmp_path):
    inner = f"<w:tbl><w:tr><w:tc>{p('inner')}</w:tc></w:tr></w:tbl>"
    body = (
        f"<w:tbl><w:tr><w:tc>{p('a')}{inner}</w:tc><w:tc>{p('b')}</w:tc></w:tr>"
        f'<w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr><w:tc>{p("gone")}</w:tc></w:tr>'
        f"<w:tr><w:tc>{p('c')}</w:tc></w:tr></w:tbl>"
    )
    paper = load(make_docx(tmp_path, body))
    assert [(b.text, b.place) for b in paper.blocks] == [
        ("a", Place(1, table=1, row=1, cell=1)),
        ("inner", Place(2, table=2, row=1, cell=1)),
        ("b", Place(3, table=1, row=1, cell=2)),
        ("c", Place(4, table=1, row=2, cell=1)),
    ]


def test_deeply_nested_tables_get_a_clear_answer(tmp_path):
    body = p("x")
    for _ in range(200):
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    from plainspeak.errors import InputError

    # libxml2 refuses elements nested past 256 levels unless told to parse
    # "huge" trees, which stays off; the answer is one clear E107.
    with pytest.raises(InputError) as caught:
        load(make_docx(tmp_path, body))
    assert caught.value.kind.code == "E107"
    assert caught.value.detail == "part word/document.xml nests elements more than 256 levels deep"


def test_table_nested_a_few_levels_deep_is_read(tmp_path):
    body = p("x")
    for _ in range(20):
        body = f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"
    paper = load(make_docx(tmp_path, body))
    assert [(b.text, b.place.table) for b in paper.blocks] == [("x", 20)]


def test_rtl_and_emoji_text_survive(tmp_path):
    text = "\u0645\u0631\u062d\u0628\u0627 \U0001F44D\u200d\U0001F3FD done"
    assert blocks(make_docx(tmp_path, p(text))) == [(P, text, 0)]


def test_bold_runs_are_kept_as_ranges_of_the_text(tmp_path):
    body = (
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Demand.</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> The number </w:t></w:r>'
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">of people </w:t></w:r>'
        '<w:r><w:rPr><w:b w:val="true"/></w:rPr><w:t xml:space="preserve">rises </w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t>fast</w:t></w:r></w:p>'
        + p("Nothing bold")
    )
    paper = load(make_docx(tmp_path, body))
    first = paper.blocks[0]
    assert first.text == "Demand. The number of people rises fast"
    assert first.bold == ((0, 7), (29, 39))
    assert [first.text[start:end] for start, end in first.bold] == ["Demand.", "rises fast"]
    assert paper.blocks[1].bold == ()


def _read(path: Path) -> tuple:
    paper = load(path)
    shown = [(b.kind, b.text, b.level, b.place, b.section, b.source.locator, b.source.runs, b.number, b.bold)
             for b in (*paper.blocks, *paper.furniture)]
    return paper.text, paper.title, shown


def test_a_strict_open_xml_paper_reads_as_its_ordinary_twin(tmp_path):
    from tests.test_robust_files import to_strict

    math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    body = (
        p("Finance", "Heading1")
        + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">The outturn </w:t></w:r>'
          '<w:r><w:t xml:space="preserve">is on plan</w:t></w:r>'
          f'<w:r><w:footnoteReference w:id="1"/></w:r><m:oMath {math}><m:r><m:t>x+1</m:t></m:r></m:oMath></w:p>'
        + p("Numbered", extra='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        + f"<w:tbl><w:tr><w:tc>{p('Item')}</w:tc><w:tc>{p('£4m')}</w:tc></w:tr></w:tbl>"
    )
    notes = {"footnotes": f'<w:footnote w:id="1">{p("Source: the 2023 survey.")}</w:footnote>'}
    ordinary = make_docx(tmp_path, body, notes=notes, header="Board meeting 4 May")
    strict = tmp_path / "strict.docx"
    strict.write_bytes(to_strict(ordinary.read_bytes()))
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    text, title, shown = _read(strict)
    assert (text, title, shown) == _read(ordinary)
    assert [(kind, words) for kind, words, *_ in shown] == [
        (H, "Finance"), (P, "The outturn is on planx+1"), (L, "Numbered"), (C, "Item"), (C, "£4m"),
        (FN, "Source: the 2023 survey."), (BlockKind.HEADER, "Board meeting 4 May"),
    ]
    assert shown[1][-1] != ()  # the bold run is still known as bold


def test_a_paper_that_only_mentions_the_strict_namespace_is_read_as_it_is(tmp_path):
    body = p("Strict files use http://purl.oclc.org/ooxml/wordprocessingml/main as their namespace.")
    assert [text for _, text, _ in blocks(make_docx(tmp_path, body))] == [
        "Strict files use http://purl.oclc.org/ooxml/wordprocessingml/main as their namespace."]


def test_the_main_part_is_the_one_the_package_relationship_names(tmp_path):
    # Two parts declared as Word's main part: Word and python-docx open the one
    # _rels/.rels names; reading the other showed plainspeak a different paper.
    plain = make_docx(tmp_path, p("The board agreed the plan."), name="plain.docx")
    source = zipfile.ZipFile(plain)
    path = tmp_path / "two-mains.docx"
    main_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", f'<Override PartName="/word/real.xml" ContentType="{main_type}"/>'
                                    .encode() + b"</Types>")
            elif item.filename == "_rels/.rels":
                data = data.replace(b'Target="word/document.xml"', b'Target="word/real.xml"')
            out.writestr(item.filename, data)
        out.writestr("word/real.xml", f'<w:document {NS}><w:body>{p("The virement was agreed.")}<w:sectPr/>'
                                      "</w:body></w:document>")
        out.writestr("word/_rels/real.xml.rels", source.read("word/_rels/document.xml.rels"))
    assert b'Target="word/real.xml"' in zipfile.ZipFile(path).read("_rels/.rels")
    assert [b.text for b in load(path).blocks] == ["The virement was agreed."]
    assert [b.text for b in load(plain).blocks] == ["The board agreed the plan."]


def _renamed(data: bytes, renames: dict[str, str], extra: dict[str, bytes] | None = None) -> bytes:
    """The package with some zip entries under other spellings (and ``extra`` entries added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(renames.get(name, name), source.read(name))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def _word_file(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_part_names_are_matched_whatever_their_case_as_word_matches_them(tmp_path):
    # The content types and relationships say word/document.xml; the zip spells it otherwise.
    renames = {"word/document.xml": "word/Document.xml", "word/_rels/document.xml.rels": "Word/_rels/Document.xml.rels"}
    data = _renamed(_word_file("The cabinet agreed the virement."), renames)
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    path = tmp_path / "odd-case.docx"
    path.write_bytes(data)
    assert [block.text for block in load(str(path)).blocks] == ["The cabinet agreed the virement."]


def test_two_parts_differing_only_in_case_keep_their_own_names(tmp_path):
    """Ambiguous spellings are never folded together: the part named exactly is the one read."""
    original = _word_file("The cabinet agreed the virement.")
    decoy = zipfile.ZipFile(io.BytesIO(_word_file("A different text."))).read("word/document.xml")
    path = tmp_path / "two-spellings.docx"
    path.write_bytes(_renamed(original, {}, {"word/DOCUMENT.xml": decoy}))
    assert [block.text for block in load(str(path)).blocks] == ["The cabinet agreed the virement."]
