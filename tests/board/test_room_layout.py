"""F5 for the room (issue 14): the whole board as large cards the back row reads, a view only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from board_fixtures import fill_board, qapp_font  # noqa: F401 (fixture)
from facilitator.workshop.model import Note
from ui.board.room_plan import Tile, plan_room
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def bench_f5(size: str) -> dict:
    """scripts/bench_f5.py in its own process: the demo in F5 on one screen of ``size``."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the script chooses its own screen
    out = subprocess.run([sys.executable, "scripts/bench_f5.py", size], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("size", ["1920x1080", "1024x768"])
def test_the_whole_demo_board_reads_from_the_back_of_the_room(size):
    """Glyph heights measured in a grab of F5 on one screen: every note of the demo is a
    card whose text is at least 1/40 of the screen height, and so are the theme titles."""
    got = bench_f5(size)
    height = int(size.split("x")[1])
    assert got["cards"] == got["notes"] == 20  # every note, none counted away
    assert got["note_min_px"] >= height / 40
    assert got["title_px"] >= height / 40


@pytest.fixture
def window(qtbot, qapp_font, ws, tmp_path):  # noqa: F811
    sid, gid = fill_board(ws)
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.set_workshop(ws)
    win.choose_board(sid, gid, False)  # the group's own board
    qtbot.waitExposed(win)
    yield win
    win.ws = None  # the ws fixture closes the file
    win.close()


def room_of(window):
    return window.presentation.room


def records(ws) -> list[str]:
    """Every element of every board, as stored."""
    out = []
    for session in ws.sessions():
        for group in [None, *[g.id for g in ws.groups_of(session.id)]]:
            out += [repr(e) for e in ws.elements_on(session.id, group)]
    return sorted(out)


def card_of(room, rid):
    for tp in room.room.plan.tiles:
        for note, rect in tp.cards:
            if note.rid == rid:
                return rect
    return None


def test_f5_opens_on_the_room_layout_and_tab_shows_the_board_as_drawn(qtbot, window):
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    tiles = room.room.tiles
    assert [t.title for t in tiles] == ["参加のきっかけ", QCoreApplication.translate(
        "RoomLayout", "Outside the frames")]
    assert [n.rid for n in tiles[0].notes] == ["n0", "n1"]
    assert [n.rid for n in tiles[1].notes] == ["n2", "n3", "n4", "n5"]
    assert room.room.hint  # the way back is on screen
    qtbot.keyClick(window.board, Qt.Key.Key_Tab)
    assert not room.showing_room() and room.hint.isVisible()
    qtbot.keyClick(window.board, Qt.Key.Key_Tab)
    assert room.showing_room()


def test_clicking_a_card_opens_that_note_on_the_board(qtbot, window):
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room() and card_of(room, "n4") is not None)
    zoom = window.board.zoom()
    qtbot.mouseClick(room.room, Qt.MouseButton.LeftButton,
                     pos=card_of(room, "n4").center().toPoint())
    assert not room.showing_room()
    assert window.board.selected_ids() == ["n4"]
    qtbot.waitUntil(lambda: window.board.zoom() > zoom * 1.5, timeout=3000)


def test_page_down_walks_the_themes_then_comes_back_to_the_room_layout(qtbot, window):
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    qtbot.keyClick(window.board, Qt.Key.Key_PageDown)
    assert window.board.selected_ids() == ["f1"] and not room.showing_room()
    qtbot.keyClick(window.board, Qt.Key.Key_PageDown)
    assert sorted(window.board.selected_ids()) == ["n2", "n3", "n4", "n5"]
    qtbot.keyClick(window.board, Qt.Key.Key_PageUp)
    assert window.board.selected_ids() == ["f1"]
    qtbot.keyClick(window.board, Qt.Key.Key_PageDown)
    qtbot.keyClick(window.board, Qt.Key.Key_PageDown)
    assert room.showing_room() and window.board.selected_ids() == []


def test_leaving_f5_puts_the_board_view_back_untouched(qtbot, window):
    board = window.board
    board.zoom_by(1.7)
    board.centerOn(300, 200)
    before = (board.transform(), board.mapToScene(board.viewport().rect().center()))
    saved = records(window.ws)
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    qtbot.keyClick(window.board, Qt.Key.Key_PageDown)  # a theme, large, on the true board
    qtbot.wait(700)
    qtbot.keyClick(window.board, Qt.Key.Key_Tab)
    window.leave_presentation()
    qtbot.wait(200)
    assert not room.room.isVisible() and not room.hint.isVisible()
    assert not board.board_scene().look.presentation
    assert board.transform() == before[0]
    centre = board.mapToScene(board.viewport().rect().center())
    assert abs(centre.x() - before[1].x()) < 2 and abs(centre.y() - before[1].y()) < 2
    assert records(window.ws) == saved  # a view: nothing on the board moved
    # Tab and PageDown are the board's again.
    assert not any(s.isEnabled() for s in room.shortcuts)


def test_a_note_typed_during_f5_reaches_the_room_layout(qtbot, window):
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    n0 = window.ws.get(Note, "n0")
    window.ws.add(window.ws.new_note("後から来た意見", n0.session_id, n0.group_id,
                                     x=60, y=120, id="late"))
    qtbot.waitUntil(lambda: "late" in [n.rid for n in room.room.tiles[0].notes], timeout=2000)
    assert card_of(room, "late") is not None


def test_a_board_without_frames_shows_its_notes_by_colour(qtbot, window):
    ws = window.ws
    plenary = next(s for s in ws.sessions() if not ws.groups_of(s.id))
    ws.add(ws.new_note("青の意見", plenary.id, None, x=0, y=0, color="#BFE3FF", id="b1"),
           ws.new_note("黄の意見", plenary.id, None, x=200, y=0, color="#FFE27A", id="y1"),
           ws.new_note("青の二つ目", plenary.id, None, x=400, y=0, color="#BFE3FF", id="b2"))
    window.choose_board(plenary.id, None, False)
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    assert [[n.rid for n in t.notes] for t in room.room.tiles] == [["b1", "b2"], ["y1"]]
    assert all(card_of(room, rid) is not None for rid in ("b1", "b2", "y1"))


def test_all_groups_side_by_side_make_a_tile_per_group(qtbot, window):
    ws = window.ws
    session = next(s for s in ws.sessions() if ws.groups_of(s.id))
    groups = ws.groups_of(session.id)
    window.choose_board(session.id, None, True)
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    assert [t.title for t in room.room.tiles] == [g.name for g in groups]
    assert len(room.room.tiles[0].notes) == 6


def fake_notes(count: int, text: str = "付箋の文章がここに入ります。長めの意見もあります") -> list:
    return [SimpleNamespace(rid=f"x{i}", rec=SimpleNamespace(text=text)) for i in range(count)]


def test_the_demo_sized_board_fills_the_screen_without_overlaps(qapp):
    tiles = [Tile(f"テーマ{i}", "#888888", fake_notes(n)) for i, n in enumerate([5, 5, 5, 4, 1])]
    for width, height in ((1920, 1080), (1024, 768)):
        plan = plan_room(tiles, width, height, height / 40 * 1.15)
        assert plan.full and plan.font_px >= height / 40 * 1.15
        rects = [tp.rect for tp in plan.tiles] + [r for tp in plan.tiles for _, r in tp.cards]
        screen = plan.tiles[0].rect.united(plan.tiles[-1].rect)
        assert 0 <= screen.left() and screen.right() <= width and screen.bottom() <= height
        for tp in plan.tiles:
            cards = [r for _, r in tp.cards]
            assert all(tp.rect.contains(r) for r in cards)
            assert not any(a.intersects(b) for i, a in enumerate(cards) for b in cards[i + 1:])
        assert sum(len(tp.cards) for tp in plan.tiles) == 20 and rects


@pytest.mark.parametrize("themes", [1, 40, 400])
def test_five_thousand_notes_keep_the_type_and_count_what_does_not_fit(qapp, themes):
    """Too many notes for one screen: the cards keep the room's type, each theme counts the
    notes it cannot show; too many themes: titles large and the rest counted."""
    per = 5000 // themes
    tiles = [Tile(f"テーマ{i}", "#888888", fake_notes(per)) for i in range(themes)]
    least = 1080 / 40 * 1.15
    plan = plan_room(tiles, 1920, 1080, least)
    assert not plan.full and plan.font_px == least and plan.title_px >= least
    shown = sum(len(tp.cards) + tp.hidden for tp in plan.tiles)
    assert shown == per * len(plan.tiles)  # every shown theme accounts for all its notes
    assert len(plan.tiles) + plan.hidden_tiles == themes
    assert all(tp.rect.right() <= 1920 and tp.rect.bottom() <= 1080 for tp in plan.tiles)
    if themes == 1:  # one theme: a screenful of its notes as cards, the rest counted
        assert len(plan.tiles[0].cards) >= 12 and plan.tiles[0].hidden > 4900
    else:  # many: the cards would be smaller than the room reads; titles and counts
        assert all(tp.more is not None for tp in plan.tiles)
