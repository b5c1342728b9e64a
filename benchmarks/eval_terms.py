"""Score the term rules on the real papers in ``../shared/corpus/dev``.

Run from the repository root::

    python benchmarks/eval_terms.py [--shared ../shared] [--model PATH|blank] [--show]

How a finding matches a gold term: both are reduced to matching keys
(:func:`plainspeak.terms.normalise.text_key`: case folded, plural and
British/American spelling folded, hyphens joined), then they match when the
keys are equal or one is a whole-word run inside the other ("CCB" matches
"Wharfedale CCB"; "surge modelling" matches "surge modelling capacity").

- Recall: gold ``undefined_terms`` matched by a PS101, PS102 or PS104
  finding, overall and for ``kind: acronym``.
- False flags: gold ``defined_terms`` explained at or before first use, and
  ``not_jargon`` items, that a PS101, PS102, PS103 or PS104 finding matches
  (for ``not_jargon``, a finding inside the item counts too).
- The Easy Read control (``10_*``): the number of PS1xx findings.

The papers are read from ``../shared`` at run time and never copied.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plainspeak.engine import check_paper, load_glossaries  # noqa: E402
from plainspeak.settings import Settings  # noqa: E402
from plainspeak.terms.normalise import text_key  # noqa: E402

FLAG_CODES = {"PS101", "PS102", "PS104"}
FALSE_FLAG_CODES = FLAG_CODES | {"PS103"}
TERM_MODULES = ("plainspeak.nlp.glossary_matcher", "plainspeak.nlp.definitions", "plainspeak.nlp.candidates")


def key(text: str) -> tuple[str, ...]:
    return tuple(text_key(text).lower().replace("=", "").split())


def inside(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def matches(flag: str, gold: str) -> bool:
    a, b = key(flag), key(gold)
    return a == b or inside(a, b) or inside(b, a)


def build_nlp(model: str | None, settings: Settings, glossaries):
    from plainspeak.nlp.pipeline import add_components

    if model == "blank":
        import spacy

        from plainspeak.nlp.tokenizer import customise_tokenizer

        nlp = spacy.blank("en")
        customise_tokenizer(nlp)
        nlp.add_pipe("sentencizer")
        # Only the term components: the others may need a parser a blank pipeline lacks.
        for module in TERM_MODULES:
            importlib.import_module(module).add_to(nlp, settings, glossaries)
        return nlp
    from plainspeak.nlp.model import load_pipeline

    return add_components(load_pipeline(model), settings, glossaries)


def evaluate(shared: Path, model: str | None, show: bool) -> None:
    import plainspeak

    settings = Settings(isolate=False)
    glossaries = load_glossaries(settings)
    nlp = build_nlp(model, settings, glossaries)
    totals = {"gold": 0, "hit": 0, "acr": 0, "acr_hit": 0, "clean": 0, "false": 0}
    for gold_path in sorted((shared / "corpus/dev").glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        paper = plainspeak.load(str(gold_path.with_name(stem + ".txt")))
        result = check_paper(paper, settings, glossaries, nlp=nlp)
        flags = [f for f in result.findings if f.code in FLAG_CODES]
        row = _score_paper(gold, flags, [f for f in result.findings if f.code in FALSE_FLAG_CODES], totals, show)
        terms = [f for f in result.findings if f.code.startswith("PS1")]
        print(f"{stem}: undefined recall {row[0]}/{row[1]}, acronyms {row[2]}/{row[3]}, "
              f"false flags {row[4]}/{row[5]}, term findings {len(terms)}")
        if stem.startswith("10_"):
            print(f"  Easy Read control: {len(terms)} term findings (target <= 6)")
    pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
    print(f"Undefined terms recall: {pct(totals['hit'], totals['gold']):.1f}% "
          f"({totals['hit']}/{totals['gold']}; target >= 75)")
    print(f"Undefined acronyms recall: {pct(totals['acr_hit'], totals['acr']):.1f}% "
          f"({totals['acr_hit']}/{totals['acr']}; target >= 95)")
    print(f"False flags on defined terms and not_jargon: {pct(totals['false'], totals['clean']):.1f}% "
          f"({totals['false']}/{totals['clean']}; target <= 5)")


def _score_paper(gold: dict, flags: list, strict: list, totals: dict, show: bool) -> tuple[int, ...]:
    hit = acr = acr_hit = 0
    for item in gold["undefined_terms"]:
        found = any(matches(f.text, item["term"]) or matches(f.term or "", item["term"]) for f in flags)
        hit += found
        if item["kind"] == "acronym":
            acr += 1
            acr_hit += found
        if show and not found:
            print(f"    missed: {item['term']} ({item['kind']})")
    clean = [d["term"] for d in gold["defined_terms"] if not d.get("defined_after_first_use")]
    wrong = [c for c in clean if any(matches(f.text, c) for f in strict)]
    wrong += [n for n in gold["not_jargon"] if any(key(f.text) == key(n) or inside(key(f.text), key(n)) for f in strict)]
    if show:
        for item in wrong:
            print(f"    false flag: {item}")
        for f in flags:
            if not any(matches(f.text, i["term"]) for i in gold["undefined_terms"]):
                print(f"    extra {f.code}: {f.text}")
    total_clean = len(clean) + len(gold["not_jargon"])
    totals.update(gold=totals["gold"] + len(gold["undefined_terms"]), hit=totals["hit"] + hit,
                  acr=totals["acr"] + acr, acr_hit=totals["acr_hit"] + acr_hit,
                  clean=totals["clean"] + total_clean, false=totals["false"] + len(wrong))
    return hit, len(gold["undefined_terms"]), acr_hit, acr, len(wrong), total_clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--model", default=None, help="a pipeline path, or 'blank'")
    parser.add_argument("--show", action="store_true", help="list misses, extras and false flags")
    args = parser.parse_args()
    evaluate(args.shared, args.model, args.show)


if __name__ == "__main__":
    main()
