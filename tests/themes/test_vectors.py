"""Sentence vectors kept in the workshop file (facilitator.themes.vectors)."""

from __future__ import annotations

import shutil
import sqlite3

import numpy as np
import pytest

from facilitator.themes import vectors
from facilitator.workshop import Workshop
from tests.themes.vector_fixtures import Counting, vector_of

TEXTS = ["会議の時間が長い", "資料を事前に共有する", "ＩＴ化を進める"]


def _encode_all(ws, texts):
    for name, keys in vectors.missing_texts(ws, texts).items():
        enc = next(e for e in vectors.available() if e.name == name)
        if keys:
            vectors.store_vectors(ws, name, keys, vectors.encode_keys(enc, keys))


def _rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text_key, encoder, key FROM note_vectors "
                            "ORDER BY text_key, encoder").fetchall()
    finally:
        conn.close()


def test_vectors_round_trip_bitwise_through_the_file(ws, ws_path, monkeypatch):
    fake = Counting().install(monkeypatch)
    assert vectors.stored_vectors(ws, TEXTS) == {"use": None, "e5": None}
    _encode_all(ws, TEXTS)
    ws.close()
    with Workshop.open(ws_path) as again:
        got = vectors.stored_vectors(again, TEXTS)
    for name, dim in (("use", 8), ("e5", 4)):
        want = np.stack([vector_of(name, vectors.text_key(t), dim) for t in TEXTS])
        assert got[name].dtype == np.float32
        assert got[name].tobytes() == want.tobytes()   # -0.0 and subnormals too
    assert len(fake.calls["e5"]) == 3


def test_identical_and_equivalent_texts_share_one_row(ws, ws_path, monkeypatch):
    fake = Counting().install(monkeypatch)
    _encode_all(ws, ["ＩＴ化を進める", "it化を進める", "  IT化を進める "])
    assert fake.calls["use"] == ["it化を進める"]
    assert _rows(ws_path) == [("it化を進める", "e5", "e5-test-1"), ("it化を進める", "use", "use-test-1")]
    # An edit back to a text seen before needs no encoding.
    assert vectors.missing_texts(ws, ["IT化を進める"]) == {"use": [], "e5": []}


def test_missing_rows_are_told_per_encoder(ws, monkeypatch):
    Counting().install(monkeypatch)
    keys = [vectors.text_key(t) for t in TEXTS]
    vectors.store_vectors(ws, "use", keys[:2], np.stack([vector_of("use", k, 8) for k in keys[:2]]))
    assert vectors.missing_texts(ws, TEXTS) == {"use": keys[2:], "e5": keys}
    got = vectors.stored_vectors(ws, TEXTS)
    assert got["use"] is None and got["e5"] is None
    assert vectors.stored_vectors(ws, TEXTS[:2])["use"].shape == (2, 8)


def test_a_new_encoder_version_makes_stored_vectors_stale(ws, ws_path, monkeypatch):
    Counting().install(monkeypatch)
    _encode_all(ws, TEXTS)
    newer = Counting(e5_key="e5-test-2").install(monkeypatch)
    got = vectors.stored_vectors(ws, TEXTS)
    assert got["use"] is not None and got["e5"] is None    # stale rows are never used
    assert vectors.missing_texts(ws, TEXTS)["e5"] == [vectors.text_key(t) for t in TEXTS]
    assert vectors.prune(ws) == 3                            # and are removed
    _encode_all(ws, TEXTS)
    assert len(newer.calls["e5"]) == 3 and not newer.calls["use"]
    assert {key for _t, name, key in _rows(ws_path) if name == "e5"} == {"e5-test-2"}


def test_rows_of_an_encoder_not_installed_here_are_kept(ws, ws_path, monkeypatch):
    Counting().install(monkeypatch)
    _encode_all(ws, TEXTS)
    Counting(with_e5=False).install(monkeypatch)    # the file opened on Windows
    assert vectors.prune(ws, TEXTS) == 0
    assert vectors.stored_vectors(ws, TEXTS).keys() == {"use"}
    assert len(_rows(ws_path)) == 6


def test_prune_drops_texts_no_note_has(ws, ws_path, monkeypatch):
    Counting().install(monkeypatch)
    _encode_all(ws, TEXTS)
    assert vectors.prune(ws, TEXTS[1:]) == 2
    assert {t for t, _n, _k in _rows(ws_path)} == {vectors.text_key(t) for t in TEXTS[1:]}


def test_storing_is_no_user_change(ws, monkeypatch):
    Counting().install(monkeypatch)
    heard = []
    ws.listeners.append(heard.append)
    _encode_all(ws, TEXTS)
    vectors.prune(ws, [])
    assert heard == [] and not ws.history.can_undo()


@pytest.mark.parametrize("how", ["requested", "locked"])
def test_a_read_only_file_is_never_written(ws, ws_path, tmp_path, monkeypatch, how):
    fake = Counting().install(monkeypatch)
    _encode_all(ws, TEXTS[:1])
    ws.close()
    copy = tmp_path / "copy.furikaeri"
    shutil.copyfile(ws_path, copy)
    holder = Workshop.open(copy) if how == "locked" else None   # another writer has it
    try:
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        with Workshop.open(copy, readonly=True) as ro:
            assert ro.readonly
            _encode_all(ro, TEXTS)                       # kept in memory only
            assert vectors.prune(ro, []) == 0
            got = vectors.stored_vectors(ro, TEXTS)
            assert got["use"] is not None and got["e5"] is not None
        assert len(fake.calls["use"]) == 3
        after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        assert after == before
    finally:
        if holder is not None:
            holder.close()
    assert len(_rows(copy)) == 2


def test_stored_vectors_feed_a_proposal_without_encoding(ws, monkeypatch):
    from facilitator.themes import features
    from facilitator.themes.cluster import propose_themes
    from facilitator.minutes.sample import PHRASES
    texts = [f"{p}（{i}）" for i, p in enumerate(PHRASES[:12])]
    _encode_all(ws, texts)                               # the real encoders
    features._vector_cache.clear()

    def no_encoding(*_a, **_k):
        raise AssertionError("encoded although the vectors were stored")
    monkeypatch.setattr(features.encoder().__class__, "encode", no_encoding)
    proposal = propose_themes(texts, vectors=vectors.stored_vectors(ws, texts))
    assert len(proposal.assignment) == len(texts)
