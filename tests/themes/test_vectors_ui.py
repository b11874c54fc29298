"""Vectors made in the background as notes are committed, kept in the file, used by proposals."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QSettings, Qt

from facilitator.themes import encoders, features, vectors
from facilitator.themes.encoders import Encoder
from facilitator.workshop import Workshop
from facilitator.workshop.model import Note
from tests.themes.vector_fixtures import Counting
from ui.main_window import MainWindow

TEXTS = ["予算が足りず費用を削りたい", "コストが高く予算を見直す必要がある", "費用対効果を考えて予算を配分する",
         "若手人材の採用が難しい", "採用活動で若手の応募が少ない", "新卒採用で人材が集まらない",
         "地域の自治体と行政の連携が弱い", "自治体の行政手続きが地域で煩雑", "行政と地域住民と自治体の協働"]
WAIT_MS = 60_000


def _stored(path, encoder: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {k for k, in conn.execute(
            "SELECT text_key FROM note_vectors WHERE encoder = ?", (encoder,))}
    finally:
        conn.close()


def _window(qtbot, tmp_path, path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(path)
    win.choose_board(win.ws.sessions()[0].id, None, False)
    return win


def _add_notes(ws, texts):
    sid = ws.sessions()[0].id
    return ws.add(*[ws.new_note(t, sid, x=(i % 6) * 176.0, y=(i // 6) * 116.0, z=float(i + 1))
                    for i, t in enumerate(texts)])


class Wrapped:
    """The real encoders, counting what they encode; e5 may be held back."""

    def __init__(self) -> None:
        self.calls = {"use": 0, "e5": 0}
        self.hold_e5 = threading.Event()
        self.hold_e5.set()
        self.encoders = tuple(Encoder(e.name, e.dim, e.key, self._wrap(e))
                              for e in encoders.available())

    def _wrap(self, enc):
        def encode(texts):
            if enc.name == "e5":
                self.hold_e5.wait(30)
            self.calls[enc.name] += len(texts)
            return enc.encode(texts)
        return encode

    def install(self, monkeypatch) -> "Wrapped":
        monkeypatch.setattr(encoders, "available", lambda: self.encoders)
        monkeypatch.setattr(vectors, "available", lambda: self.encoders)
        return self


def test_typed_notes_get_their_vectors_in_the_background(qtbot, tmp_path, window_on, ws, ws_path,
                                                          monkeypatch):
    fake = Counting().install(monkeypatch)
    win = window_on(ws)
    win.themes.encoding.wait_idle()
    win.entry.line.setFocus()
    for text in TEXTS[:3]:
        win.entry.line.setText(text)
        qtbot.keyClick(win.entry.line, Qt.Key.Key_Return)
    assert win.ws.count(Note) >= 3
    keys = {vectors.text_key(t) for t in TEXTS[:3]}
    qtbot.waitUntil(lambda: keys <= _stored(ws_path, "e5") and keys <= _stored(ws_path, "use"),
                    timeout=WAIT_MS)
    # Edited text is encoded too; storing was no undo step (undo takes back the last note).
    note = next(n for n in win.ws.all(Note) if n.text == TEXTS[2])
    win.ws.update(note, text="予算の執行が遅れた")
    qtbot.waitUntil(lambda: "予算の執行が遅れた" in _stored(ws_path, "e5"), timeout=WAIT_MS)
    assert len(fake.calls["e5"]) == len(set(fake.calls["e5"]))   # nothing encoded twice
    assert not win.themes.encoding.busy()


def test_a_big_import_shows_progress_until_encoded(qtbot, tmp_path, window_on, ws, ws_path,
                                                   monkeypatch):
    from facilitator.io.importers import apply_import, read_import
    fake = Counting().install(monkeypatch)
    slow = fake.encoders[1]._encode

    def slow_e5(texts):
        time.sleep(0.02)
        return slow(texts)
    fake.encoders = (fake.encoders[0], Encoder("e5", 4, "e5-test-1", slow_e5))
    win = window_on(ws)
    win.themes.encoding.wait_idle()
    csv = tmp_path / "board.csv"
    csv.write_text("text\n" + "".join(f"意見その{i}：会議を短くしたい\n" for i in range(120)),
                   encoding="utf-8")
    preview = read_import(win.ws, csv)
    apply_import(win.ws, preview)
    progress = win.themes.encoding.progress
    assert progress.isVisible()
    assert progress.label.text().endswith("/120") and progress.bar.maximum() == 120
    qtbot.waitUntil(lambda: not progress.isVisible(), timeout=WAIT_MS)
    assert len(_stored(ws_path, "e5")) >= 120


def test_a_reopened_workshop_proposes_with_its_stored_vectors(qtbot, tmp_path, ws_path,
                                                              monkeypatch):
    with Workshop.create(ws_path) as ws:
        from facilitator.workshop.model import Session
        ws.add(Session(id="s1", title="全体"))
        _add_notes(ws, TEXTS)
    real = Wrapped().install(monkeypatch)
    win = _window(qtbot, tmp_path, ws_path)
    assert win.themes.encoding.wait_idle(WAIT_MS)
    assert real.calls == {"use": len(TEXTS), "e5": len(TEXTS)}
    win.close()
    real.calls = {"use": 0, "e5": 0}
    features._vector_cache.clear()      # what the first window made in memory is gone
    monkeypatch.setattr(features.encoder().__class__, "encode",
                        lambda *a, **k: pytest.fail("encoded although the file keeps the vectors"))
    win = _window(qtbot, tmp_path, ws_path)
    win.themes.propose_action.trigger()
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    assert win.themes.proposal is not None
    assert set(win.themes.vectors) == {e.name for e in real.encoders}
    win.themes.encoding.wait_idle()
    assert real.calls == {"use": 0, "e5": 0}
    if "e5" in win.themes.vectors:
        assert win.themes.encoding.note.state[0] == "precise"
    win.close()


def test_a_fast_proposal_is_offered_a_precise_one_when_ready(qtbot, tmp_path, ws_path,
                                                            monkeypatch):
    real = Wrapped().install(monkeypatch)
    if "e5" not in {e.name for e in real.encoders}:
        pytest.skip("no e5 on this platform: every proposal is the fast one")
    # A board this small is encoded with e5 on the spot; stand for a big one.
    from facilitator.themes import cluster
    monkeypatch.setattr(cluster, "E5_ON_THE_SPOT", 0)
    with Workshop.create(ws_path) as ws:
        from facilitator.workshop.model import Session
        ws.add(Session(id="s1", title="全体"))
        _add_notes(ws, TEXTS)
    real.hold_e5.clear()
    win = _window(qtbot, tmp_path, ws_path)
    enc = win.themes.encoding
    enc._open_timer.stop()
    enc._look_over()
    qtbot.waitUntil(lambda: len(enc.known.get("use", ())) == len(TEXTS), timeout=WAIT_MS)
    win.themes.propose_action.trigger()
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    note = enc.note
    assert note.isVisible() and note.state[0] == "fast_computing"
    assert "fast" in note.label.text() or "速" in note.label.text()
    real.hold_e5.set()
    qtbot.waitUntil(lambda: note.state[0] == "fast_ready", timeout=WAIT_MS)
    assert note.button.isVisible()
    qtbot.mouseClick(note.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    assert "e5" in win.themes.vectors and note.state[0] == "precise"
    win.close()


def test_a_read_only_window_keeps_its_vectors_in_memory(qtbot, tmp_path, ws, ws_path, monkeypatch):
    Counting().install(monkeypatch)
    _add_notes(ws, TEXTS)
    holder = ws                      # another window of ours has the file: this one reads
    # The file and its journal (the -shm is the writer's index, which readers mark).
    files = [ws_path, ws_path.with_name(ws_path.name + "-wal")]
    before = [p.read_bytes() for p in files]
    win = _window(qtbot, tmp_path, ws_path)
    assert win.ws.readonly
    assert win.themes.encoding.wait_idle(WAIT_MS)
    assert len(win.themes.encoding.known["e5"]) == len(TEXTS)
    win.close()
    assert [p.read_bytes() for p in files] == before
    assert _stored(ws_path, "e5") == set()
    holder.close()
