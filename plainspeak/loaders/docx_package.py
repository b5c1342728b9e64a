"""Open a DOCX package safely: zip-bomb checks first, then hardened XML parsing.

The zip's declared sizes are checked before any part is inflated, and every
XML part is parsed with entity resolution, DTD loading and network access off.
A part that declares a DTD at all is refused: Word never writes one, and a DTD
is how entity bombs and external-entity reads arrive.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from plainspeak.errors import E105, E107, E108, InputError
from plainspeak.loaders.docx_strict import is_strict, to_transitional
from plainspeak.loaders.limits import Limits
from plainspeak.loaders.sniff import WORD_MAIN_TYPES

_MAX_PARTS = 10_000
# Office XML compresses about ten to one; a part that expands hundreds of
# times is built to exhaust memory.
_MAX_RATIO = 200
_RATIO_APPLIES_ABOVE = 4 * 1024 * 1024
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES_PART = "[Content_Types].xml"
_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
    dtd_validation=False, remove_comments=True, remove_pis=True,
)


class Package:
    """The parts of a DOCX zip, read on demand after the bomb checks."""

    def __init__(self, path: Path, data: bytes, limits: Limits) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise InputError(E107, str(path), f"the zip archive is broken: {error}") from None
        self.names = {info.filename for info in self.zip.infolist()}
        # Part names are compared case-insensitively in a package (as Word opens one), where that is not
        # ambiguous: two names that differ only in case each keep only their own spelling.
        folded: dict[str, list[str]] = {}
        for name in self.names:
            folded.setdefault(name.casefold(), []).append(name)
        self._folded = {key: found[0] for key, found in folded.items() if len(found) == 1}
        check_expansion(path, self.zip.infolist(), limits)
        self.main = self._main_part()

    def read(self, name: str) -> bytes | None:
        """The bytes of a part, or None if the package lacks it."""
        name = self.spelled(name)
        if name is None:
            return None
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
            raise InputError(E107, str(self.path), f"part {name} is damaged: {error}") from None
        except RuntimeError:  # zipfile's "File ... is encrypted, password required"
            raise InputError(E105, str(self.path), f"part {name} is encrypted") from None

    def spelled(self, name: str) -> str | None:
        """The part's name as the zip spells it ("word/Document.xml" for "word/document.xml"), or None."""
        return name if name in self.names else self._folded.get(name.casefold())

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed safely, or None if the package lacks it; a Strict Open XML part
        comes back with Transitional names (see :mod:`.docx_strict`)."""
        data = self.read(name)
        if data is None:
            return None
        root = parse_xml(self.path, name, data)
        return to_transitional(root) if is_strict(root) else root

    def related(self, source: str, kind: str) -> list[str]:
        """Parts that ``source`` links to with a relationship type ending ``/kind``."""
        rels = self.xml(rels_part(source))
        if rels is None:
            return []
        return [target for rel, target in relationships(rels, source) if rel_kind(rel) == kind]

    def _main_part(self) -> str:
        """The Word main part: the one the package's own relationship names, as Word and
        python-docx open it, where that is declared a Word main part; else the one declared.

        A package declaring two could otherwise show plainspeak one text and
        Word another (and the annotated copy would mark the wrong one).
        """
        types = self.xml(CONTENT_TYPES_PART)
        if types is None:
            raise InputError(E107, str(self.path), "the package has no content types part")
        override = main_override(types, self.xml(rels_part("")))
        if override is None:
            raise InputError(E107, str(self.path), "it declares no Word main part")
        name = override.get("PartName", "").lstrip("/")
        if self.spelled(name) is None:
            raise InputError(E107, str(self.path), f"its main part {name} is missing")
        return name


def main_override(types: etree._Element, package_rels: etree._Element | None) -> etree._Element | None:
    """The content types' ``Override`` of the Word main part, or None if none is declared.

    Of several, the one the package's own relationships (``_rels/.rels``,
    ``package_rels``) name, as Word and python-docx open it; else the first.
    """
    declared = [o for o in types.iter(f"{{{CONTENT_TYPES}}}Override") if o.get("ContentType") in WORD_MAIN_TYPES]
    named = ({target for rel, target in relationships(package_rels, "") if rel_kind(rel) == "officeDocument"}
             if package_rels is not None else set())
    named = {target.casefold() for target in named}
    return next((o for o in declared if o.get("PartName", "").lstrip("/").casefold() in named),
                next(iter(declared), None))


def rels_part(source: str) -> str:
    """The relationships part of ``source`` ("" for the package's own: ``_rels/.rels``)."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def relationships(rels: etree._Element, source: str) -> list[tuple[etree._Element, str]]:
    """Each internal ``Relationship`` in ``source``'s relationships part, with the part it targets."""
    folder = posixpath.dirname(source)
    found = []
    for rel in rels.iter(f"{{{PACKAGE_RELS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.append((rel, posixpath.normpath(joined)))
    return found


def rel_kind(rel: etree._Element) -> str:
    """A relationship's type without its namespace (``styles``, ``vbaProject``): the
    parts the loader follows are named alike in Strict and Transitional packages."""
    return rel.get("Type", "").rsplit("/", 1)[-1]


def check_expansion(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse (E108) a zip whose declared sizes show it would expand too far."""
    if len(infos) > _MAX_PARTS:
        raise InputError(E108, str(path), f"the package has {len(infos)} parts")
    total = sum(info.file_size for info in infos)
    if total > limits.max_inflated_bytes:
        raise InputError(
            E108, str(path),
            f"it would expand to {total / 1024 / 1024:.0f} MB (limit {limits.max_inflated_mb:g} MB)",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_APPLIES_ABOVE and ratio > _MAX_RATIO:
            raise InputError(E108, str(path), f"part {info.filename} expands {ratio:.0f} times")


def parse_xml(path: Path, name: str, data: bytes) -> etree._Element:
    """Parse one XML part without entities, DTDs or network; E107 on failure."""
    try:
        root = etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        message = str(error.msg or error)
        if "Excessive depth" in message:
            detail = f"part {name} nests elements more than 256 levels deep"
        else:
            detail = f"part {name} is not well-formed XML: {message[:80]}"
        raise InputError(E107, str(path), detail) from None
    if root is None:
        raise InputError(E107, str(path), f"part {name} is empty")
    if root.getroottree().docinfo.doctype:
        raise InputError(
            E107, str(path), f"part {name} declares a DTD, which Word files never contain",
        )
    return root
