"""Take out of a PDF everything a reader program would run, launch, send or unpack.

The annotated copy goes to staff and the public, who should be able to open
it and have it do nothing but show the paper. So, everywhere in the
document:

- additional actions (``/AA``: on opening, closing, printing, on a page, a
  field, a link) and the catalog's ``/OpenAction`` are removed;
- an action (``/A``, and each action of a ``/Next`` chain) is kept only if
  it moves within the paper (GoTo, the four page-turning named actions) or
  opens a web or mail link; JavaScript, Launch, SubmitForm, ImportData,
  GoToR, GoToE, renditions and the rest go;
- script text (``/JS``) and the files inside file specifications (``/EF``,
  ``/RF``) are removed wherever they are;
- the catalog loses its ``/JavaScript`` and ``/EmbeddedFiles`` name trees,
  a portfolio's ``/Collection``, and its form's XFA, whose scripts live in
  XML;
- annotations that carry a file or play something (file attachments,
  sound, movie, screen, rich media, 3D) leave their pages, with their popups.

Links, bookmarks and form fields stay, as do their values and appearance.
It is done to the reader's objects before the copy is made, because a copy
(``PdfWriter(clone_from=...)``) takes only what the catalog still reaches:
what is cut here is not carried as unused objects either. The file itself
is not touched.
"""

from __future__ import annotations

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, PdfObject

_DROPPED_KEYS = ("/AA", "/OpenAction", "/JS", "/EF", "/RF")
_CATALOG_KEYS = ("/Collection", "/NeedsRendering")
_NAME_TREES = ("/JavaScript", "/EmbeddedFiles")
_PAGE_TURNS = frozenset({"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"})
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_CARRIERS = frozenset({"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"})


def remove_active_content(catalog: DictionaryObject) -> None:
    """Strip the document under ``catalog`` (a PdfReader's ``root_object``) in place."""
    for key in _CATALOG_KEYS:
        catalog.pop(NameObject(key), None)
    names = _get(catalog, "/Names")
    if isinstance(names, DictionaryObject):
        for key in _NAME_TREES:
            names.pop(NameObject(key), None)
    form = _get(catalog, "/AcroForm")
    if isinstance(form, DictionaryObject):
        form.pop(NameObject("/XFA"), None)
    seen: set[tuple[int, int]] = set()
    stack: list[PdfObject] = [catalog]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            _strip(item)
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _strip(entry: DictionaryObject) -> None:
    """One dictionary's own active parts, cut before its values are walked."""
    for key in _DROPPED_KEYS:
        entry.pop(NameObject(key), None)
    # /A is a link's, field's or bookmark's action, but a structure element's
    # attributes (a table's header scope, say), which are kept.
    if _is_action(_get(entry, "/A")) and not _kept(_get(entry, "/A")):
        del entry["/A"]
    # An action's /Next is the action after it; a bookmark's is the next bookmark.
    if _is_action(entry) and "/Next" in entry and not _kept(_get(entry, "/Next")):
        del entry["/Next"]
    annotations = _get(entry, "/Annots")
    if isinstance(annotations, ArrayObject):
        carriers = {id(each.get_object()) for each in annotations if _get(each, "/Subtype") in _CARRIERS}
        if carriers:
            annotations[:] = [each for each in annotations if id(each.get_object()) not in carriers
                              and not (_get(each, "/Subtype") == "/Popup"
                                       and id(_get(each, "/Parent")) in carriers)]


def _is_action(value: PdfObject | None) -> bool:
    """An action dictionary (it names its type in /S), or an array holding one."""
    if isinstance(value, ArrayObject):
        return any(_is_action(each.get_object()) for each in value)
    return isinstance(value, DictionaryObject) and "/S" in value and _get(value, "/Type") in (None, "/Action")


def _kept(action: PdfObject | None) -> bool:
    """Whether an action, or each of an array of them, only moves within the paper or opens a link."""
    if isinstance(action, ArrayObject):
        return all(_kept(each.get_object()) for each in action)
    kind = _get(action, "/S")
    if kind == "/GoTo":
        return True
    if kind == "/Named":
        return _get(action, "/N") in _PAGE_TURNS
    if kind == "/URI":
        target = _get(action, "/URI")
        text = target.decode("latin-1") if isinstance(target, bytes) else str(target or "")
        return text.strip().lower().startswith(_LINK_SCHEMES)
    return False


def _get(entry: PdfObject | None, key: str) -> PdfObject | None:
    """``entry[key]`` resolved, or None when ``entry`` is no dictionary or has no such key."""
    entry = entry.get_object() if entry is not None else None
    if not isinstance(entry, DictionaryObject):
        return None
    value = dict.get(entry, key)
    return value.get_object() if value is not None else None
