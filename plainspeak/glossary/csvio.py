"""Glossaries as CSV, for the people who edit them in Excel.

One column per field, in a fixed order; lists joined with ``"; "``; UTF-8 with
a byte-order mark so Excel shows ``£`` and accents correctly. Export, import
and export again gives the same bytes.

Two kindnesses to spreadsheets: a cell starting ``=``, ``+``, ``-`` or ``@``
is written with a leading apostrophe (so Excel never runs it as a formula)
and read back without it; and dates Excel has turned into ``31/03/2026`` are
read back as ``2026-03-31`` (day first, as in the UK).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import IO, Any, Iterable

from plainspeak.errors import E201, GlossaryError
from plainspeak.glossary.dump import FIELD_ORDER, LIST_FIELDS, term_values, write_text
from plainspeak.glossary.load import _LINE_KEY, term_from_mapping
from plainspeak.glossary.model import Term

COLUMNS: tuple[str, ...] = FIELD_ORDER
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@")
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


def _cell(name: str, value: object) -> str:
    if name in LIST_FIELDS:
        items = list(value)  # type: ignore[call-overload]
        if any(";" in item for item in items):
            raise ValueError(f"a {name} item contains ';', which separates items in CSV")
        text = "; ".join(items)
    elif isinstance(value, bool):
        text = "yes" if value else ""
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(terms: Iterable[Term]) -> str:
    """The CSV for ``terms`` as text, starting with the byte-order mark."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for term in terms:
        try:
            writer.writerow([_cell(name, value) for name, value in term_values(term).items()])
        except ValueError as error:
            raise GlossaryError(E201, str(term.origin or term.term), str(error)) from None
    return BOM + buffer.getvalue()


def write_csv(terms: Iterable[Term], stream_or_path: IO[str] | IO[bytes] | str | Path) -> None:
    """Write ``terms`` as CSV to a path (atomically) or an open stream (text or binary)."""
    write_text(csv_text(terms), stream_or_path)


def read_csv(path: str | Path) -> list[Term]:
    """Read and validate a CSV glossary; errors name the file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GlossaryError(E201, str(path), f"cannot read it: {error.strerror or error}") from None
    return parse_csv(_decode(raw), path)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain "CSV (Comma delimited)" saves in the Windows code page.
        return raw.decode("cp1252", errors="replace")


def parse_csv(text: str, path: Path) -> list[Term]:
    """Terms from CSV text; ``path`` names the file in errors and gives the glossary id."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _parse_rows(reader, path)
    except csv.Error as error:  # a cell past the csv module's size limit, a NUL
        raise GlossaryError(E201, f"{path}:{reader.line_num}", f"not valid CSV: {error}") from None


def _parse_rows(reader: Any, path: Path) -> list[Term]:
    header = [name.strip().casefold() for name in next(reader, [])]
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown or "term" not in header:
        problem = f"unknown column(s) {', '.join(unknown)}" if unknown else "no 'term' column"
        raise GlossaryError(E201, f"{path}:1", f"{problem}; the columns are {', '.join(COLUMNS)}")
    terms = []
    line = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            terms.append(_row_term(dict(zip(header, row)), path, line))
        line = reader.line_num + 1
    return terms


def _row_term(row: dict[str, str], path: Path, line: int) -> Term:
    mapping: dict[str, object] = {_LINE_KEY: line}
    for name, cell in row.items():
        if not name:
            continue
        value = cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell
        mapping[name] = _column_value(name, value, path, line)
    return term_from_mapping(mapping, path, path.stem, {})


def _column_value(name: str, value: str, path: Path, line: int) -> object:
    if name == "common_word":
        folded = value.strip().casefold()
        if folded not in _TRUE | _FALSE:
            raise GlossaryError(E201, f"{path}:{line}", "'common_word' should be yes or empty")
        return folded in _TRUE
    if name in ("agreed_on", "review_by"):
        match = _UK_DATE.match(value.strip())
        if match:
            day, month, year = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return value
