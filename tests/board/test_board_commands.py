"""Board commands by mouse on the real widgets: the context menu, Shift+click, the clipboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from board_fixtures import at, board, drag, qapp_font, reopened  # noqa: F401
from facilitator.board.arrange import HUES
from facilitator.workshop.model import Connector, Frame, Note, Theme
from ui.board import edit_actions
from ui.board.commands import MIME_ELEMENTS
from ui.shortcuts import plain

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def tr(text: str) -> str:
    return plain(QCoreApplication.translate("BoardCommandActions", text))


def find_action(menu: QMenu, text: str):
    """The action of ``menu`` (or its submenus) whose text is ``text`` (translated)."""
    wanted = tr(text)
    for act in menu.actions():
        if act.menu() is not None:
            found = find_action(act.menu(), text)
            if found is not None:
                return found
        elif plain(act.text()) == wanted:
            return act
    return None


def right_click(qtbot, view, pos: QPoint) -> QMenu:
    """Right-click the board at viewport ``pos``; the context menu that opens."""
    vp = view.viewport()
    QApplication.sendEvent(vp, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                 vp.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


def choose(menu: QMenu, text: str) -> None:
    act = find_action(menu, text)
    assert act is not None and act.isEnabled(), text
    act.trigger()
    menu.close()


def empty_point(view) -> QPoint:
    return view.mapFromScene(300, 700)


def test_right_click_on_a_note_offers_its_commands_and_selects_it(qtbot, board):
    scene = board.board_scene()
    scene.select_ids(["n2", "n3"])
    menu = right_click(qtbot, board, at(board, "n0"))
    assert board.selected_ids() == ["n0"]          # not in the selection: it becomes it
    for text in ("&Edit text", "Cu&t", "&Copy", "&Paste", "D&uplicate", "&Delete",
                 "Bring to &front", "Send to &back", "Red", "Align &left edges"):
        assert find_action(menu, text) is not None, text
    assert not find_action(menu, "Align &left edges").isEnabled()   # one note: nothing to align
    menu.close()


def test_right_click_on_a_selected_note_keeps_the_selection(qtbot, board, ws):
    board.board_scene().select_ids(["n0", "n4", "n2"])
    menu = right_click(qtbot, board, at(board, "n4"))
    assert sorted(board.selected_ids()) == ["n0", "n2", "n4"]
    choose(menu, "Align &left edges")
    assert len({ws.get(Note, i).x for i in ("n0", "n4", "n2")}) == 1


def test_right_click_on_the_empty_board(qtbot, board, ws):
    menu = right_click(qtbot, board, empty_point(board))
    assert find_action(menu, "Cu&t") is None
    assert find_action(menu, "&New note here") is not None
    choose(menu, "Select &all")
    assert len(board.selected_ids()) == len(board.board_scene().by_id)


def test_new_note_here_opens_the_editor_at_the_click(qtbot, board):
    menu = right_click(qtbot, board, empty_point(board))
    choose(menu, "&New note here")
    editor = board.board_scene().editor
    assert editor is not None and editor.kind == "note"
    assert (editor.pos() - board.mapToScene(empty_point(board))).manhattanLength() < 2


@pytest.mark.parametrize("command, check", [
    ("Red", lambda ws: ws.get(Note, "n0").color == HUES["red"][0]),
    ("D&uplicate", lambda ws: ws.count(Note) == 7),
    ("&Delete", lambda ws: ws.get(Note, "n0") is None and ws.get(Connector, "c1") is None),
    ("Bring to &front", lambda ws: ws.get(Note, "n0").z == max(e.z for e in ws.elements_on(
        ws.get(Note, "n1").session_id, ws.get(Note, "n1").group_id))),
    ("Send to &back", lambda ws: ws.get(Note, "n0").z < ws.get(Frame, "f1").z),
    ("Cu&t", lambda ws: ws.get(Note, "n0") is None),
])
def test_each_context_command_is_one_undo_step(qtbot, board, ws, ws_path, command, check):
    before = {n.id: n for n in ws.all(Note)}
    menu = right_click(qtbot, board, at(board, "n0"))
    choose(menu, command)
    assert check(ws)
    with reopened(ws_path) as saved:
        assert check(saved)
    assert len(ws.history.undo_stack) == 1
    ws.undo()
    assert {n.id: n for n in ws.all(Note)} == before


def test_distribute_from_the_menu(qtbot, board, ws):
    ws.move(["n1"], 50, 0)
    board.board_scene().select_ids(["n0", "n1", "n2"])
    choose(right_click(qtbot, board, at(board, "n1")), "Distribute &horizontally")
    a, b, c = (ws.get(Note, i) for i in ("n0", "n1", "n2"))
    assert b.x - (a.x + a.w) == pytest.approx(c.x - (b.x + b.w))


def test_deleting_a_theme_frame_asks_and_can_keep_the_notes(qtbot, board, ws, monkeypatch):
    sid, gid = ws.get(Frame, "f1").session_id, ws.get(Frame, "f1").group_id
    ws.add(Theme(id="t1", session_id=sid, label="参加のきっかけ"))
    ws.update("f1", theme_id="t1")
    ws.update("n0", theme_id="t1")
    asked = []
    monkeypatch.setattr(edit_actions, "ask_frame_contents",
                        lambda parent: asked.append(parent) or False)
    board.board_scene().select_ids(["f1"])
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    assert asked and ws.get(Frame, "f1") is None and ws.get(Theme, "t1") is None
    assert ws.get(Note, "n0").theme_id is None and ws.get(Note, "n1") is not None
    ws.undo()
    monkeypatch.setattr(edit_actions, "ask_frame_contents", lambda parent: True)
    board.board_scene().select_ids(["f1"])
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    assert ws.get(Note, "n0") is None and ws.get(Note, "n1") is None
    monkeypatch.setattr(edit_actions, "ask_frame_contents", lambda parent: None)
    ws.undo()
    board.board_scene().select_ids(["f1"])
    qtbot.keyClick(board, Qt.Key.Key_Delete)               # cancelled: nothing goes
    assert ws.get(Frame, "f1") is not None and ws.get(Note, "n0") is not None


def test_shift_click_toggles_notes_in_the_selection(qtbot, board):
    vp = board.viewport()
    qtbot.mouseClick(vp, LEFT, Qt.KeyboardModifier.NoModifier, at(board, "n0"))
    qtbot.mouseClick(vp, LEFT, SHIFT, at(board, "n4"))
    qtbot.mouseClick(vp, LEFT, SHIFT, at(board, "n5"))
    assert sorted(board.selected_ids()) == ["n0", "n4", "n5"]
    qtbot.mouseClick(vp, LEFT, SHIFT, at(board, "n4"))
    assert sorted(board.selected_ids()) == ["n0", "n5"]
    qtbot.mouseClick(vp, LEFT, CTRL, at(board, "n0"))      # Ctrl does the same
    assert board.selected_ids() == ["n5"]
    qtbot.mouseClick(vp, LEFT, Qt.KeyboardModifier.NoModifier, at(board, "n3"))
    assert board.selected_ids() == ["n3"]                  # a plain click starts again


def test_shift_drag_on_the_empty_board_adds_a_rubber_band(qtbot, board):
    scene = board.board_scene()
    scene.select_ids(["st1"])
    r4, r5 = (scene.item_for(i).sceneBoundingRect() for i in ("n4", "n5"))
    start = board.mapFromScene(r4.topLeft()) + QPoint(-12, -12)
    end = board.mapFromScene(r5.bottomRight()) + QPoint(12, 12)
    drag(board, start, end, mods=SHIFT)
    assert {"st1", "n4", "n5"} <= set(board.selected_ids())
    assert "n0" not in board.selected_ids()


def test_shift_drag_of_a_selected_note_moves_the_selection(qtbot, board, ws):
    board.board_scene().select_ids(["n4", "n5"])
    drag(board, at(board, "n4"), at(board, "n4") + QPoint(0, 80), mods=SHIFT)
    assert (ws.get(Note, "n4").y, ws.get(Note, "n5").y) == (208 + 80, 208 + 80)


def test_copy_and_paste_through_the_system_clipboard(qtbot, board, ws):
    board.board_scene().select_ids(["n0", "n1"])
    qtbot.keyClick(board, Qt.Key.Key_C, CTRL)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_ELEMENTS)
    assert data.text().splitlines() == [ws.get(Note, "n0").text, ws.get(Note, "n1").text]
    target = board.mapToScene(empty_point(board))
    board.paste_here(target)
    new = [n for n in ws.all(Note) if n.id not in {f"n{i}" for i in range(6)}]
    assert sorted(n.text for n in new) == sorted(ws.get(Note, i).text for i in ("n0", "n1"))
    assert sorted(board.selected_ids()) == sorted([n.id for n in new] + [
        c.id for c in ws.all(Connector) if c.source_id in {n.id for n in new}])
    left, right = min(n.x for n in new), max(n.x + n.w for n in new)
    assert (left + right) / 2 == pytest.approx(target.x(), abs=1)
    ws.undo()                                              # one step takes the paste back
    assert ws.count(Note) == 6


def test_ctrl_v_pastes_under_the_mouse(qtbot, board, ws):
    QGuiApplication.clipboard().setText("マウスの下")
    spot = empty_point(board)
    board.cursor().setPos(board.viewport().mapToGlobal(spot))
    if board.viewport().mapFromGlobal(board.cursor().pos()) != spot:
        pytest.skip("this platform cannot move the mouse pointer")
    qtbot.keyClick(board, Qt.Key.Key_V, CTRL)
    note = next(n for n in ws.all(Note) if n.text == "マウスの下")
    assert abs(note.x + note.w / 2 - board.mapToScene(spot).x()) < 2


def test_text_from_another_program_becomes_one_note_per_line(qtbot, board, ws):
    data = QMimeData()
    data.setText("・予算の確保\r\n・担い手の育成\n\n・情報共有の場")
    QGuiApplication.clipboard().setMimeData(data)
    menu = right_click(qtbot, board, empty_point(board))
    choose(menu, "&Paste")
    new = [n.text for n in ws.all(Note) if not n.id.startswith("n")]
    assert new == ["予算の確保", "担い手の育成", "情報共有の場"]
    assert len(ws.history.undo_stack) == 1


def test_paste_is_disabled_with_an_empty_clipboard(qtbot, board):
    QGuiApplication.clipboard().clear()
    menu = right_click(qtbot, board, empty_point(board))
    assert not find_action(menu, "&Paste").isEnabled()
    menu.close()


def test_bracket_keys_restack(qtbot, board, ws):
    board.board_scene().select_ids(["n0"])
    qtbot.keyClick(board, Qt.Key.Key_BracketRight, CTRL)
    assert ws.get(Note, "n0").z == max(e.z for e in ws.all(Note) + ws.all(Connector))
    qtbot.keyClick(board, Qt.Key.Key_BracketLeft, CTRL)
    assert ws.get(Note, "n0").z < ws.get(Frame, "f1").z
