"""The annotated PDF carries none of the original's scripts, risky actions or embedded files, and keeps the rest."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

import plainspeak
from plainspeak.writers import pdf as pdf_writer
from tests.fixtures.make_pdf import Page, build_pdf
from tests.writer_support import glossary, result_for, term_finding

PAYLOAD = b"secret payload: not for the public"
WEB_LINK = "https://www.example.gov.uk/budget"
# Everything a reader program could run, launch, send or unpack, as _active_parts names it.
ACTIVE = {
    "/OpenAction", "/AA", "/JS", "/EF", "names /JavaScript", "names /EmbeddedFiles", "/XFA",
    "action /JavaScript", "action /Launch", "action /SubmitForm", "action /ImportData", "action /GoToR",
    "link javascript:alert(1)", "annotation /FileAttachment", "stream /EmbeddedFile",
}


def _d(**entries) -> DictionaryObject:
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def _name(value: str) -> NameObject:
    return NameObject(f"/{value}")


def _text(value: str) -> TextStringObject:
    return TextStringObject(value)


def _script(code: str) -> DictionaryObject:
    return _d(S=_name("JavaScript"), JS=_text(code))


def _rect(n: int) -> ArrayObject:
    return ArrayObject(FloatObject(v) for v in (72 + 30 * n, 400, 96 + 30 * n, 420))


def _active_pdf() -> bytes:
    """Two pages of text and every kind of active content, each in the place it is found in papers."""
    first, second = Page(), Page()
    first.lines(72, 770, ["The virement of two million pounds was agreed.", "Press the links below."])
    second.lines(72, 770, ["The MTFS sets out the plan."])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf([first, second]))))
    add = writer._add_object
    page, other = writer.pages[0], writer.pages[1]
    root = writer.root_object
    root[_name("OpenAction")] = add(_script("app.alert('opened')"))
    root[_name("AA")] = _d(WC=_script("app.alert('closing')"))
    page[_name("AA")] = _d(O=_script("app.alert('page')"))
    payload = DecodedStreamObject()
    payload.set_data(PAYLOAD)
    payload[_name("Type")] = _name("EmbeddedFile")
    attachment = add(_d(Type=_name("Filespec"), F=_text("payload.exe"), EF=_d(F=add(payload))))
    root[_name("Names")] = add(_d(
        JavaScript=add(_d(Names=ArrayObject([_text("start"), add(_script("app.alert('names')"))]))),
        EmbeddedFiles=add(_d(Names=ArrayObject([_text("payload.exe"), attachment]))),
    ))
    actions = [
        _d(S=_name("Launch"), F=_text("calc.exe")),
        _script("app.alert('link')"),
        _d(S=_name("SubmitForm"), F=_d(FS=_name("URL"), F=_text("https://collect.example.com/"))),
        _d(S=_name("ImportData"), F=_text("data.fdf")),
        _d(S=_name("GoToR"), F=_text("other.pdf"), D=ArrayObject([NumberObject(0), _name("Fit")])),
        _d(S=_name("URI"), URI=_text("javascript:alert(1)")),
        _d(S=_name("URI"), URI=_text(WEB_LINK)),
        _d(S=_name("GoTo"), D=ArrayObject([other.indirect_reference, _name("Fit")]),
           Next=_script("app.alert('chained')")),
        _d(S=_name("Named"), N=_name("NextPage")),
    ]
    for number, action in enumerate(actions):
        writer.add_annotation(0, _d(Type=_name("Annot"), Subtype=_name("Link"), Rect=_rect(number), A=action))
    carrier = writer.add_annotation(0, _d(Type=_name("Annot"), Subtype=_name("FileAttachment"),
                                          Rect=_rect(10), FS=attachment, Contents=_text("Open me")))
    writer.add_annotation(0, _d(Type=_name("Annot"), Subtype=_name("Popup"), Rect=_rect(11),
                                Parent=carrier.indirect_reference))
    field = writer.add_annotation(0, _d(Type=_name("Annot"), Subtype=_name("Widget"), FT=_name("Tx"),
                                        T=_text("name"), V=_text("kept value"), Rect=_rect(12),
                                        AA=_d(K=_script("app.alert('key')"))))
    button = writer.add_annotation(0, _d(Type=_name("Annot"), Subtype=_name("Widget"), FT=_name("Btn"),
                                         T=_text("send"), Rect=_rect(13), A=actions[2]))
    template = DecodedStreamObject()
    template.set_data(b"<template><script>xfa.host.messageBox('xfa')</script></template>")
    root[_name("AcroForm")] = add(_d(Fields=ArrayObject([field.indirect_reference, button.indirect_reference]),
                                     XFA=ArrayObject([_text("template"), add(template)])))
    # A tagged paper's table: its attributes sit under /A too, and are no action.
    table = add(_d(Type=_name("StructElem"), S=_name("Table"),
                   A=_d(O=_name("Table"), Summary=_text("Spending by service"))))
    root[_name("StructTreeRoot")] = add(_d(Type=_name("StructTreeRoot"), K=table))
    outlines = add(_d(Type=_name("Outlines"), Count=NumberObject(2)))
    run = add(_d(Title=_text("Run"), Parent=outlines, A=_script("app.alert('bookmark')")))
    budget = add(_d(Title=_text("Budget"), Parent=outlines, Prev=run,
                    Dest=ArrayObject([other.indirect_reference, _name("Fit")])))
    run.get_object()[_name("Next")] = budget
    outlines.get_object().update({_name("First"): run, _name("Last"): budget})
    root[_name("Outlines")] = outlines
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _objects(data: bytes) -> list:
    """Every object the file holds, whether anything refers to it or not."""
    reader = PdfReader(io.BytesIO(data))
    return [reader.get_object(IndirectObject(idnum, generation, reader))
            for generation, numbers in reader.xref.items() for idnum in numbers]


def _active_parts(data: bytes) -> set[str]:
    """What in the file a reader program could run, launch, send or unpack."""
    found: set[str] = set()
    stack = _objects(data)
    while stack:
        item = stack.pop()
        if isinstance(item, ArrayObject):
            stack.extend(value for value in item if not isinstance(value, IndirectObject))
        if not isinstance(item, DictionaryObject):
            continue
        found.update(key for key in ("/OpenAction", "/AA", "/JS", "/EF", "/XFA") if key in item)
        found.update(f"names {key}" for key in ("/JavaScript", "/EmbeddedFiles") if key in item)
        kind, subtype, kind_of = item.get("/S"), item.get("/Subtype"), item.get("/Type")
        if kind in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR"):
            found.add(f"action {kind}")
        if kind == "/URI" and not str(item["/URI"]).startswith("https://"):
            found.add(f"link {item['/URI']}")
        if subtype == "/FileAttachment":
            found.add("annotation /FileAttachment")
        if kind_of == "/EmbeddedFile":
            found.add("stream /EmbeddedFile")
        stack.extend(value for value in item.values() if not isinstance(value, IndirectObject))
    return found


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    source = tmp_path_factory.mktemp("active") / "active.pdf"
    source.write_bytes(_active_pdf())
    paper = plainspeak.load(source)
    result = result_for(paper, [term_finding(paper, "virement"), term_finding(paper, "MTFS")])
    out = pdf_writer.write(source.read_bytes(), paper, result, glossary(), appendix=True)
    return source.read_bytes(), out


def test_the_test_paper_carries_every_kind(copies):
    source, _ = copies
    assert _active_parts(source) == ACTIVE and PAYLOAD in source


def test_the_annotated_copy_carries_none(copies):
    _, out = copies
    assert _active_parts(out.data) == set()
    assert PAYLOAD not in out.data and b"xfa.host" not in out.data


def test_the_copy_keeps_links_that_move_or_open_the_web(copies):
    _, out = copies
    page = PdfReader(io.BytesIO(out.data)).pages[0]
    annotations = [ref.get_object() for ref in page["/Annots"]]
    links = [a for a in annotations if a["/Subtype"] == "/Link"]
    assert len(links) == 9  # a link whose action went stays, doing nothing
    kept = [(a["/A"]["/S"], a["/A"].get("/URI") or a["/A"].get("/N"), "/Next" in a["/A"]) for a in links if "/A" in a]
    assert kept == [("/URI", WEB_LINK, False), ("/GoTo", None, False), ("/Named", "/NextPage", False)]
    [move] = [a["/A"] for a in links if "/A" in a and a["/A"]["/S"] == "/GoTo"]
    assert move["/D"][0].idnum == PdfReader(io.BytesIO(out.data)).pages[1].indirect_reference.idnum
    assert [a["/Subtype"] for a in annotations if a["/Subtype"] not in ("/Link", "/Highlight", "/Popup")] == [
        "/Widget", "/Widget"]
    assert sum(1 for a in annotations if a["/Subtype"] == "/Highlight") == 1


def test_the_copy_keeps_text_form_values_and_bookmarks(copies):
    source, out = copies
    before, after = PdfReader(io.BytesIO(source)), PdfReader(io.BytesIO(out.data))
    assert out.placed == 2 and out.unplaced == []
    for old, new in zip(before.pages, after.pages):
        assert new.extract_text() == old.extract_text()
    assert {name: field.get("/V") for name, field in after.get_fields().items()} == {
        "name": "kept value", "send": None}
    assert [item.title for item in after.outline] == ["Run", "Budget", "Words used in this paper"]
    assert "/A" not in after.outline[0]  # its script went; the bookmark stays
    table = after.root_object["/StructTreeRoot"]["/K"]
    assert (table["/S"], dict(table["/A"])) == ("/Table", {"/O": "/Table", "/Summary": "Spending by service"})
    assert after.get_destination_page_number(after.outline[1]) == 1
