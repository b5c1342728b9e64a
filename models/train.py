"""Train, package and score en_plainspeak_ewt from UD English EWT.

Run from the repository root:

    python models/train.py all          # every stage below, in order
    python models/train.py convert      # CoNLL-U -> models/build/corpus/*.spacy
    python models/train.py vectors      # spacy-lookups-data -> models/build/vectors
    python models/train.py train        # models/config.cfg -> models/build/run/model-best
    python models/train.py package      # model-best -> models/en_plainspeak_ewt (+ meta)
    python models/train.py evaluate     # EWT test set -> meta.json performance
    python models/train.py lemmatizers  # trained vs rule lemmatizer on the test set

Everything the stages write apart from the final pipeline stays under the
git-ignored ``models/build/``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import spacy
from thinc.api import Config
from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_loop
from spacy.util import load_config, registry

MODELS = Path(__file__).resolve().parent
REPO = MODELS.parent
sys.path.insert(0, str(REPO))  # so a checkout can train without installing plainspeak

from plainspeak.nlp.model import use_numpy_blas  # noqa: E402
from plainspeak.nlp.tokenizer import customise_tokenizer  # noqa: E402

sys.path.insert(0, str(MODELS))
from vectors import write_vectors  # noqa: E402

TREEBANK = REPO.parent / "shared" / "data" / "ud-english-ewt"
BUILD = MODELS / "build"
CORPUS = BUILD / "corpus"
RUN = BUILD / "run"
VECTORS = BUILD / "vectors"
PIPELINE = MODELS / "en_plainspeak_ewt"
SPLITS = ("train", "dev", "test")
# Two ways to cut the treebank into docs. "paragraphs" follows its own paragraph
# marks (# newpar, # newdoc), as its raw text has them and as plainspeak gives the
# pipeline one block of a paper at a time. "ten-sentences" runs ten sentences
# together whatever the paragraphs, so every boundary must come from the words.
GROUPINGS = ("paragraphs", "ten-sentences")
SENTENCES_PER_DOC = 10
HEADLINE = ("token_acc", "pos_acc", "tag_acc", "morph_acc", "dep_uas", "dep_las",
            "sents_p", "sents_r", "sents_f", "lemma_acc")

META = {
    "lang": "en",
    "name": "plainspeak_ewt",
    "version": "0.1.0",
    "description": (
        "plainspeak's English pipeline: CNN tok2vec, tagger (XPOS), morphologizer "
        "(UPOS and features), dependency parser (also sentence boundaries) and a "
        "trained edit-tree lemmatizer, with tokenizer rules for council and NHS "
        "meeting papers. Trained on UD English EWT; its static vectors hold the "
        "Brown clusters and lemma patterns of spacy-lookups-data."
    ),
    "author": "plainspeak contributors",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0",
        },
        {
            "name": "spacy-lookups-data: English Brown clusters, word probabilities, lemma lookup",
            "url": "https://github.com/explosion/spacy-lookups-data",
            "license": "MIT (the lemma lookup from WordNet 3.0, under the WordNet licence)",
        },
    ],
}


def corpus_file(split: str, grouping: str = "paragraphs") -> Path:
    suffix = "" if grouping == "paragraphs" else f"-{grouping}"
    return CORPUS / f"en_ewt-ud-{split}{suffix}.spacy"


def convert() -> None:
    """Convert the CoNLL-U splits to paragraph docs, and test also ten sentences to a doc.

    Multiword tokens keep their UD words ("do n't").
    """
    CORPUS.mkdir(parents=True, exist_ok=True)
    both = DocBin(store_user_data=False)  # the shipped pipeline trains on train and dev together
    for split in SPLITS:
        conllu = (TREEBANK / f"en_ewt-ud-{split}.conllu").read_text(encoding="utf-8")
        # Only the test set is scored both ways; training and its dev scores use paragraphs.
        for grouping in GROUPINGS if split == "test" else ("paragraphs",):
            chunks = paragraphs(conllu) if grouping == "paragraphs" else [(conllu, SENTENCES_PER_DOC)]
            docs = DocBin(store_user_data=False)
            for chunk, sentences in chunks:
                for doc in conllu_to_docs(chunk, n_sents=sentences, no_print=True):
                    docs.add(doc)
            docs.to_disk(corpus_file(split, grouping))
            print(f"{split}, {grouping}: {len(docs)} docs")
            if grouping == "paragraphs" and split in ("train", "dev"):
                both.merge(docs)
    both.to_disk(corpus_file("train-dev"))
    print(f"train-dev, paragraphs: {len(both)} docs")


def paragraphs(conllu: str) -> list[tuple[str, int]]:
    """Each paragraph's CoNLL-U text and its number of sentences.

    A paragraph starts at a ``# newpar`` or ``# newdoc`` comment.
    """
    chunks: list[list[str]] = []
    for sentence in conllu.strip().split("\n\n"):
        comments = [line for line in sentence.splitlines() if line.startswith("#")]
        if not chunks or any(c.startswith(("# newpar", "# newdoc")) for c in comments):
            chunks.append([])
        chunks[-1].append(sentence)
    return [("\n\n".join(chunk) + "\n\n", len(chunk)) for chunk in chunks]


def train(overrides: dict[str, object], output: Path = RUN,
          config_path: Path = MODELS / "config.cfg") -> None:
    """Train with the meeting-paper tokenizer in place, so it is saved with the model.

    The shipped pipeline learns from train and dev together, 12 % more text than
    train alone; the dev scores printed while it trains then show only how well it
    fits. ``--set paths.train=models/build/corpus/en_ewt-ud-train.spacy`` trains on
    train alone, for dev scores that mean something when comparing settings.
    The matrix products go through numpy's BLAS, as plainspeak runs the pipeline.
    """
    config = load_config(
        config_path,
        overrides={
            "paths.train": str(corpus_file("train-dev")),
            "paths.dev": str(corpus_file("dev")),
            "paths.vectors": str(VECTORS),
            **overrides,
        },
        interpolate=False,
    )
    nlp = init_nlp(config, use_gpu=-1)
    customise_tokenizer(nlp)
    use_numpy_blas(nlp)
    output.mkdir(parents=True, exist_ok=True)
    train_loop(nlp, output, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)


def package(source: Path) -> None:
    """Copy the best model to models/ with the project's meta and tokenizer rules."""
    nlp = spacy.load(source)
    # Rebuild the tokenizer from spaCy's English defaults plus the current rules, so
    # the shipped rules are exactly today's even if they changed after training.
    nlp.tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    customise_tokenizer(nlp)
    nlp.meta.update(META)
    nlp.meta.pop("performance", None)
    nlp.to_disk(PIPELINE)
    # The corpus paths are this machine's build files; the shipped config should not name them.
    config_path = PIPELINE / "config.cfg"
    config = Config().from_disk(config_path, interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config["paths"]["vectors"] = None  # loaded from the vocab; only training reads the build
    config.to_disk(config_path)


def evaluate() -> dict[str, object]:
    """Score the packaged pipeline on EWT test from raw text and record it in meta.json.

    ``performance`` holds the scores with the treebank's paragraphs as docs;
    ``performance_ten_sentences`` the headline scores with ten sentences to a doc.
    """
    BUILD.mkdir(parents=True, exist_ok=True)
    scores = {}
    for grouping in GROUPINGS:
        output = BUILD / f"test-metrics-{grouping}.json"
        _spacy_cli("evaluate", str(PIPELINE), str(corpus_file("test", grouping)),
                   "--output", str(output))
        scores[grouping] = json.loads(output.read_text(encoding="utf-8"))
    meta_path = PIPELINE / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = {k: v for k, v in scores["paragraphs"].items() if k != "speed"}
    meta["performance"]["evaluated_on"] = (
        "UD English EWT test, raw text one paragraph to a doc, own tokenizer")
    meta["performance_ten_sentences"] = {
        k: scores["ten-sentences"][k] for k in HEADLINE if k in scores["ten-sentences"]}
    meta["benchmark"] = benchmark()
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return scores["paragraphs"]


def benchmark() -> dict[str, object]:
    """One-core words per second and load time, from benchmarks/model_speed.py."""
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "model_speed.py"), "--model", str(PIPELINE)],
        check=True, capture_output=True, text=True,
    )
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    return {
        "words_per_second_one_core": float(figures["words_per_second"]),
        "load_seconds": float(figures["load_seconds_median"]),
        "text": "UD English EWT test, raw sentences ten to a text",
        "matrix_products": figures["matrix products"],  # numpy BLAS, as plainspeak runs it
    }


def compare_lemmatizers() -> None:
    """Score the trained lemmatizer against spaCy's rule lemmatizer on EWT test."""
    variant = BUILD / "rule-lemmatizer"
    nlp = spacy.load(PIPELINE)
    nlp.remove_pipe("trainable_lemmatizer")
    # The rule lemmatizer reads UPOS, which the morphologizer sets.
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.initialize()  # loads the English tables from spacy-lookups-data
    nlp.to_disk(variant)
    for name, path in (("trainable_lemmatizer", PIPELINE), ("rule lemmatizer", variant)):
        output = BUILD / f"lemma-{path.name}.json"
        _spacy_cli("evaluate", str(path), str(corpus_file("test")), "--output", str(output))
        lemma_acc = json.loads(output.read_text(encoding="utf-8"))["lemma_acc"]
        print(f"{name}: lemma_acc {lemma_acc:.4f}")


def _spacy_cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def _parse_overrides(pairs: list[str]) -> dict[str, object]:
    """``--set training.max_steps=100`` pairs, values read as JSON where they parse."""
    overrides: dict[str, object] = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        try:
            overrides[key] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key] = raw
    return overrides


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "stage", choices=["all", "convert", "vectors", "train", "package", "evaluate", "lemmatizers"]
    )
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override for the train stage")
    parser.add_argument("--config", type=Path, default=MODELS / "config.cfg",
                        help="training config for the train stage")
    parser.add_argument("--output", type=Path, default=RUN,
                        help="where the train stage writes model-best and model-last")
    parser.add_argument("--source", type=Path, default=RUN / "model-best",
                        help="trained model the package stage copies")
    args = parser.parse_args()
    if args.stage in ("all", "convert"):
        convert()
    if args.stage in ("all", "vectors"):
        write_vectors(VECTORS)
    if args.stage in ("all", "train"):
        train(_parse_overrides(args.set), args.output, args.config)
    if args.stage in ("all", "package"):
        package(args.source)
    if args.stage in ("all", "evaluate"):
        print(json.dumps(evaluate(), indent=2))
    if args.stage in ("all", "lemmatizers"):
        compare_lemmatizers()


if __name__ == "__main__":
    main()
