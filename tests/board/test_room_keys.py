"""F5's room layout covers the board but not its selection: the board's keys, which act on
that selection, do nothing while the room layout is shown, and work again on Tab back and
after F5 (pressed as a user presses them, into the window's focused widget)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from board_fixtures import qapp_font  # noqa: F401 (fixture)
from facilitator.workshop.model import Note
from test_room_layout import records, room_of, window  # noqa: F401 (fixture)
from ui.board.view import BoardView

CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
K = Qt.Key
PRESSES = {
    "delete": [(K.Key_Delete, NONE)],
    "backspace": [(K.Key_Backspace, NONE)],
    "cut": [(K.Key_X, CTRL)],
    "duplicate": [(K.Key_D, CTRL)],
    "copy, paste": [(K.Key_C, CTRL), (K.Key_V, CTRL)],
    "to front": [(K.Key_BracketRight, CTRL)],
    "to back": [(K.Key_BracketLeft, CTRL)],
    "select all, delete": [(K.Key_A, CTRL), (K.Key_Delete, NONE)],
    "arrows": [(K.Key_Right, NONE), (K.Key_Down, NONE)],
    "typing": [(K.Key_A, NONE), (K.Key_B, NONE), (K.Key_Return, NONE)],
}


def press(qtbot, keys) -> None:
    for key, mods in keys:
        target = QApplication.focusWidget()
        qtbot.keyClick(target, key, mods)
    qtbot.wait(50)


def in_room_with_n1_selected(qtbot, window):
    window.board.board_scene().select_ids(["n1"])
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    assert QApplication.focusWidget() is window.board
    return room


@pytest.mark.parametrize("what", list(PRESSES))
def test_board_keys_change_nothing_under_the_room_layout(qtbot, window, what):
    saved = records(window.ws)
    room = in_room_with_n1_selected(qtbot, window)
    press(qtbot, PRESSES[what])
    assert records(window.ws) == saved
    assert room.showing_room()
    # The selection is kept (the card shows it; PageDown walks on from its theme).
    assert window.board.selected_ids() == ["n1"]


def test_the_keys_work_again_on_tab_back_and_after_f5(qtbot, window):
    room = in_room_with_n1_selected(qtbot, window)
    press(qtbot, [(K.Key_Delete, NONE)])
    assert window.ws.get(Note, "n1") is not None
    press(qtbot, [(K.Key_Tab, NONE)])  # the board as drawn, n1 selected on it
    assert not room.showing_room()
    press(qtbot, [(K.Key_Delete, NONE)])
    assert window.ws.get(Note, "n1") is None
    press(qtbot, [(K.Key_Tab, NONE)])
    assert room.showing_room()
    window.leave_presentation()
    window.board.board_scene().select_ids(["n2"])
    window.board.setFocus()
    press(qtbot, [(K.Key_D, CTRL)])
    assert len([e for e in window.ws.all(Note) if e.text == window.ws.get(Note, "n2").text]) == 2


def test_neither_a_right_click_nor_the_menu_key_opens_the_board_menu(qtbot, window,
                                                                      monkeypatch):
    menus = []
    monkeypatch.setattr(BoardView, "show_context_menu", lambda self, *a: menus.append(a))
    saved = records(window.ws)
    room = in_room_with_n1_selected(qtbot, window)
    rect = next(r for tp in room.room.plan.tiles for note, r in tp.cards if note.rid == "n1")
    at = room.room.mapTo(window, rect.center().toPoint())
    # Through the window, as the platform delivers it (a context menu event follows).
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, NONE, at)
    press(qtbot, [(K.Key_Menu, NONE)])
    assert menus == []
    assert records(window.ws) == saved and room.showing_room()


def test_a_note_being_typed_when_f5_starts_is_kept_and_typing_stops(qtbot, window):
    scene = window.board.board_scene()
    scene.begin_edit(scene.item_for("n1"))
    window.board.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "!")
    window.enter_presentation()
    room = room_of(window)
    qtbot.waitUntil(lambda: room.showing_room())
    assert scene.editor is None
    text = window.ws.get(Note, "n1").text
    assert text.endswith("!")  # what was typed before F5 is kept
    press(qtbot, [(K.Key_X, NONE), (K.Key_Y, NONE)])
    assert window.ws.get(Note, "n1").text == text
