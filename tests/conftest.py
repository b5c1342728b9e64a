"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A saved blank English pipeline with a sentencizer: fast, and the same on every machine."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    folder = tmp_path_factory.mktemp("model") / "blank_en"
    nlp.to_disk(folder)
    return str(folder)
