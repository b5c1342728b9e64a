"""Loading pipelines: fast tests on a saved blank pipeline, slow ones on the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from plainspeak import resources
from plainspeak.errors import ModelError
from plainspeak.nlp.model import load_pipeline


@pytest.fixture(scope="module")
def blank_pipeline_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipelines") / "blank_en"
    spacy.blank("en").to_disk(path)
    return path


def test_a_path_loads_with_the_meeting_paper_tokenizer(blank_pipeline_dir: Path) -> None:
    nlp = load_pipeline(str(blank_pipeline_dir))
    assert [t.text for t in nlp("•£1.5bn for A&E.")] == ["•", "£", "1.5", "bn", "for", "A&E", "."]


def test_each_pipeline_is_loaded_once(blank_pipeline_dir: Path) -> None:
    assert load_pipeline(str(blank_pipeline_dir)) is load_pipeline(str(blank_pipeline_dir))


def test_a_missing_model_is_a_model_error(tmp_path: Path) -> None:
    missing = tmp_path / "no_such_model"
    with pytest.raises(ModelError) as caught:
        load_pipeline(str(missing))
    assert caught.value.kind.code == "E301"
    assert caught.value.subject == str(missing)


def test_an_unknown_package_name_is_a_model_error() -> None:
    with pytest.raises(ModelError, match=r"\[E301\]"):
        load_pipeline("en_plainspeak_no_such_package")


def test_the_shipped_model_is_found_beside_or_inside_the_package() -> None:
    assert resources.model_path().name == "en_plainspeak_ewt"
    assert resources.model_path().parent == resources.models_dir()
    assert (resources.model_path() / "meta.json").is_file()


@pytest.mark.slow
def test_the_shipped_model_is_the_default() -> None:
    nlp = load_pipeline()
    assert nlp is load_pipeline(None)
    assert nlp.meta["name"] == "plainspeak_ewt"
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    # The loaded pipeline is shared in the process, and plainspeak adds its own
    # plainspeak_* components to it; the trained ones come first, in this order.
    trained = [name for name in nlp.pipe_names if not name.startswith("plainspeak_")]
    assert trained == ["tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer"]


@pytest.mark.slow
def test_tags_a_simple_sentence() -> None:
    doc = load_pipeline()("The council increased the precept.")
    assert [t.pos_ for t in doc] == ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    assert [t.tag_ for t in doc] == ["DT", "NN", "VBD", "DT", "NN", "."]
    assert [t.lemma_ for t in doc] == ["the", "council", "increase", "the", "precept", "."]
    assert [t.dep_ for t in doc] == ["det", "nsubj", "ROOT", "det", "obj", "punct"]
    assert doc[1].head.i == 2 and doc[4].head.i == 2


@pytest.mark.slow
def test_finds_a_passive() -> None:
    # UD v2 labels: nsubj:pass and aux:pass (the older nsubjpass/auxpass in spaCy's
    # OntoNotes models); EWT also marks the participle Voice=Pass.
    doc = load_pipeline()("The budget was approved by the cabinet.")
    assert [t.dep_ for t in doc] == [
        "det", "nsubj:pass", "aux:pass", "ROOT", "case", "det", "obl:agent", "punct",
    ]
    approved = doc[3]
    assert approved.tag_ == "VBN"
    assert approved.morph.get("Voice") == ["Pass"]
    assert approved.lemma_ == "approve"


@pytest.mark.slow
def test_splits_sentences() -> None:
    doc = load_pipeline()(
        "The board noted the report. It asked for a plan by March. "
        "The plan will be shared with residents."
    )
    assert [s.text for s in doc.sents] == [
        "The board noted the report.",
        "It asked for a plan by March.",
        "The plan will be shared with residents.",
    ]
