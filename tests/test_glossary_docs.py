"""The glossary format page: its example reads, and it names every field and category."""

from __future__ import annotations

import re
from pathlib import Path

from plainspeak.glossary.dump import FIELD_ORDER
from plainspeak.glossary.load import read_glossary_file
from plainspeak.glossary.model import CATEGORIES

PAGE = Path(__file__).resolve().parents[1] / "docs" / "glossary-format.md"


def test_example_is_a_valid_glossary(tmp_path: Path) -> None:
    example = re.search(r"```yaml\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S).group(1)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    glossary_id, terms, _ = read_glossary_file(path)
    assert (glossary_id, [(t.term, t.scope) for t in terms]) == (
        "care-budget-group", [("virement", ""), ("ASC", "adult social care"), ("ASC", "autism")])
    assert terms[0].source == "Budget group meeting, 12 March 2026"
    assert terms[1].source == "Adult Care Budget Group"


def test_every_field_and_category_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert [f for f in FIELD_ORDER if f"| `{f}` |" not in text] == []
    assert ",".join(FIELD_ORDER) in text
    assert [c for c in CATEGORIES if c not in text] == []
