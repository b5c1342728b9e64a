"""Word's footnotes and endnotes: numbered as Word shows them, their references kept by offset, shown in the reader's copy."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from plainspeak.loaders import load
from plainspeak.loaders.docx_notes import number_styles
from plainspeak.writers.html import render_reader_html
from plainspeak.writers.html_notes import counter
from tests.helpers import invoke
from tests.test_load_docx import W_NS, make_docx, p


def ref(kind: str, note_id: int, extra: str = "") -> str:
    return f'<w:r><w:{kind}Reference w:id="{note_id}"{extra}/></w:r>'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def note(kind: str, note_id: int, *texts: str) -> str:
    return f'<w:{kind} w:id="{note_id}">' + "".join(p(text) for text in texts) + f"</w:{kind}>"


CUSTOM = ' w:customMarkFollows="1"'
SEPARATOR = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
BODY = (
    f"<w:p>{run('  The precept rose')}{ref('footnote', 5)}{run(' and the levy fell.')}{ref('endnote', 2)}</w:p>"
    f"<w:p>{run('Reserves were used')}{ref('footnote', 3)}{run(' again')}{ref('footnote', 5)}{run('.')}</w:p>"
    f"<w:p>{run('A starred claim')}{ref('footnote', 7, CUSTOM)}{run('*')}"
    f"{run(' and one with no note')}{ref('footnote', 99)}{run('.')}</w:p>"
)
NOTES = {
    "footnotes": SEPARATOR + note("footnote", 3, "Reserves are savings.") + note("footnote", 5, "A precept is a charge.",
                                                                              "It is set each year.")
    + note("footnote", 7, "* Unaudited.") + note("footnote", 8, "Nothing refers to this one."),
    "endnotes": note("endnote", 2, "The levy is paid to the authority."),
}


def _paper(tmp_path: Path):
    return load(make_docx(tmp_path, BODY, notes=NOTES))


def test_notes_are_numbered_by_first_reference_and_references_kept_by_offset(tmp_path):
    blocks = _paper(tmp_path).blocks
    assert [(b.kind.value, b.text, b.number, b.number_style, b.note_refs) for b in blocks] == [
        ("paragraph", "The precept rose and the levy fell.", 0, "", ((16, 1), (35, 3))),
        ("paragraph", "Reserves were used again.", 0, "", ((18, 2), (24, 1))),
        ("paragraph", "A starred claim* and one with no note.", 0, "", ()),
        ("footnote", "Reserves are savings.", 2, "1", ()),
        ("footnote", "A precept is a charge.", 1, "1", ()),
        ("footnote", "It is set each year.", 0, "", ()),
        ("footnote", "* Unaudited.", 0, "", ()),
        ("footnote", "Nothing refers to this one.", 0, "", ()),
        ("endnote", "The levy is paid to the authority.", 3, "i", ()),
    ]
    first = blocks[0]
    assert first.text[:16] == "The precept rose" and first.text[16:] == " and the levy fell."


def test_a_reference_inside_a_field_instruction_is_not_the_texts(tmp_path):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + ref("footnote", 3)
             + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("shown")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    blocks = load(make_docx(tmp_path, f"<w:p>{run('Text ')}{field}</w:p>", notes=NOTES)).blocks
    assert (blocks[0].text, blocks[0].note_refs) == ("Text shown", ())
    assert all(block.number == 0 for block in blocks)


def test_the_settings_number_format_is_kept_for_each_kind(tmp_path):
    from lxml import etree

    settings = etree.fromstring(
        f'<w:settings xmlns:w="{W_NS}"><w:footnotePr><w:numFmt w:val="upperLetter"/></w:footnotePr>'
        '<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr></w:settings>')
    assert number_styles(settings) == {"footnotes": "A", "endnotes": "1"}
    assert number_styles(None) == {"footnotes": "1", "endnotes": "i"}
    odd = etree.fromstring(f'<w:settings xmlns:w="{W_NS}"><w:footnotePr><w:numFmt w:val="chicago"/>'
                           '</w:footnotePr></w:settings>')
    assert number_styles(odd) == {"footnotes": "1", "endnotes": "i"}  # a format with no counterpart: digits
    path = make_docx(tmp_path, BODY, notes=NOTES)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"</w:settings>", b'<w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr></w:settings>')
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert [b.number_style for b in load(path).blocks if b.number] == ["a", "a", "i"]


def test_counters_are_written_in_each_style():
    assert [counter(n, "1") for n in (1, 12)] == ["1", "12"]
    assert [counter(n, "i") for n in (1, 4, 9, 14, 40, 1994)] == ["i", "iv", "ix", "xiv", "xl", "mcmxciv"]
    assert [counter(n, "I") for n in (3, 49)] == ["III", "XLIX"]
    assert [counter(n, "a") for n in (1, 26, 27, 52, 703)] == ["a", "z", "aa", "az", "aaa"]
    assert counter(28, "A") == "AB"


def test_the_readers_copy_links_each_reference_to_its_note_and_back(tmp_path):
    from tests.writer_support import glossary, result_for

    paper = _paper(tmp_path)
    page = render_reader_html(result_for(paper, []), paper, glossary())
    references = re.findall(r'<sup class="note-ref"><a href="#(note-\d+)"(?: id="(note-ref-\d+)")?>'
                            r'<span class="vh">Note </span>([^<]+)</a></sup>', page)
    assert references == [("note-1", "note-ref-1", "1"), ("note-3", "note-ref-3", "i"),
                          ("note-2", "note-ref-2", "2"), ("note-1", "", "1")]
    numbers = re.findall(r'<span class="note-no" id="(note-\d+)">([^<]+)</span>', page)
    assert numbers == [("note-2", "2."), ("note-1", "1."), ("note-3", "i.")]
    assert len(re.findall(r'id="note-\d+"', page)) == len(set(re.findall(r'id="note-\d+"', page))) == 3
    assert page.count('class="back">Back to the text</a>') == 3


def test_annotate_writes_the_references_into_the_readers_copy(tmp_path, blank_model):
    paper = make_docx(tmp_path, BODY, notes=NOTES)
    outcome = invoke("annotate", "--isolated", "--model", blank_model, "--format", "html", str(paper))
    assert outcome.exit_code == 0, outcome.output
    page = (tmp_path / "paper.plainspeak.html").read_text(encoding="utf-8")
    assert page.count('<sup class="note-ref">') == 4 and '<span class="note-no" id="note-3">i.</span>' in page
