"""Theme proposals: group a board's notes and name each group, offline.

:func:`propose_themes` clusters notes by meaning (centred multilingual
sentence vectors plus content-word TF-IDF from a Japanese morphological
analyser), chooses the number of themes itself or takes one, leaves notes
that fit nowhere in その他 (theme ``-1``), respects notes already placed by
hand, nests themes when there are many, and flags near-duplicates.  The same
notes always give the same proposal.
"""

from __future__ import annotations

import math
import threading
from typing import Mapping

import numpy as np

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.themes.proposal import OTHER, ParentGroup, Proposal, ThemeProposal, other_label  # noqa: F401 (re-exported)
from facilitator.themes.textnorm import for_features, normalise

# The free parameters, one set per path, each the choice made most often
# across the leave-one-set-out folds of scripts/cluster_eval.py (never tuned
# on all dev sets at once).
#: Fast path (USE + terms): weight of content-word TF-IDF against sentence vectors.
TEXT_WEIGHT = 0.7
#: Fast path, automatic k: the smallest k whose silhouette is within this of
#: the best (the best alone over-splits: 37 themes for 9 news categories).
K_TOLERANCE = 0.01
#: Refined path (e5 vectors too): the same two, and e5's share of the sentence part.
REFINED_TEXT_WEIGHT = 0.5
REFINED_K_TOLERANCE = 0.0
E5_WEIGHT = 0.65
#: Boards of up to this many distinct notes are encoded with e5 on the spot
#: when no e5 vectors are given (18 ms a note idle, ~100 ms on two busy cores:
#: 0.4–2.4 s); larger ones take the fast path (USE + terms).
E5_ON_THE_SPOT = 24
#: Cosine at or above which two notes are flagged as near-duplicates.
DUPLICATE_COSINE = 0.9
#: Themes above which they are grouped into parent groups.
NEST_ABOVE = 6
LINKAGE = "average"
K_MODE = "attach"
SILHOUETTE_SAMPLE = 700
#: Polishing passes after the tree cut (stops early when nothing moves).
REFINE_PASSES = 10
#: A note whose mean cosine to the rest of its theme is below this is その他.
OUTLIER_SIM = 0.0
OUTLIER_SIM_K = -1.0



def warm_up():
    """Load the analyser and the encoder in the background."""
    from facilitator.themes.features import warm_up as start
    return start()


def prepare(texts: list[str]) -> None:
    """Compute and cache the sentence vectors and morphemes of ``texts`` (call
    it in the background as notes are written: then a proposal only clusters)."""
    from facilitator.themes.features import analyse, sentence_vectors
    texts = [t for t in texts if for_features(t)]
    sentence_vectors(texts)
    from facilitator.themes.labels import _pos_of
    for text in texts:  # the analyser's results are cached per text too
        analyse(text)
        _pos_of(text)


def propose_themes(texts: list[str], k: int | None = None,
                   fixed: dict[int, str] | None = None,
                   vectors: Mapping[str, np.ndarray] | None = None) -> Proposal:  # noqa: C901
    """Propose themes for ``texts``.

    ``k`` asks for that many themes in all (hand-placed themes included; a
    theme left empty by the final polishing is dropped, so at most ``k``);
    ``None`` chooses (silhouette over k around sqrt(n/2)).  ``fixed`` maps note index -> theme key for notes placed
    by hand: they stay in their theme and other notes may join it.
    ``vectors`` maps an encoder's name (:mod:`facilitator.themes.encoders`) to
    the vectors of ``texts`` already made with it (rows in the order of
    ``texts``, e.g. kept in the workshop file): those are not encoded again.
    Raises :class:`FurikaeriError` for no notes or a bad ``k``/``fixed``.
    """
    from facilitator.themes.features import (
        analyse, sentence_vectors, similarity, term_similarity,
    )
    texts = list(texts)
    fixed = dict(fixed or {})
    n = len(texts)
    if n == 0:
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "There are no notes to group into themes."))
    if k is not None and not 1 <= k <= n:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The number of themes must be between 1 and {count}, the number of notes."),
            count=n)
    bad = [i for i in fixed if not (isinstance(i, int) and 0 <= i < n)]
    if bad:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Note {index} placed in a theme is not among the {count} notes."),
            index=bad[0], count=n)

    # Identical notes (after normalisation) are analysed once, as one unit.
    keys = [normalise(t) for t in texts]
    unit_of: dict[str, int] = {}
    units: list[int] = []  # first note of each unit
    note_unit = [-1] * n
    for i, key in enumerate(keys):
        if not for_features(texts[i]) and i not in fixed:
            continue  # empty or punctuation only: その他
        if key not in unit_of:
            unit_of[key] = len(units)
            units.append(i)
        note_unit[i] = unit_of[key]
    weights = [0] * len(units)
    for u in note_unit:
        if u >= 0:
            weights[u] += 1
    unit_texts = [texts[i] for i in units]
    if vectors:
        _prime_vectors(texts, vectors)
    e5 = _given_e5(vectors, units, n)
    e5_here = e5 is None and 0 < len(units) <= E5_ON_THE_SPOT and _e5_encoder() is not None
    made: dict[str, np.ndarray] = {}

    def encode() -> None:  # numpy, releases the GIL: runs while the analyser works
        sentence_vectors(unit_texts)
        if e5_here:
            try:
                made["e5"] = _e5_encoder().encode(unit_texts)
            except Exception:  # noqa: BLE001 — a broken e5 install: the fast path
                pass
    encoding = threading.Thread(target=encode, daemon=True)
    encoding.start()
    analysed = [analyse(t) for t in unit_texts]
    # Cold start: what needs no sentence vector is done while the encoder runs.
    from facilitator.themes.labels import Labeller
    terms = term_similarity(analysed, 1.0)
    labeller = Labeller(analysed, weights, unit_texts)
    encoding.join()
    if e5 is None:
        e5 = made.get("e5")
    text_weight, tolerance = (TEXT_WEIGHT, K_TOLERANCE) if e5 is None else \
        (REFINED_TEXT_WEIGHT, REFINED_K_TOLERANCE)
    if terms is not None:
        terms *= text_weight  # in place: 2,000 notes make 32 MB matrices
    sim = similarity(unit_texts, analysed, text_weight, terms, e5, E5_WEIGHT) if units else np.zeros((0, 0))
    del terms
    used = ("use", "e5") if e5 is not None else ("use",)

    fixed_keys = list(dict.fromkeys(fixed[i] for i in sorted(fixed)))
    unit_theme = _assign_units(sim, units, note_unit, fixed, fixed_keys, k, tolerance)

    # Per-note assignment: fixed notes keep their key, others follow their unit.
    theme_notes: dict[int, list[int]] = {}
    note_theme = [OTHER] * n
    for i in range(n):
        if i in fixed:
            t = fixed_keys.index(fixed[i])
        elif note_unit[i] >= 0:
            t = unit_theme[note_unit[i]]
        else:
            t = OTHER
        note_theme[i] = t
        if t != OTHER:
            theme_notes.setdefault(t, []).append(i)
    # Themes in order: hand-made first (by key order), then by first note.
    order = sorted(theme_notes, key=lambda t: (t >= len(fixed_keys), t if t < len(fixed_keys) else theme_notes[t][0]))
    remap = {t: j for j, t in enumerate(order)}
    themes = []
    members_units = []
    for t in order:
        members_units.append(sorted({note_unit[i] for i in theme_notes[t] if note_unit[i] >= 0}))
    for t, (label, kw) in zip(order, labeller.label_groups(members_units)):
        themes.append(ThemeProposal(
            notes=tuple(theme_notes[t]), label=label or translate("Cluster", "Theme {number}").format(number=len(themes) + 1),
            keywords=kw, key=fixed_keys[t] if t < len(fixed_keys) else None))
    assignment = tuple(remap.get(t, OTHER) if t != OTHER else OTHER for t in note_theme)
    parents: tuple[ParentGroup, ...] = ()
    if len(themes) > NEST_ABOVE:
        themes, parents = _nest(themes, members_units, sim, labeller)
    return Proposal(assignment, tuple(themes), parents, _duplicates(keys, note_unit, sim), used)


def _e5_encoder():
    from facilitator.themes.encoders import E5, by_name
    return by_name(E5)


def _given_e5(vectors: Mapping[str, np.ndarray] | None, units: list[int], n: int) -> np.ndarray | None:
    """The given e5 rows of the units (None when not given for every note)."""
    from facilitator.themes.encoders import E5
    given = (vectors or {}).get(E5)
    if given is None or len(given) != n or not units:
        return None
    rows = np.asarray(given, dtype=np.float64)[units]
    return rows if np.isfinite(rows).all() else None


def _prime_vectors(texts: list[str], vectors: Mapping[str, np.ndarray]) -> None:
    """Let vectors made earlier (kept in the workshop file) stand for encoding."""
    from facilitator.themes.encoders import USE
    from facilitator.themes.features import remember_vectors
    given = vectors.get(USE)
    if given is not None and len(given) == len(texts):
        remember_vectors(texts, given)


def _assign_units(sim, units, note_unit, fixed, fixed_keys, k, tolerance) -> list[int]:
    """Theme of each unit: 0..len(fixed_keys)-1 hand-made, then new, or -1."""
    m = len(units)
    n_fixed = len(fixed_keys)
    unit_theme = [OTHER] * m
    fixed_units: dict[int, int] = {}  # unit -> fixed theme (the first hand placement)
    for i in sorted(fixed):
        u = note_unit[i]
        if u >= 0:
            fixed_units.setdefault(u, fixed_keys.index(fixed[i]))
    free = [u for u in range(m) if u not in fixed_units]
    for u, t in fixed_units.items():
        unit_theme[u] = t
    if not free:
        return unit_theme
    if len(free) < 3 and not fixed_units:
        for u in free:  # too few to compare: one theme
            unit_theme[u] = n_fixed
        return unit_theme
    new_k = None if k is None else max(1, k - n_fixed)
    # Every unit free (the usual first proposal): no 32 MB copy of the matrix.
    labels = _cluster(sim if len(free) == m else sim[np.ix_(free, free)], new_k, tolerance)
    for u, lab in zip(free, labels):
        unit_theme[u] = OTHER if lab < 0 else n_fixed + lab
    if fixed_units:
        # A free note joins a hand-made theme it is closer to than its own.
        by_theme: dict[int, list[int]] = {}
        for u, t in enumerate(unit_theme):
            by_theme.setdefault(t, []).append(u)
        for u in free:
            own = [v for v in by_theme.get(unit_theme[u], []) if v != u] if unit_theme[u] != OTHER else []
            own_sim = float(sim[u, own].mean()) if own else -1.0
            best, best_sim = None, own_sim
            for t in range(n_fixed):
                members = [v for v, tt in fixed_units.items() if tt == t]
                if members:
                    s = float(sim[u, members].mean())
                    if s > best_sim:
                        best, best_sim = t, s
            if best is not None and best_sim > 0.0:
                unit_theme[u] = best
    return unit_theme


def _cluster(sim: np.ndarray, k: int | None, tolerance: float = K_TOLERANCE) -> list[int]:
    """Agglomerative clustering of a similarity matrix; singletons -> -1."""
    m = sim.shape[0]
    if m == 1:
        return [0]
    z, dist = tree(sim)
    if k is not None:
        return cut_k(sim, z, k)
    return finish_auto(sim, pick_k(silhouettes(sim, z, dist), tolerance), OUTLIER_SIM)


def tree(sim: np.ndarray):
    """``(merge tree, distances)`` of a similarity matrix (average linkage)."""
    from facilitator.themes.hierarchy import linkage
    # In place where it can be: each fresh n×n temporary costs page faults too.
    dist = np.subtract(1.0, sim)
    np.clip(dist, 0.0, 2.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    dist += dist.T.copy()
    dist *= 0.5   # the same numbers as (d + d.T) / 2: halving is exact
    if LINKAGE == "ward":
        return linkage(np.sqrt(2 * dist), method="ward"), dist
    return linkage(dist, method=LINKAGE), dist


def cut_k(sim: np.ndarray, z, k: int) -> list[int]:
    """A requested number of themes: cut, lone notes attached, polished."""
    from facilitator.themes.hierarchy import maxclust
    m = sim.shape[0]
    labels = maxclust(z, min(k, m))
    labels = _refine(sim, _attach_singletons(sim, _canonical(labels)), REFINE_PASSES)
    return _drop_outliers(sim, list(labels), OUTLIER_SIM_K)


def finish_auto(sim: np.ndarray, labels, floor: float) -> list[int]:
    """Polish an automatic cut; lone notes and notes below ``floor`` -> その他."""
    labels = _refine(sim, _canonical(labels), REFINE_PASSES)
    counts = np.bincount(labels)
    labels = [int(lab) if counts[lab] > 1 else -1 for lab in labels]
    return _drop_outliers(sim, labels, floor)


def _drop_outliers(sim: np.ndarray, labels: list[int], floor: float) -> list[int]:
    """Notes hardly like the rest of their theme go to その他 (-1)."""
    arr = np.array(labels)
    out = list(labels)
    for lab in set(labels) - {-1}:
        members = np.flatnonzero(arr == lab)
        if len(members) < 3:
            continue
        block = sim[np.ix_(members, members)]
        mean_other = (block.sum(axis=1) - np.diag(block)) / (len(members) - 1)
        for i, s in zip(members, mean_other):
            if s < floor:
                out[i] = -1
    return out


def _refine(sim: np.ndarray, labels: np.ndarray, passes: int) -> np.ndarray:
    """Move each note to the theme it is most like on average (a few passes).

    Average linkage commits early merges for good; this polishes them, the
    way k-means polishes a hierarchical start.  Deterministic.
    """
    for _ in range(passes):
        kk = labels.max() + 1
        onehot = np.zeros((len(labels), kk))
        onehot[np.arange(len(labels)), labels] = 1.0
        counts = onehot.sum(axis=0)
        sums = sim @ onehot
        own = np.arange(len(labels)), labels
        sums[own] -= np.diag(sim)
        denom = counts[None, :] - onehot
        means = np.where(denom > 0, sums / np.maximum(denom, 1), -np.inf)
        new = means.argmax(axis=1)
        if np.array_equal(new, labels):
            break
        labels = _canonical(new)
    return labels


def _attach_singletons(sim: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """A requested number of themes: a lone note joins its closest theme."""
    counts = np.bincount(labels)
    big = [c for c in range(len(counts)) if counts[c] > 1]
    if not big:
        return labels
    out = labels.copy()
    for i in np.flatnonzero(counts[labels] == 1):
        means = [sim[i, labels == c].mean() for c in big]
        out[i] = big[int(np.argmax(means))]
    return _canonical(out)


def silhouettes(sim: np.ndarray, z, dist) -> list[tuple[np.ndarray, float]]:
    """``(labels, silhouette)`` of the tree's cuts for k around sqrt(m/2), k rising.

    Each cut is polished first (as the proposal will be), so k is judged by
    the themes it would really give; boards larger than the silhouette sample
    are judged on raw cuts of evenly spaced notes (polishing 2,000 notes for
    every k costs seconds).
    """
    from facilitator.themes.hierarchy import maxclust
    m = dist.shape[0]
    centre = math.sqrt(m / 2)
    small = m <= SILHOUETTE_SAMPLE
    lo = 2 if small else max(2, int(centre * 0.5))
    hi = min(m - 1, max(lo + 1, int(math.ceil(centre * 1.8))))
    sample = np.linspace(0, m - 1, min(m, SILHOUETTE_SAMPLE)).round().astype(int)
    sub = dist[np.ix_(sample, sample)].astype(np.float32)
    step = 1 if hi - lo <= 16 else 2
    out = []
    for kk in range(lo, min(hi, m - 1) + 1, step):
        labels = maxclust(z, kk)
        if small:
            labels = _refine(sim, _canonical(labels), REFINE_PASSES)
        out.append((labels, _silhouette(sub, labels[sample])))
    if not out:
        out.append((maxclust(z, min(lo, m)), -1.0))
    return out


def pick_k(scored: list[tuple[np.ndarray, float]], tolerance: float) -> np.ndarray:
    """The fewest themes whose silhouette is within ``tolerance`` of the best."""
    best = max(score for _, score in scored)
    return next(labels for labels, score in scored if score >= best - tolerance - 1e-9)


def _silhouette(dist: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with precomputed distances (singletons score 0)."""
    labels = _canonical(labels)
    kk = labels.max() + 1
    if kk < 2:
        return -1.0
    onehot = np.zeros((len(labels), kk), dtype=dist.dtype)
    onehot[np.arange(len(labels)), labels] = 1.0
    sums = dist @ onehot
    counts = onehot.sum(axis=0)
    own = labels
    a = sums[np.arange(len(labels)), own] / np.maximum(counts[own] - 1, 1)
    other = sums / counts
    other[np.arange(len(labels)), own] = np.inf
    b = other.min(axis=1)
    s = np.where(counts[own] > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(s.mean())


def _canonical(labels) -> np.ndarray:
    """Labels renumbered 0.. in order of first appearance (deterministic)."""
    labels = np.asarray(labels)
    if labels.size == 0:
        return labels.astype(int)
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=int)
    rank[np.argsort(first)] = np.arange(len(first))
    return rank[inverse.ravel()]


def _nest(themes, members_units, sim, labeller):
    t = len(themes)
    onehot = np.zeros((sim.shape[0], t))
    for a, units in enumerate(members_units):
        onehot[units, a] = 1.0
    counts = onehot.sum(axis=0)
    # Mean similarity between every two themes' notes, in two matrix products.
    cs = (onehot.T @ sim @ onehot) / np.maximum(np.outer(counts, counts), 1.0)
    groups = _parent_groups(cs, t)
    if not groups:
        return themes, ()
    parents = []
    new_themes = list(themes)
    ordered = [groups[lab] for lab in sorted(groups, key=lambda g: groups[g][0])]
    units = [sorted({u for i in members for u in members_units[i]}) for members in ordered]
    # A parent is not named after one of its themes when it can be helped.
    taken = {part for th in themes for part in th.label.split("・")}
    named = labeller.label_groups(units, taken)
    for members, group_units, (label, _) in zip(ordered, units, named):
        if not label:
            label, _ = labeller.label(group_units)
        for i in members:
            new_themes[i] = _replace(new_themes[i], parent=len(parents))
        parents.append(ParentGroup(tuple(members), label))
    return new_themes, tuple(parents)


def _parent_groups(cs: np.ndarray, t: int) -> dict[int, list[int]]:
    """Themes grouped by their mean similarity, every group of two themes or
    more (a parent of one theme says nothing: it joins the closest group, or
    the lone themes make one group together when nothing else is close)."""
    base = max(2, round(math.sqrt(t)))
    for k in [*range(base, t // 2 + 1), *range(2, base)]:
        groups: dict[int, list[int]] = {}
        for i, lab in enumerate(_cluster_fixed(cs, k)):
            groups.setdefault(lab, []).append(i)
        multi = {g: m for g, m in groups.items() if len(m) > 1}
        if len(multi) < 2:
            continue
        for g in sorted(groups):
            if len(groups[g]) == 1:
                (i,) = groups[g]
                near = max(sorted(multi), key=lambda h: float(cs[i, multi[h]].mean()))
                multi[near] = sorted(multi[near] + [i])
        return multi
    groups = {}
    for i, lab in enumerate(_cluster_fixed(cs, base)):
        groups.setdefault(lab, []).append(i)
    lone = sorted(i for m in groups.values() if len(m) == 1 for i in m)
    multi = {g: m for g, m in groups.items() if len(m) > 1}
    if len(lone) > 1:
        multi[max(groups) + 1] = lone
    elif lone and multi:
        multi[min(multi)] = sorted(multi[min(multi)] + lone)
    return multi if len(multi) > 1 else {}


def _cluster_fixed(sim, k):
    from facilitator.themes.hierarchy import linkage, maxclust
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    z = linkage((dist + dist.T) / 2, method="average")
    return list(_canonical(maxclust(z, k)))


def _replace(theme, **changes):
    from dataclasses import replace
    return replace(theme, **changes)


def _duplicates(keys, note_unit, sim) -> tuple[tuple[int, int], ...]:
    """``(first, other)`` pairs: identical normalised text or cosine ≥ 0.9.

    Each note is paired with the first note of its duplicate set only, so
    2,000 identical notes give 1,999 pairs, not two million.
    """
    first_of_unit: dict[int, int] = {}
    pairs = []
    for i, u in enumerate(note_unit):
        if u < 0:
            continue
        if u in first_of_unit:
            pairs.append((first_of_unit[u], i))
        else:
            first_of_unit[u] = i
    m = sim.shape[0]
    if m > 1:
        close = np.argwhere(np.triu(sim >= DUPLICATE_COSINE, 1))
        for a, b in close:
            pairs.append((min(first_of_unit[a], first_of_unit[b]), max(first_of_unit[a], first_of_unit[b])))
    return tuple(sorted(set(pairs)))
