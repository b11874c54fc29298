"""Capture on a busy board (issue 13 D): typed notes never hide one another, the view
keeps the new note in sight without jumping, and panning never moves anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.board.sample_notes import typed_notes
from facilitator.workshop import Workshop
from facilitator.workshop.model import Frame, Note, Theme
from ui.board.items import NoteItem
from ui.main_window import MainWindow

LEFT, MIDDLE = Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton


@pytest.fixture
def window(qtbot, tmp_path, ws_path):
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_path(ws_path)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    session = next(s for s in win.ws.sessions() if win.ws.groups_of(s.id))
    win.choose_board(session.id, win.ws.groups_of(session.id)[0].id, False)
    qtbot.wait(10)  # the fit the window makes once the board has its size
    win.focus_entry()
    yield win
    win.close()


def enter(window, text: str) -> None:
    """Type ``text`` into the quick-entry bar and press Enter (as the bench does)."""
    window.entry.line.setText(text)
    QTest.keyClick(window.entry.line, Qt.Key.Key_Return)


def note_items(window) -> list[NoteItem]:
    return [i for i in window.board.board_scene().items() if isinstance(i, NoteItem)]


def visible(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_five_hundred_typed_notes_never_overlap_as_the_board_draws_them(qtbot, window):
    for text in typed_notes(500):
        enter(window, text)
    items = note_items(window)
    assert len(items) == 500
    rects = sorted((i.sceneBoundingRect() for i in items), key=lambda r: r.left())
    overlapping = [(a, b) for k, a in enumerate(rects) for b in rects[k + 1:]
                   if b.left() < a.right() and a.intersects(b)]
    assert overlapping == []
    # The file says what the board shows: each record as tall as its drawn note.
    assert all(i.rect().height() == i.rec.h for i in items)
    assert max(i.rec.h for i in items) > 2 * 100


def test_a_group_switch_never_magnifies_a_nearly_empty_board(qtbot, window):
    enter(window, "一枚目の付箋")
    QTest.keyClick(window.entry.line, Qt.Key.Key_Tab)       # to group B (empty)
    qtbot.wait(10)
    assert 0.5 <= window.board.zoom() <= 1.0
    QTest.keyClick(window.entry.line, Qt.Key.Key_Backtab)   # back to A, one note
    qtbot.wait(10)
    assert 0.5 <= window.board.zoom() <= 1.0                # was 200 %
    first, = note_items(window)
    assert visible(window.board).contains(first.sceneBoundingRect())


def test_every_new_note_comes_into_view_and_the_zoom_stays(qtbot, window):
    view = window.board
    zoom = view.zoom()
    moved = 0
    for i, text in enumerate(typed_notes(60, seed=4)):
        before = visible(view)
        enter(window, text)
        qtbot.waitUntil(lambda: not view.gliding(), timeout=2000)
        newest = max(note_items(window), key=lambda it: it.rec.z)
        assert visible(view).contains(newest.sceneBoundingRect()), i
        assert view.zoom() == zoom
        moved += visible(view) != before
    assert moved  # 60 notes do not fit one screen: the view followed them
    # ... and a window resize keeps the zoom the note-taker has been typing at.
    window.resize(1100, 760)
    qtbot.wait(20)
    assert view.zoom() == zoom


# -- panning never moves anything ------------------------------------------------------
@pytest.fixture
def themed(window):
    """Two theme frames side by side on the board; note "n" in the first one's theme."""
    ws, sid, gid = window.ws, window.session_id, window.group_id
    ws.add(Theme(id="ta", session_id=sid, label="参加のきっかけ"),
           Theme(id="tb", session_id=sid, label="続けるために"),
           Frame(id="fa", session_id=sid, group_id=gid, x=0, y=0, w=360, h=300, z=-2,
                 theme_id="ta", title="参加のきっかけ"),
           Frame(id="fb", session_id=sid, group_id=gid, x=400, y=0, w=360, h=300, z=-1,
                 theme_id="tb", title="続けるために"),
           Note(id="n", session_id=sid, group_id=gid, x=40, y=60, z=1, text="友人に誘われた",
                theme_id="ta"))
    window.board.zoom_100()
    window.board.centerOn(380, 150)
    window.focus_entry()
    ws.history.undo_stack.clear()
    return ws


def over(view, rid: str, dx: float = 0.0) -> QPoint:
    item = view.board_scene().item_for(rid)
    return view.mapFromScene(item.sceneBoundingRect().center() + QPointF(dx, 0))


def user_drag(view, start: QPoint, end: QPoint, button=LEFT) -> None:
    """Press, move and release as a user does (the press moves the keyboard focus)."""
    vp = view.viewport()
    QTest.mousePress(vp, button, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 7):
        QTest.mouseMove(vp, start + (end - start) * (k / 6))
    QTest.mouseRelease(vp, button, Qt.KeyboardModifier.NoModifier, end)


def test_space_drag_from_the_entry_bar_pans_and_moves_no_note(qtbot, window, themed):
    view, line = window.board, window.entry.line
    line.setText("途中まで")
    bars = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    QTest.keyPress(line, Qt.Key.Key_Space)
    user_drag(view, over(view, "n"), over(view, "n", 420))  # onto the other theme's frame
    QTest.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Space)
    note = themed.get(Note, "n")
    assert (note.x, note.y, note.theme_id) == (40, 60, "ta")   # moved nowhere, same theme
    assert themed.history.undo_stack == []
    assert view.horizontalScrollBar().value() == bars[0] - 420  # the board panned instead
    assert view.verticalScrollBar().value() == bars[1]
    assert line.text() == "途中まで "                           # the space stayed typed
    assert QApplication.focusWidget() is line                   # typing goes on


def test_once_space_is_released_a_drag_moves_the_note_again(qtbot, window, themed):
    view, line = window.board, window.entry.line
    QTest.keyClick(line, Qt.Key.Key_Space)
    user_drag(view, over(view, "n"), over(view, "n", 80))
    assert themed.get(Note, "n").x == 120


def test_a_middle_drag_only_pans_and_leaves_the_keyboard_in_the_entry_bar(qtbot, window, themed):
    view, line = window.board, window.entry.line
    bars = view.horizontalScrollBar().value()
    user_drag(view, over(view, "n"), over(view, "n", 420), button=MIDDLE)
    assert themed.get(Note, "n").x == 40 and themed.history.undo_stack == []
    assert view.horizontalScrollBar().value() == bars - 420
    assert QApplication.focusWidget() is line


def test_two_quick_space_drags_start_no_note(qtbot, window, themed):
    view, line = window.board, window.entry.line
    QTest.keyPress(line, Qt.Key.Key_Space)
    empty = view.mapFromScene(QPointF(200, 400))
    QTest.mouseDClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, empty)
    QTest.mouseRelease(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, empty)  # the
    # second release, which QTest leaves out (it would leave the button down for later tests)
    QTest.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert view.board_scene().editor is None
    assert themed.history.undo_stack == []
