"""CSV export and import: byte-for-byte stable, lossless, kind to Excel."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from plainspeak.errors import GlossaryError
from plainspeak.glossary.csvio import COLUMNS, csv_text, read_csv, write_csv
from plainspeak.glossary.load import load_glossary_set
from plainspeak.glossary.model import Status, Term

AWKWARD = [
    Term(term="virement", definition='Moving money, "quietly", from one budget to another.',
         aliases=("virements", "budget transfer"), say_instead="moving money",
         explanation="First line, with a comma.\nSecond line: £2.5m moved.\n\nAfter a blank line.",
         category="budget", status=Status.AGREED, agreed_by=("Zoë Ní Bhriain", "Sam O'Neill"),
         agreed_on="2026-03-12", review_by="2027-03-12", source="Budget group, March",
         notes="Café costs; not the 'main' budget."),
    Term(term="CQC", expansion="Care Quality Commission", definition="The body that inspects care.",
         category="health", scope="England", common_word=False),
    Term(term="=SUM", definition="-5% is a cut; @ and + also start formulas.",
         example="+1 more", notes="@here"),
    Term(term="balances", definition="Money held back.", common_word=True),
    Term(term="empty", definition="Only a definition."),
]


def _export_import_export(terms: list[Term], tmp_path: Path) -> tuple[str, list[Term], str]:
    path = tmp_path / "glossary.csv"
    write_csv(terms, path)
    first = path.read_bytes()
    back = read_csv(path)
    write_csv(back, path)
    return first.decode("utf-8"), back, path.read_bytes().decode("utf-8")


def _plain(term: Term) -> Term:
    return replace(term, glossary="", origin=None)


def test_round_trip_is_byte_for_byte_stable(tmp_path: Path) -> None:
    first, _, second = _export_import_export(AWKWARD, tmp_path)
    assert first == second


def test_round_trip_loses_nothing(tmp_path: Path) -> None:
    _, back, _ = _export_import_export(AWKWARD, tmp_path)
    assert [_plain(t) for t in back] == [_plain(t) for t in AWKWARD]


def test_shipped_glossaries_round_trip(tmp_path: Path) -> None:
    terms = load_glossary_set().terms
    first, back, second = _export_import_export(terms, tmp_path)
    assert first == second
    assert [_plain(t) for t in back] == [_plain(t) for t in terms]


def test_file_starts_with_bom_and_fixed_header(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    write_csv(AWKWARD[:1], path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n")[0] == b"\xef\xbb\xbf" + ",".join(COLUMNS).encode()


def test_exact_text_lists_joined_quotes_doubled_formulas_guarded() -> None:
    lines = csv_text(AWKWARD).split("\r\n")
    assert lines[1] == (
        'virement,,virements; budget transfer,"Moving money, ""quietly"", from one budget to another.",'
        '"First line, with a comma.\nSecond line: £2.5m moved.\n\nAfter a blank line.",moving money,,'
        "budget,,agreed,Zoë Ní Bhriain; Sam O'Neill,2026-03-12,2027-03-12,\"Budget group, March\","
        "Café costs; not the 'main' budget.,")
    assert lines[2] == "CQC,Care Quality Commission,,The body that inspects care.,,,,health,England,proposed,,,,,,"
    assert lines[3] == ("'=SUM,,,'-5% is a cut; @ and + also start formulas.,,,'+1 more,general,,"
                        "proposed,,,,,'@here,")
    assert lines[4] == "balances,,,Money held back.,,,,general,,proposed,,,,,,yes"
    assert lines[5:] == ["empty,,,Only a definition.,,,,general,,proposed,,,,,,", ""]


def test_streams_text_and_binary() -> None:
    as_text, as_bytes = io.StringIO(), io.BytesIO()
    write_csv(AWKWARD, as_text)
    write_csv(AWKWARD, as_bytes)
    assert as_bytes.getvalue() == as_text.getvalue().encode("utf-8") == csv_text(AWKWARD).encode("utf-8")


def test_reads_what_excel_writes_back(tmp_path: Path) -> None:
    path = tmp_path / "from-excel.csv"
    rows = ("term,definition,agreed_by,agreed_on,status,common_word,category\r\n"
            "precept,A charge added to council tax.,Ann Lee;Bo Chen,31/03/2026,agreed,TRUE,budget\r\n"
            ",,,,,,\r\n")
    path.write_bytes(rows.encode("cp1252"))
    (term,) = read_csv(path)
    assert (term.term, term.agreed_by, term.agreed_on, term.common_word, term.status) == (
        "precept", ("Ann Lee", "Bo Chen"), "2026-03-31", True, Status.AGREED)
    assert term.glossary == "from-excel" and str(term.origin).endswith("from-excel.csv:2")


def test_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("term,definition\r\nfine,Good.\r\n\"two\r\nlines\",Also good.\r\nnodef,\r\n",
                    encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_csv(path)
    assert caught.value.subject == f"{path}:5"
    assert caught.value.detail == "'nodef' has no definition"


def test_unknown_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("term,definition,meaning\r\nx,y,z\r\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_csv(path)
    assert caught.value.subject == f"{path}:1"
    assert caught.value.detail.startswith("unknown column(s) meaning; the columns are term, expansion")


def test_semicolon_inside_a_list_item_is_refused() -> None:
    with pytest.raises(GlossaryError, match="separates items"):
        csv_text([Term(term="x", definition="y", aliases=("a; b",))])


def test_csv_glossary_layers_like_yaml(tmp_path: Path) -> None:
    path = tmp_path / "ours.csv"
    write_csv([Term(term="virement", definition="Our words.", category="budget")], path)
    glossaries = load_glossary_set([path])
    (found,) = glossaries.lookup("virement")
    assert found.definition == "Our words." and found.glossary == "ours"
    assert [c.key for c in glossaries.conflicts] == ["virement"]


def test_a_csv_cell_past_the_size_limit_and_a_date_not_in_the_calendar_are_errors_at_their_line(tmp_path) -> None:
    from plainspeak.errors import GlossaryError
    from plainspeak.glossary.csvio import read_csv

    huge = tmp_path / "huge.csv"
    huge.write_text("term,definition\nvirement," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid CSV"):
        read_csv(huge)
    dated = tmp_path / "dated.csv"
    dated.write_text("term,definition,agreed_on\nvirement,Moving money.,30/02/2026\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_csv(dated)
    assert caught.value.subject == f"{dated}:2" and "should be a date" in caught.value.detail
