"""Static vectors for the pipeline: word clusters and lemma patterns from spacy-lookups-data.

The treebank alone has 200,000 words, too few to learn that "Monday" is like
"Tuesday", that a capitalised word seen once is most likely a name, or that
"condemned" loses "ed" where "fined" loses only "d". spacy-lookups-data (MIT)
carries what spaCy's early English models were built with:

- Brown clusters: 190,000 case-sensitive words in 1,000 clusters, each a path
  down a binary tree of words that occur in like contexts, with each word's
  probability in the text the clusters were learnt from;
- a lemma lookup table (from WordNet, under its licence: see
  ``models/README.md``): 41,000 inflected forms and their lemmas.

Each word gets one row of a small table shared by every word with the same
cluster, frequency band and lemma pattern (spaCy's ``Vectors`` maps many keys
to one row), so the table has a few thousand rows however many words it
covers. A row holds:

- the cluster path's first 2, 4 and 6 steps, one-hot (4 + 16 + 64 columns):
  words under the same branch share what the model learns of it (the odd
  depths add nothing a linear layer cannot make from the even ones);
- the whole path as a fixed random code (32 columns), to tell leaves apart;
- whether the word is common or rare (2 columns);
- how the lookup table turns the word into its lemma ("s" -> "", "ing" -> "e",
  an irregular form...), one-hot over the commonest patterns (32 columns).

The tok2vec projects the row and mixes it with the word's hashed spellings
(``include_static_vectors``). Keys are the words' hashes only: their strings
are not added to the pipeline's string store. Words seen only once where the
clusters were learnt are left out: their clusters are mostly noise, and they
would cost 0.5 MB.

The clusters store each path as an integer read from the path reversed, so
its first ``k`` steps are the integer's low ``k`` bits.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy
import spacy
from spacy.strings import hash_string
from spacy.vectors import Vectors

NAME = "plainspeak_clusters_lemma_patterns"
DEPTHS = (2, 4, 6)
PATH_CODE_WIDTH = 32
COMMON = -13.0  # log probability: "council" is -12.0, "precept" -15.7
PATTERNS = 31  # the commonest lemma patterns get a column each; the rest share one
WIDTH = sum(2 ** depth for depth in DEPTHS) + PATH_CODE_WIDTH + 2 + PATTERNS + 1
SEED = 1
NO_CLUSTER = -1
IRREGULAR = ("", "irregular")


def read_table(name: str) -> dict:
    """One English table of spacy-lookups-data (installed for training only)."""
    try:
        folder = resources.files("spacy_lookups_data") / "data"
    except ModuleNotFoundError as error:
        raise SystemExit("the vectors stage needs spacy-lookups-data: "
                         "pip install spacy-lookups-data") from error
    with gzip.open(folder.joinpath(f"en_{name}.json.gz").open("rb")) as handle:
        return json.load(handle)


def lemma_pattern(word: str, lemmas: dict[str, str]) -> tuple[str, str] | None:
    """How the lookup table turns ``word`` into its lemma: (ending dropped, ending added).

    None if the table does not list it or gives the word itself; IRREGULAR
    where the two share fewer than two first letters ("went" -> "go").
    """
    lemma = lemmas.get(word, lemmas.get(word.lower()))
    if lemma is None:
        return None
    form, lemma = word.lower(), lemma.lower()
    if form == lemma:
        return None
    shared = 0
    while shared < min(len(form), len(lemma)) and form[shared] == lemma[shared]:
        shared += 1
    return IRREGULAR if shared < 2 else (form[shared:], lemma[shared:])


def row_vector(cluster: int, common: bool, pattern: int, path_codes: dict[int, numpy.ndarray]) -> numpy.ndarray:
    """The row for a cluster, frequency band and pattern column (see the module's docstring)."""
    parts = []
    for depth in DEPTHS:
        one_hot = numpy.zeros(2 ** depth, dtype="f")
        if cluster != NO_CLUSTER:
            one_hot[cluster & (2 ** depth - 1)] = 1.0
        parts.append(one_hot)
    parts.append(path_codes.get(cluster, numpy.zeros(PATH_CODE_WIDTH, dtype="f")))
    parts.append(numpy.array([common, not common], dtype="f"))
    patterns = numpy.zeros(PATTERNS + 1, dtype="f")
    if pattern >= 0:
        patterns[pattern] = 1.0
    parts.append(patterns)
    return numpy.concatenate(parts)


def build_vectors() -> Vectors:
    """A ``Vectors`` table keyed by the hash of each word it knows."""
    clusters = read_table("lexeme_cluster")
    probs = read_table("lexeme_prob")
    lemmas = read_table("lemma_lookup")
    floor = read_table("lexeme_settings")["oov_prob"]
    counts = Counter(lemma_pattern(word, lemmas) for word in lemmas)
    counts.pop(None, None)
    columns = {pattern: index for index, (pattern, _) in enumerate(counts.most_common(PATTERNS))}
    random = numpy.random.default_rng(SEED)
    path_codes = {
        cluster: random.choice([-1.0, 1.0], size=PATH_CODE_WIDTH).astype("f") / PATH_CODE_WIDTH ** 0.5
        for cluster in sorted(set(clusters.values()) - {0})
    }
    seen_once = min(probs.values())  # the lowest probability the table gives
    words = {word for word, cluster in clusters.items() if cluster and probs.get(word, floor) > seen_once}
    words.update(lemmas)
    rows: dict[tuple[int, bool, int], int] = {}
    keys: list[tuple[int, int]] = []
    for word in sorted(words):
        pattern = lemma_pattern(word, lemmas)
        column = -1 if pattern is None else columns.get(pattern, PATTERNS)
        cluster = clusters.get(word) or NO_CLUSTER
        common = probs.get(word, floor) >= COMMON
        row = rows.setdefault((cluster, common, column), len(rows))
        keys.append((hash_string(word), row))
    data = numpy.stack([row_vector(*features, path_codes) for features in rows])
    vectors = Vectors(data=data, name=NAME)
    for key, row in keys:
        vectors.add(key, row=row)
    return vectors


def write_vectors(output: Path) -> None:
    """A blank English pipeline holding only the vectors, for ``[initialize] vectors``."""
    nlp = spacy.blank("en")
    nlp.vocab.vectors = build_vectors()
    nlp.to_disk(output)
    table = nlp.vocab.vectors
    print(f"vectors: {table.n_keys} words in {table.shape[0]} rows of {table.shape[1]} -> {output}")
