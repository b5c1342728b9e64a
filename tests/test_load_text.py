"""Plain text and Markdown loading, and the decoding of their bytes."""

from __future__ import annotations

import pytest

from plainspeak.loaders import load
from plainspeak.loaders.clean import clean_text
from plainspeak.paper import BlockKind, Place

H, P, L, C = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL

PAPER = """1.2.2 FINANCIAL PERFORMANCE

The trust reported a deficit
against its plan.

\u2022 cut agency spending
  and overtime
  - in surgery
\u2022 review contracts
a) first option

SUMMARY

Short line without stop
"""


def blocks(path) -> list[tuple]:
    return [(b.kind, b.text, b.level, b.place) for b in load(path).blocks]


def test_text_paragraphs_lists_and_headings(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text(PAPER, encoding="utf-8")
    assert blocks(path) == [
        (H, "1.2.2 FINANCIAL PERFORMANCE", 3, Place(1, line=1)),
        (P, "The trust reported a deficit against its plan.", 0, Place(2, line=3)),
        (L, "cut agency spending and overtime", 1, Place(3, line=6)),
        (L, "in surgery", 2, Place(4, line=8)),
        (L, "review contracts", 1, Place(5, line=9)),
        (L, "a) first option", 1, Place(6, line=10)),
        (H, "SUMMARY", 1, Place(7, line=12)),
        (P, "Short line without stop", 0, Place(8, line=14)),
    ]
    paper = load(path)
    second = paper.blocks[1]
    assert second.source.line_starts == (0, 29)
    assert second.line_at(30) == 4
    assert paper.text[second.start:second.end] == second.text
    assert second.section == "1.2.2 FINANCIAL PERFORMANCE"
    assert paper.title == "1.2.2 FINANCIAL PERFORMANCE"


@pytest.mark.parametrize(("data", "expected"), [
    ("Budget £5m – agreed".encode("utf-8"), "Budget £5m – agreed"),
    (b"\xef\xbb\xbfBudget \xc2\xa35m", "Budget £5m"),
    ("Budget £5m".encode("utf-16"), "Budget £5m"),
    ("Budget £5m".encode("utf-16-le"), "Budget £5m"),
    # No byte-order mark and only ASCII: valid UTF-8 too, with a NUL between each letter.
    ("Budget 5m agreed".encode("utf-16-le"), "Budget 5m agreed"),
    ("Budget 5m agreed".encode("utf-16-be"), "Budget 5m agreed"),
    (b"Budget \xa35m \x96 agreed", "Budget £5m – agreed"),
    ("\u0645\u0631\u062d\u0628\u0627 \U0001F44D\u200d\U0001F3FD".encode(), "\u0645\u0631\u062d\u0628\u0627 \U0001F44D\u200d\U0001F3FD"),
])
def test_encodings(tmp_path, data, expected):
    path = tmp_path / "enc.txt"
    path.write_bytes(data)
    assert [b.text for b in load(path).blocks] == [expected]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_line_ending_ends_a_line(tmp_path, ending):
    # Bare CRs (old Mac exports) became spaces: the whole file was one block, a Markdown one a heading.
    text = ending.join(["# Budget update", "", "The virement was agreed.", "", "The precept rose."]) + ending
    for name in ("paper.txt", "paper.md"):
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        paper = load(path)
        assert [(b.kind.value, b.text, b.place.line) for b in paper.blocks][-2:] == [
            ("paragraph", "The virement was agreed.", 3), ("paragraph", "The precept rose.", 5)]


def test_control_characters_are_cleaned(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"page one\x0cpage\x00 two\xc2\xa0end\r\nnext")
    assert [b.text for b in load(path).blocks] == ["page one page two end next"]


def test_clean_text_reports_which_characters_survive():
    assert clean_text("a\x00b\ud800\ufeffc") == ("ab\ufffdc", [0, 2, 3, 5])
    assert clean_text("plain") == ("plain", None)


def test_markdown_structure(tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(
        "# Annual *report*\n\nThe board met\nin May.\n\n- first\n  - nested [link](x)\n\n"
        "```\ncode is left out\n```\n\n| Item | Cost |\n|---|---|\n| Beds | £2m |\n\n## Next\n",
        encoding="utf-8",
    )
    assert blocks(path) == [
        (H, "Annual report", 1, Place(1, line=1)),
        (P, "The board met in May.", 0, Place(2, line=3)),
        (L, "first", 1, Place(3, line=6)),
        (L, "nested link", 2, Place(4, line=7)),
        (C, "Item", 0, Place(5, line=13, table=1, row=1, cell=1)),
        (C, "Cost", 0, Place(6, line=13, table=1, row=1, cell=2)),
        (C, "Beds", 0, Place(7, line=15, table=1, row=2, cell=1)),
        (C, "£2m", 0, Place(8, line=15, table=1, row=2, cell=2)),
        (H, "Next", 2, Place(9, line=17)),
    ]
    assert load(path).blocks[1].source.line_starts == (0, 14)


def test_markdown_named_txt_is_plain_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("# Not a heading here\n", encoding="utf-8")
    assert load(path).format == "text"


def test_deeply_nested_markdown_lists_load(tmp_path):
    lines = [" " * (2 * depth) + f"- level {depth}" for depth in range(200)]
    path = tmp_path / "deep.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    paper = load(path)
    assert paper.blocks[0].text == "level 0"
    assert "level 199" in paper.text


def test_markdown_nested_past_recursion_is_e107(tmp_path):
    from plainspeak.errors import InputError

    path = tmp_path / "abyss.md"
    path.write_text(">" * 3000 + " quote", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.kind.code == "E107"


# Word's "Save as plain text": a paragraph on each line, nothing between them.
SAVED_FROM_WORD = "\r\n".join([
    "BUDGET MONITORING",
    "The council agreed the budget for adult social care in February, after the consultation with "
    "residents closed, and set aside money for the winter.",
    "Spending rose.",
    "The cabinet will look at the plan again in June, when the figures for the first quarter of the "
    "year are known and the board has met.",
    "Primary care | £907.8m",
]) + "\r\n"

# A wrapped paper: a line that stops short may end a paragraph or may not (a quoted
# reply, a hand-wrapped line), so only blank lines part its paragraphs.
WRAPPED = """The council agreed the budget for adult
social care in February.
The cabinet will look at the plan again
in June, when the figures are known.

> The consultation with
> residents closed in May.
"""


def test_a_paper_with_a_paragraph_on_each_line_has_a_block_for_each(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(SAVED_FROM_WORD.encode("utf-8"))
    found = blocks(path)
    assert [(kind, text[:20], place.line) for kind, text, _, place in found] == [
        (P, "BUDGET MONITORING", 1),  # no blank line after it: a heading only by its looks
        (P, "The council agreed t", 2),
        (P, "Spending rose.", 3),
        (P, "The cabinet will loo", 4),
        (P, "Primary care | £907.", 5),
    ]


def test_a_wrapped_paper_keeps_its_lines_together_between_blank_lines(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    assert [(kind, text, place.line) for kind, text, _, place in blocks(path)] == [
        (P, "The council agreed the budget for adult social care in February. The cabinet will "
            "look at the plan again in June, when the figures are known.", 1),
        (P, "> The consultation with > residents closed in May.", 6),
    ]


def test_on_a_paper_with_a_paragraph_on_each_line_an_indented_line_carries_on(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(SAVED_FROM_WORD.replace("\r\nSpending rose.", "\r\n    Spending rose."), encoding="utf-8")
    assert [text for _, text, _, _ in blocks(path)][1].endswith("for the winter. Spending rose.")


def test_a_paper_saved_from_word_is_not_one_long_paragraph(tmp_path, blank_model):
    from plainspeak.engine import check_path
    from plainspeak.settings import Settings

    path = tmp_path / "saved.txt"
    more = "".join(f"Item {number} was noted.\r\n" for number in range(1, 9))
    path.write_bytes((SAVED_FROM_WORD + more).encode("utf-8"))
    result = check_path(str(path), Settings(model=blank_model, isolate=False))
    assert result.error is None
    assert result.summary["blocks"] == 13
    assert [f.code for f in result.findings if f.code == "PS205"] == []  # 13 paragraphs, none long


@pytest.mark.parametrize(("text", "running", "prose"), [
    ("Primary care | £907.8m", True, False),  # a flattened table row: its words are read, its wording not judged
    ("Annual Report 2024/25", False, False),  # a title line, with or without its year
    ("Annual Report", False, False),
    ("Spending on care rose by £4.2m in 2024.", True, True),
    ("Primary care|£907.8m|£950.1m", True, False),  # a compact row is a table too
])
def test_figures_do_not_make_a_line_a_title(text, running, prose):
    from plainspeak.paper import Block
    from plainspeak.terms.uses import is_prose, is_running_text

    block = Block(P, text, Place(1))
    assert (is_running_text(block), is_prose(block)) == (running, prose)


SECTIONS = """Brackenford Winter Plan 2026

1. Introduction

Winter brings more demand for care at home.

1.1 Services in Scope

Every service that sees more demand in winter has a plan.

2. Risks and mitigations

2.1 Staffing

The group is asked to:

1. Note the plan

2. Agree the actions

The priorities are set out below.

1. Community pathways
2. Urgent care

3. The council will review the plan in March.

4. Funding and budgets

5. Adverse Weather Preparedness

Snow and ice plans are ready.
"""


def test_numbered_section_lines_are_headings_and_numbered_lists_stay_lists(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SECTIONS, encoding="utf-8")
    paper = load(path)
    assert [(b.kind, b.text, b.level) for b in paper.blocks] == [
        (P, "Brackenford Winter Plan 2026", 0),
        (H, "1. Introduction", 1),
        (P, "Winter brings more demand for care at home.", 0),
        (H, "1.1 Services in Scope", 2),
        (P, "Every service that sees more demand in winter has a plan.", 0),
        (H, "2. Risks and mitigations", 1),  # followed at once by its first sub-heading
        (H, "2.1 Staffing", 2),
        (P, "The group is asked to:", 0),
        (L, "1. Note the plan", 1),  # opened by a colon
        (L, "2. Agree the actions", 1),  # follows a numbered item
        (P, "The priorities are set out below.", 0),
        (L, "1. Community pathways", 1),  # followed by a numbered item
        (L, "2. Urgent care", 1),
        (L, "3. The council will review the plan in March.", 1),  # a sentence
        (L, "4. Funding and budgets", 1),  # follows a numbered item, and is followed by one
        (L, "5. Adverse Weather Preparedness", 1),
        (P, "Snow and ice plans are ready.", 0),
    ]
    assert [b.section for b in paper.blocks][2:8] == [
        "1. Introduction", "1. Introduction", "1.1 Services in Scope", "1.1 Services in Scope",
        "2. Risks and mitigations", "2.1 Staffing"]
    assert paper.title == "Brackenford Winter Plan 2026"
    assert paper.text.startswith("Brackenford Winter Plan 2026\n\n1. Introduction\n\nWinter brings")


def test_a_section_line_after_body_text_is_a_heading(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Winter is hard.\n\n5. Adverse Weather Preparedness\n\nSnow and ice plans are ready.\n",
                    encoding="utf-8")
    assert [(b.kind, b.level) for b in load(path).blocks] == [(P, 0), (H, 1), (P, 0)]


@pytest.mark.parametrize(("text", "title"), [
    ("Adult Social Care Budget 2026\n\n1.1 Services in Scope\n\nText.\n", "Adult Social Care Budget 2026"),
    ("The council met on Monday and agreed the plan.\n\n1.1 Services in Scope\n\nText.\n", "1.1 Services in Scope"),
    ("Date: 4 February 2026\n\n1.1 Services in Scope\n\nText.\n", "1.1 Services in Scope"),
    ("A first paragraph that wraps\nonto a second line\n\n1.1 Services in Scope\n\nText.\n", "1.1 Services in Scope"),
])
def test_the_title_is_a_lone_first_line_shaped_like_one_else_the_first_heading(tmp_path, text, title):
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    assert load(path).title == title
