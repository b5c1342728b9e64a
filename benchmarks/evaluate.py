"""Run every accuracy measurement against gold annotations, one after another.

Usage: python benchmarks/evaluate.py [--model NAME_OR_PATH]

1. the trained pipeline on the UD English EWT test set (UPOS, LAS, lemmas,
   sentences) — ``spacy evaluate`` on the test set that ``models/train.py
   convert`` writes (converted first if it is not there), once with the
   treebank's own paragraphs as docs and once ten sentences to a doc;
2. in-text definitions on Ab3P MED1250 (and SDU legal acronyms) —
   ``eval_definitions.py``;
3. undefined terms, acronyms and false flags on ``../shared/corpus/dev`` —
   ``eval_terms.py``;
4. hard passages and the Easy Read control on the same papers —
   ``eval_readability.py``.

Each script prints its own figures and targets; this one runs them in turn and
says which could not run (for example when ``../shared`` is absent).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "models"))

from train import corpus_file  # noqa: E402 - the converted files are named in one place

TEST_SET = corpus_file("test")  # one doc per paragraph
TEST_SET_TEN = corpus_file("test", "ten-sentences")


def steps(model: str | None) -> list[tuple[str, list[str]]]:
    with_model = ["--model", model] if model else []
    pipeline = model or str(REPO / "models" / "en_plainspeak_ewt")
    convert = [] if TEST_SET.is_file() and TEST_SET_TEN.is_file() else [
        ("Convert the EWT treebank", [str(REPO / "models" / "train.py"), "convert"])]
    return convert + [
        ("Trained pipeline on the EWT test set, paragraphs as docs",
         ["-m", "spacy", "evaluate", pipeline, str(TEST_SET)]),
        ("The same, ten sentences to a doc", ["-m", "spacy", "evaluate", pipeline, str(TEST_SET_TEN)]),
        ("Definitions: Ab3P MED1250 and SDU legal", [str(HERE / "eval_definitions.py")]),
        ("Undefined terms on corpus/dev", [str(HERE / "eval_terms.py"), *with_model]),
        ("Hard passages on corpus/dev", [str(HERE / "eval_readability.py"), *with_model]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path (default: the shipped one)")
    args = parser.parse_args(argv)
    failed = []
    for title, command in steps(args.model):
        print(f"\n=== {title} ===", flush=True)
        done = subprocess.run([sys.executable, *command], cwd=REPO)
        if done.returncode != 0:
            failed.append(title)
    if failed:
        print("\nCould not run: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
