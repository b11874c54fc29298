"""Fake sentence encoders for tests of the stored vectors: instant, counted, deterministic."""

from __future__ import annotations

import zlib

import numpy as np

from facilitator.themes.encoders import Encoder


class Counting:
    """Two fake encoders (``use`` 8-d, ``e5`` 4-d) that count the texts they encode."""

    def __init__(self, use_key: str = "use-test-1", e5_key: str = "e5-test-1",
                 with_e5: bool = True) -> None:
        self.calls: dict[str, list[str]] = {"use": [], "e5": []}
        encs = [Encoder("use", 8, use_key, self._fn("use", 8))]
        if with_e5:
            encs.append(Encoder("e5", 4, e5_key, self._fn("e5", 4)))
        self.encoders = tuple(encs)

    def _fn(self, name: str, dim: int):
        def encode(texts: list[str]) -> np.ndarray:
            self.calls[name].extend(texts)
            return np.stack([vector_of(name, t, dim) for t in texts])
        return encode

    def install(self, monkeypatch) -> "Counting":
        """Make these the encoders installed here, wherever they are asked for."""
        from facilitator.themes import encoders, vectors
        monkeypatch.setattr(encoders, "available", lambda: self.encoders)
        monkeypatch.setattr(vectors, "available", lambda: self.encoders)
        return self


def vector_of(name: str, text: str, dim: int) -> np.ndarray:
    """A float32 row with awkward bits (subnormals, negative zero) from ``text``."""
    rng = np.random.default_rng(zlib.crc32(f"{name}:{text}".encode()))
    row = rng.standard_normal(dim).astype(np.float32) / np.float32(3.0)
    row[0] = np.float32(-0.0)
    row[-1] = np.float32(1e-40)  # subnormal
    return row
