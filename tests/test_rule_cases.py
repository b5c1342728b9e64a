"""Every rule's pass/fail cases from ``tests/rules/<CODE>.yaml``, run one by one.

A rule with no case file fails here: a rule nobody has shown to pass and fail
is not done.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plainspeak.engine import check_paper
from plainspeak.glossary.load import layer, load_glossary_set, term_from_mapping
from plainspeak.rules import all_rules
from plainspeak.settings import Settings
from tests.helpers import blank_nlp, paper_from_text

CASES_DIR = Path(__file__).parent / "rules"
# Rules about the file itself (no text layer, unreadable glyphs) are shown by the loader tests.
FILE_RULES = {"PS901", "PS902", "PS903", "PS904"}


def _case_files() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES_DIR.glob("PS*.yaml"))}


def _cases() -> list:
    params = []
    for code, data in _case_files().items():
        for index, case in enumerate(data.get("cases", [])):
            marks = [] if case.get("model") == "blank" else [pytest.mark.slow]
            params.append(pytest.param(code, case, id=f"{code}-{index}", marks=marks))
    return params


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.code not in FILE_RULES], ids=lambda r: r.code)
def test_every_rule_has_cases(rule) -> None:
    data = _case_files().get(rule.code)
    assert data is not None, f"{rule.code} has no tests/rules/{rule.code}.yaml"
    flags = [bool(case.get("flags")) for case in data["cases"]]
    assert True in flags and False in flags, f"{rule.code} needs passing and failing cases"


def _glossaries(case: dict):
    base = load_glossary_set()
    extra = [term_from_mapping(raw, Path("case.yaml"), "case", {}) for raw in case.get("glossary", [])]
    if not extra:
        return base
    return layer([("shipped", base.terms, base.alternatives), ("case", extra, [])])


@pytest.mark.parametrize("code, case", _cases())
def test_rule_case(code: str, case: dict) -> None:
    settings = Settings(select={code}, rule_options={code: case.get("options", {})})
    settings.ignore = {r.code for r in all_rules() if r.code != code}
    paper = paper_from_text(case["text"])
    nlp = None
    if case.get("model") == "blank":
        from plainspeak.nlp.pipeline import add_components

        nlp = add_components(blank_nlp(), settings, _glossaries(case))
    result = check_paper(paper, settings, _glossaries(case), nlp=nlp)
    flagged = [f.text for f in result.findings if f.code == code]
    assert flagged == case["flags"], "\n".join(f.message for f in result.findings)
