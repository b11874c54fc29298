"""The projector window (Shift+F5) shows the whole board as F5 does: the room layout, large
cards the back row reads, on the second screen; a selection on the laptop shows the board
there, gliding to it (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from board_fixtures import qapp_font  # noqa: F401 (fixture)
from facilitator.workshop.model import Note
from test_room_layout import window  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]


def test_on_a_second_screen_the_projector_shows_the_room_layout_large():
    """Two offscreen screens, a 1280×800 laptop and a 1920×1080 projector: glyph heights
    in a grab of the projector window, as scripts/bench_f5.py measures F5."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the helper chooses its own screens
    out = subprocess.run([sys.executable, "tests/board/projector_screens.py"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["screen"] == "projector" and got["full_screen"]
    assert got["size"] == [1920, 1080]
    assert got["room"] and got["cards"] == 20  # every note of the demo a card
    assert got["note_min_px"] >= 1080 / 40 and got["title_min_px"] >= 1080 / 40
    assert not got["room_with_selection"] and got["zoom_gain"] > 1.5
    assert got["room_after_clear"]
    assert got["laptop_selected"] == [got["clicked"]]


def test_the_projector_follows_the_laptop_between_room_layout_and_board(qtbot, window):
    window.open_projector()
    projector = window.projector
    qtbot.waitUntil(lambda: projector.showing_room())
    assert [n.rid for t in projector.room.tiles for n in t.notes] == \
        ["n0", "n1", "n2", "n3", "n4", "n5"]
    window.board.board_scene().select_ids(["n3"])
    assert not projector.showing_room()
    qtbot.waitUntil(lambda: projector.view.selected_ids() == ["n3"], timeout=2000)
    window.board.board_scene().clearSelection()
    assert projector.showing_room()
    qtbot.keyClick(projector, Qt.Key.Key_Tab)  # the board as drawn, on the projector
    assert not projector.showing_room()
    qtbot.keyClick(projector, Qt.Key.Key_Tab)
    assert projector.showing_room()
    # A note typed on the laptop reaches the projector's room layout.
    ws = window.ws
    first = ws.get(Note, "n0")
    ws.add(ws.new_note("プロジェクターにも", first.session_id, first.group_id, x=60, y=400,
                       id="late"))
    qtbot.waitUntil(lambda: "late" in [n.rid for t in projector.room.tiles for n in t.notes],
                    timeout=2000)
    window._close_projector()
    assert all(getattr(f, "__self__", None) is not projector for f in ws.listeners)


def test_keys_on_the_projector_window_edit_nothing(qtbot, window):
    """The room watches the projector; the facilitator edits on the laptop: Delete, Ctrl+X
    or Ctrl+D pressed on the projector window leave the board as it is."""
    from test_room_layout import records
    window.open_projector()
    projector = window.projector
    window.board.board_scene().select_ids(["n3"])
    qtbot.waitUntil(lambda: projector.view.selected_ids() == ["n3"], timeout=2000)
    saved = records(window.ws)
    projector.activateWindow()
    projector.view.setFocus()
    for key, mods in ((Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)):
        qtbot.keyClick(projector.view, key, mods)
    assert records(window.ws) == saved
    window._close_projector()
