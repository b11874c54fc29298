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


def timing_figures() -> dict[str, float]:
    """Seconds for one proposal.

    - ``cluster_500_s`` / ``cluster_2000_s``: warm as the app is when the
      facilitator asks: models loaded, and the notes' sentence vectors and
      morphemes prepared by ``cluster.prepare`` (the app runs it in the
      background as notes are written); the figure is the proposal itself.
    - ``cluster_2000_unprepared_s``: models loaded, but all 2,000 notes new.
    - ``cluster_cold_2000_s``: a fresh process: imports, dictionary and
      encoder weights loaded, 2,000 new notes; the encoder's parsed tokenizer
      comes from the per-user cache an earlier run wrote (best of two).
    - ``cluster_cold_2000_first_run_s``: the same with an empty cache folder
      (the first proposal after installing).
    """
    import tempfile
    from facilitator.themes.cluster import prepare, propose_themes
    propose_themes(synthetic_board(50, seed=99))  # load models
    figures = {}
    for n, seed in ((500, 1), (2000, 2)):
        board = synthetic_board(n, seed)
        prepare(board)
        start = time.perf_counter()
        propose_themes(board)
        figures[f"cluster_{n}_s"] = round(time.perf_counter() - start, 3)
    board = synthetic_board(2000, 4)
    start = time.perf_counter()
    propose_themes(board)
    figures["cluster_2000_unprepared_s"] = round(time.perf_counter() - start, 3)
    _cold()  # make sure the tokenizer cache exists
    figures["cluster_cold_2000_s"] = round(min(_cold(), _cold()), 3)
    with tempfile.TemporaryDirectory() as empty:
        figures["cluster_cold_2000_first_run_s"] = round(_cold({"FURIKAERI_CACHE_DIR": empty}), 3)
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
