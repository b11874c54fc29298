"""The clustering without SciPy gives SciPy's trees, cuts and TF-IDF cosines, to the bit.

The app dropped SciPy (54 MB of the installer) for numpy versions of the three
things it used; proposals must not change.  SciPy is a development dependency
(scikit-learn needs it too), so it is the reference here.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from facilitator.themes.cluster import _canonical
from facilitator.themes.features import Analysed, term_similarity
from facilitator.themes.hierarchy import linkage, maxclust

hierarchy = pytest.importorskip("scipy.cluster.hierarchy")
distance = pytest.importorskip("scipy.spatial.distance")
sparse = pytest.importorskip("scipy.sparse")


def _distances(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    x = rng.normal(size=(n, 6))
    if kind == "cosine":  # what a proposal clusters: 1 - cosine, symmetrised
        v = x / np.linalg.norm(x, axis=1, keepdims=True)
        d = np.clip(1.0 - v @ v.T, 0.0, 2.0)
    elif kind == "ties":  # many equal distances: the tie-breaks must be SciPy's
        d = np.round(np.sqrt(((x[:, None] - x[None]) ** 2).sum(-1)))
    else:  # three distinct values only
        d = rng.integers(0, 3, size=(n, n)).astype(float)
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    return d


@pytest.mark.parametrize("kind", ["cosine", "ties", "coarse"])
@pytest.mark.parametrize("method", ["average", "ward"])
def test_trees_and_cuts_are_scipys(kind, method):
    rng = np.random.default_rng(len(kind) + len(method))
    for n in (2, 3, 7, 25, 60):
        d = _distances(kind, n, rng)
        expected = hierarchy.linkage(distance.squareform(d, checks=False), method=method)
        z = linkage(d, method)
        assert np.array_equal(z, expected), (kind, method, n)
        for k in range(1, n + 2):
            groups = _canonical(hierarchy.fcluster(expected, t=k, criterion="maxclust"))
            assert np.array_equal(maxclust(z, k), groups), (kind, method, n, k)


@pytest.mark.parametrize("kind", ["cosine", "ties"])
@pytest.mark.parametrize("method", ["average", "ward"])
def test_big_trees_are_scipys(kind, method):
    """Hundreds of items: long neighbour chains, clusters merged into many times and
    dropped clusters left behind in every row (the linkage masks them, never clears them)."""
    rng = np.random.default_rng(7 + len(kind) + len(method))
    d = _distances(kind, 400, rng)
    expected = hierarchy.linkage(distance.squareform(d, checks=False), method=method)
    assert np.array_equal(linkage(d, method), expected)


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        linkage(np.array([[0.0, np.nan], [np.nan, 0.0]]))
    with pytest.raises(ValueError):
        linkage(np.zeros((3, 3)), method="centroid")


def _scipy_term_similarity(analysed, text_weight):
    """What the app computed with scipy.sparse before (features.term_matrix)."""
    vocab, rows, cols, vals = {}, [], [], []
    for i, a in enumerate(analysed):
        counts: dict[int, int] = {}
        for t in a.terms:
            j = vocab.setdefault(t, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        rows.extend([i] * len(counts))
        cols.extend(counts)
        vals.extend(counts.values())
    n = len(analysed)
    tf = np.log(np.asarray(vals, dtype=np.float64)) + 1.0
    cols_arr = np.asarray(cols, dtype=np.int64)
    idf = np.log((1.0 + n) / (1.0 + np.bincount(cols_arr, minlength=len(vocab)))) + 1.0
    m = sparse.csr_matrix((tf * idf[cols_arr], (np.asarray(rows, dtype=np.int64), cols_arr)),
                          shape=(n, len(vocab)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    t = sparse.csr_matrix(m.multiply(1.0 / norms[:, None]))
    return (t @ t.T).toarray() * text_weight


@pytest.mark.parametrize("notes", [1, 2, 40, 300])
def test_term_cosines_are_scipys(notes):
    rng = random.Random(notes)
    words = [f"語{i}" for i in range(60)]
    analysed = []
    for i in range(notes):
        # Shared and repeated words, a few notes without any.
        terms = tuple(rng.choice(words[: rng.randint(3, 60)]) for _ in range(rng.randint(0, 9)))
        analysed.append(Analysed(terms, (), ()))
    if not any(a.terms for a in analysed):
        assert term_similarity(analysed, 0.7) is None
        return
    assert np.array_equal(term_similarity(analysed, 0.7), _scipy_term_similarity(analysed, 0.7))

