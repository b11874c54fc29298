"""`furikaeri cluster FILE` reads the vectors a workshop file keeps, and never writes the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.minutes.sample import PHRASES
from facilitator.themes import features, vectors
from facilitator.workshop import Workshop
from facilitator.workshop.model import Note

TEXTS = [f"{p}（{i}）" for i, p in enumerate(PHRASES[:10])]


def _workshop(path: Path, stored: bool) -> None:
    with Workshop.create(path) as ws:
        from facilitator.workshop.model import Session
        session = Session(id="s1", title="全体")
        ws.add(session)
        for i, text in enumerate(TEXTS):
            ws.add(Note(id=f"n{i}", session_id="s1", text=text, x=i * 200.0))
        if stored:
            for name, keys in vectors.missing_texts(ws, TEXTS).items():
                enc = next(e for e in vectors.available() if e.name == name)
                vectors.store_vectors(ws, name, keys, vectors.encode_keys(enc, keys))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("stored", [True, False])
def test_cluster_leaves_the_file_byte_identical(tmp_path, capsys, monkeypatch, stored):
    path = tmp_path / "day.furikaeri"
    _workshop(path, stored)
    before = _files(tmp_path)
    if stored:   # the kept vectors stand for encoding
        features._vector_cache.clear()
        monkeypatch.setattr(features.encoder().__class__, "encode",
                            lambda *a, **k: pytest.fail("encoded although stored"))
    assert main(["cluster", str(path), "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(TEXTS)
    assert _files(tmp_path) == before
