"""A Word paper's package made an ordinary .docx before the Word copy is written.

python-docx, which writes the copy, opens only ordinary documents. A
macro-enabled paper (.docm, .dotm) or a template (.dotx, .dotm) holds the same
WordprocessingML under another content type for its main part, and a
macro-enabled one carries a VBA project. The copy is an ordinary document: its
main part declared as one, and the VBA project, the key and toolbar
customisations that run macros, and every part reached only from them left
out, with the relationships and content types that named them. Staff open the
copy to read comments; it must never run the paper's code.

A Strict Open XML paper is refused (E116): python-docx cannot open it, and the
loader's renaming of its names (:mod:`plainspeak.loaders.docx_strict`) serves
reading, not writing a package Word has to accept.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from plainspeak.errors import E116, InputError
from plainspeak.loaders.docx_package import (
    CONTENT_TYPES,
    CONTENT_TYPES_PART,
    main_override,
    parse_xml,
    rel_kind,
    relationships,
    rels_part,
)
from plainspeak.loaders.docx_strict import is_strict
from plainspeak.loaders.sniff import WORD_MAIN_TYPES

DOCUMENT_MAIN = WORD_MAIN_TYPES[0]
# Relationships whose targets hold or run macros.
_MACRO_KINDS = frozenset({"vbaProject", "keyMapCustomizations"})


def ordinary_docx(path: str, source: bytes) -> tuple[bytes, list[str]]:
    """``source`` as an ordinary .docx, and what the copy's line should say of the change."""
    archive = zipfile.ZipFile(io.BytesIO(source))
    names = archive.namelist()
    types = parse_xml(Path(path), CONTENT_TYPES_PART, archive.read(CONTENT_TYPES_PART))
    rels = {name: parse_xml(Path(path), name, archive.read(name)) for name in names if name.endswith(".rels")}
    main = main_override(types, rels.get(rels_part("")))  # the part the loader read
    main_name = main.get("PartName", "").lstrip("/") if main is not None else ""
    if main_name in names and _strict_part(archive.read(main_name)):
        raise InputError(E116, path)
    dropped = _macro_parts(rels)
    declared = main.get("ContentType") if main is not None else DOCUMENT_MAIN
    if declared == DOCUMENT_MAIN and not dropped:
        return source, []
    if main is not None:
        main.set("ContentType", DOCUMENT_MAIN)
    _drop_types(types, dropped, names)
    rewritten = {CONTENT_TYPES_PART: types}
    for name, root in rels.items():
        if _drop_links(root, _source_of(name), dropped):
            rewritten[name] = root
    gone = dropped | {rels_part(part) for part in dropped}
    return _repacked(archive, rewritten, gone), [_remark("template" in declared.lower(), bool(dropped))]


def _strict_part(data: bytes) -> bool:
    """Whether a part's first element is in a Strict namespace, read without parsing the rest."""
    events = etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True,
                             load_dtd=False)
    for _, element in events:
        return is_strict(element)
    return False


def _source_of(rels_name: str) -> str:
    """The part a relationships part belongs to: ``word/_rels/document.xml.rels`` -> ``word/document.xml``."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _macro_parts(rels: dict[str, etree._Element]) -> set[str]:
    """Parts a macro relationship leads to, and the parts they lead to, unless a kept part needs one."""
    links = {_source_of(name): relationships(root, _source_of(name)) for name, root in rels.items()}
    waiting = [target for found in links.values() for rel, target in found if rel_kind(rel) in _MACRO_KINDS]
    reached: set[str] = set()
    while waiting:
        part = waiting.pop()
        if part not in reached:
            reached.add(part)
            waiting.extend(target for _, target in links.get(part, []))
    needed = {target for source, found in links.items() if source not in reached
              for rel, target in found if rel_kind(rel) not in _MACRO_KINDS}
    return reached - needed


def _drop_links(rels: etree._Element, source: str, dropped: set[str]) -> bool:
    """Remove the relationships to dropped parts; whether there were any."""
    doomed = [rel for rel, target in relationships(rels, source)
              if target in dropped or rel_kind(rel) in _MACRO_KINDS]
    for rel in doomed:
        rel.getparent().remove(rel)
    return bool(doomed)


def _drop_types(types: etree._Element, dropped: set[str], names: list[str]) -> None:
    """Remove the dropped parts' overrides, and any default only dropped parts used."""
    overridden = set()
    for override in list(types.iter(f"{{{CONTENT_TYPES}}}Override")):
        part = override.get("PartName", "").lstrip("/")
        overridden.add(part)
        if part in dropped:
            types.remove(override)
    for default in list(types.iter(f"{{{CONTENT_TYPES}}}Default")):
        extension = default.get("Extension", "").lower()
        users = {name for name in names if name not in overridden
                 and posixpath.splitext(name)[1][1:].lower() == extension}
        if users and users <= dropped:
            types.remove(default)


def _repacked(archive: zipfile.ZipFile, rewritten: dict[str, etree._Element], gone: set[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            if info.filename in gone:
                continue
            root = rewritten.get(info.filename)
            data = archive.read(info) if root is None else etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info.filename, data)
    return out.getvalue()


def _remark(template: bool, macros: bool) -> str:
    """``an ordinary .docx document, not a template, without the paper's macros``."""
    kind = "an ordinary .docx document, not a template" if template else "an ordinary .docx"
    return kind + (", without the paper's macros" if macros else "")
