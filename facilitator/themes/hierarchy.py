"""Agglomerative clustering in numpy: the tree and the cut into k groups.

The two SciPy calls the proposals used (``scipy.cluster.hierarchy.linkage``
with average or Ward linkage, and ``fcluster(criterion="maxclust")``), done
step for step as SciPy 1.17 does them: the nearest-neighbour chain with the
same tie-breaks, the same distance updates in the same floating-point
operations, the same sort and relabelling, the same binary search for the
cut.  Only the bookkeeping differs (dropped clusters are masked, not
cleared: see :func:`linkage`), which changes no number.  So the trees and the groups are the ones SciPy gives
(tests/themes/test_hierarchy.py compares them), and the app ships without
SciPy: it brought 54 MB (and a second OpenBLAS) into the installer for two
functions.
"""

from __future__ import annotations

import numpy as np

__all__ = ["linkage", "maxclust"]


def linkage(dist: np.ndarray, method: str = "average") -> np.ndarray:
    """The merge tree of ``n`` items from their ``n``×``n`` distances.

    ``dist`` must be symmetric (SciPy reads its upper triangle as a condensed
    matrix) and finite.  ``method`` is ``"average"`` or
    ``"ward"``.  Returns SciPy's linkage matrix: ``n - 1`` rows of (cluster,
    cluster, distance, size), sorted by distance, new clusters numbered
    ``n``, ``n + 1``, … in row order.
    """
    if method not in ("average", "ward"):
        raise ValueError(f"unknown linkage method: {method}")
    n = dist.shape[0]
    if n < 2:
        return np.empty((0, 4))
    d = np.array(dist, dtype=np.float64)  # a copy: it becomes the working matrix
    if not np.isfinite(d).all():
        raise ValueError("distances must be finite")
    np.fill_diagonal(d, np.inf)
    # A dropped cluster's column is never cleared (a strided write across the
    # whole matrix per merge, the slowest step): its +inf in ``dead`` is added
    # to each row read instead.  +inf never wins a strict `<`.
    dead = np.zeros(n)
    size = np.ones(n, dtype=np.int64)
    z = np.empty((n - 1, 4))
    chain: list[int] = []
    first_alive = 0
    row, buf, buf2 = np.empty(n), np.empty(n), np.empty(n)
    add, argmin = np.add, np.ndarray.argmin
    for k in range(n - 1):
        if not chain:
            while size[first_alive] == 0:
                first_alive += 1
            chain.append(first_alive)
        # Follow nearest neighbours until two are each other's nearest.
        while True:
            x = chain[-1]
            add(d[x], dead, out=row)
            nearest = int(argmin(row))  # the first of equal minima, as SciPy's loop
            if len(chain) > 1:
                # The previous link wins ties (no cycles).
                y = chain[-2]
                current = row.item(y)
                if row.item(nearest) < current:
                    y, current = nearest, row.item(nearest)
                if y == chain[-2]:
                    break
            else:
                y, current = nearest, row.item(nearest)
            chain.append(y)
        del chain[-2:]
        if x > y:
            x, y = y, x
        nx, ny = int(size[x]), int(size[y])
        z[k] = (x, y, current, nx + ny)
        size[x] = 0
        size[y] = nx + ny
        dead[x] = np.inf
        # SciPy's update formulas (Lance–Williams), operation for operation.
        # Entries of dropped clusters come out as anything: ``dead`` masks them.
        dx, dy = d[x], d[y]
        if method == "average":  # (nx * dx + ny * dy) / (nx + ny), without temporaries
            new = np.multiply(dx, nx, out=buf)
            new += np.multiply(dy, ny, out=buf2)
            new /= nx + ny
        else:
            t = 1.0 / (nx + ny + size)
            with np.errstate(invalid="ignore"):  # a dropped cluster's stale entry
                new = np.sqrt((size + nx) * t * dx * dx + (size + ny) * t * dy * dy
                              - size * t * current * current)
        new[y] = np.inf
        d[y] = new
        d[:, y] = new
    z = z[np.argsort(z[:, 2], kind="mergesort")]
    _relabel(z, n)
    return z


def _relabel(z: np.ndarray, n: int) -> None:
    """Number the clusters of the sorted rows as SciPy's ``label`` does (union-find)."""
    parent = list(range(2 * n - 1))
    sizes = [1] * (2 * n - 1)

    def find(a: int) -> int:
        root = a
        while parent[root] != root:
            root = parent[root]
        while parent[a] != root:
            parent[a], a = root, parent[a]
        return root

    for i in range(n - 1):
        a, b = find(int(z[i, 0])), find(int(z[i, 1]))
        if a > b:
            a, b = b, a
        new = n + i
        parent[a] = parent[b] = new
        sizes[new] = sizes[a] + sizes[b]
        z[i, 0], z[i, 1], z[i, 3] = a, b, sizes[new]


def maxclust(z: np.ndarray, k: int) -> np.ndarray:
    """At most ``k`` groups cut from the tree ``z`` (SciPy's ``maxclust``).

    Returns a group number per item, numbered 0, 1, … in order of first
    appearance (SciPy numbers them otherwise; the groups are the same).
    """
    n = z.shape[0] + 1
    if k >= n:
        return np.arange(n)
    left = z[:, 0].astype(np.int64).tolist()
    right = z[:, 1].astype(np.int64).tolist()
    # Highest merge distance within each cluster's subtree (children come first).
    highest = z[:, 2].tolist()
    for i in range(n - 1):
        for child in (left[i], right[i]):
            if child >= n and highest[child - n] > highest[i]:
                highest[i] = highest[child - n]
    mc = np.asarray(highest)
    # The smallest threshold among the clusters' heights that leaves at most k
    # groups: SciPy's binary search, so ties resolve as there.  The heights
    # grow towards the root, so cutting at t leaves n - #(heights <= t) groups.
    lower, upper = -1, n - 1
    while upper - lower > 1:
        mid = (lower + upper) >> 1
        if n - int(np.count_nonzero(mc <= mc[mid])) > k:
            lower = mid
        else:
            upper = mid
    cutoff = highest[upper]
    owner = list(range(2 * n - 1))
    for i in range(n - 2, -1, -1):  # parents before children
        if highest[i] <= cutoff:
            owner[left[i]] = owner[right[i]] = owner[n + i]
    _, first, inverse = np.unique(np.asarray(owner[:n]), return_index=True,
                                  return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    return rank[inverse.ravel()]
