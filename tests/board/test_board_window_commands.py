"""The board's commands in the window: the Edit menu, Ctrl+F on every board, the pen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from board_fixtures import drag, qapp_font  # noqa: F401
from facilitator.workshop import Workshop
from facilitator.workshop.model import KIND_GROUPS, Group, Note, Stroke
from keys import type_text
from ui.board.pen import INKS, SETTING_COLOR, WIDTHS
from ui.board.view import BoardView
from ui.main_window import MainWindow
from ui.shortcuts import plain

CTRL = Qt.KeyboardModifier.ControlModifier


def tr(context: str, text: str) -> str:
    return plain(QCoreApplication.translate(context, text))


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, qapp_font, settings, ws, ws_path):  # noqa: F811
    """The window on a workshop with notes on the plenary board and two group boards."""
    plenary = ws.sessions()[0]
    groups_session = next(s for s in ws.sessions() if s.kind == KIND_GROUPS)
    a, b = ws.groups_of(groups_session.id)[:2]
    ws.add(ws.new_note("全体：地域のコスト", plenary.id, None, id="p1", x=0, y=0),
           ws.new_note("Aの意見", groups_session.id, a.id, id="a1", x=0, y=0),
           ws.new_note("Ａの二つ目", groups_session.id, a.id, id="a2", x=200, y=0),
           ws.new_note("Bの意見：ｺｽﾄ削減が大事", groups_session.id, b.id, id="b1",
                       x=2400, y=1600))
    ws.close()
    BoardView.default_pen = ("#222222", 3.0)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(ws_path)
    win.choose_board(plenary.id, None, False)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    win.close()
    BoardView.default_pen = ("#222222", 3.0)


def edit_action(win, text: str):
    menu = win.actions_.edit_menu
    menu.aboutToShow.emit()                     # what opening the menu does
    wanted = tr("BoardCommandActions", text)
    for act in menu.actions():
        if plain(act.text()) == wanted:
            return act
    raise AssertionError(f"no {text!r} in the Edit menu")


def test_edit_menu_follows_the_selection(qtbot, window):
    note = window.ws.get(Note, "a1")
    window.choose_board(note.session_id, note.group_id, False)
    assert not edit_action(window, "&Delete").isEnabled()
    assert not edit_action(window, "D&uplicate").isEnabled()
    window.board.board_scene().select_ids(["a1", "a2"])
    assert edit_action(window, "&Delete").isEnabled()
    assert edit_action(window, "D&uplicate").isEnabled()
    assert edit_action(window, "&Copy").shortcut().toString() == "Ctrl+C"
    edit_action(window, "D&uplicate").trigger()
    assert window.ws.count(Note) == 6
    window.actions_.undo.trigger()                  # the window's undo: one step
    assert window.ws.count(Note) == 4
    window.board.board_scene().select_ids(["a1"])
    edit_action(window, "&Delete").trigger()
    assert window.ws.get(Note, "a1") is None


def test_delete_key_in_the_entry_bar_leaves_the_board_alone(qtbot, window):
    note = window.ws.get(Note, "a1")
    window.choose_board(note.session_id, note.group_id, False)
    window.board.board_scene().select_ids(["a1"])
    window.focus_entry()
    type_text(qtbot, window.entry.line, "あい")
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Home)
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Delete)
    assert window.entry.line.text() == "い" and window.ws.get(Note, "a1") is not None


def find(qtbot, window, text: str):
    qtbot.keyClick(window.entry.line, Qt.Key.Key_F, CTRL)
    bar = window.board_commands.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    bar.field.clear()
    type_text(qtbot, bar.field, text)
    return bar


def test_ctrl_f_finds_a_note_on_another_board_and_goes_there(qtbot, window):
    window.focus_entry()
    bar = find(qtbot, window, "こすと")               # kana and width forgiven
    assert bar.list.count() == 2                       # the plenary's, then group B's
    b_group = window.ws.get(Group, window.ws.get(Note, "b1").group_id)
    assert b_group.name in bar.list.item(1).text()     # where each hit is
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.board.selected_ids() == ["p1"])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    b1 = window.ws.get(Note, "b1")
    qtbot.waitUntil(lambda: window.board.selected_ids() == ["b1"])
    assert (window.session_id, window.group_id) == (b1.session_id, b1.group_id)
    item = window.board.board_scene().item_for("b1")
    centre = window.board.mapFromScene(item.sceneBoundingRect().center())
    assert (centre - window.board.viewport().rect().center()).manhattanLength() < 40
    assert bar.field.hasFocus() and bar.count.text()   # "2 / 2": keep going with Enter
    qtbot.keyClick(bar.field, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.board.selected_ids() == ["p1"])
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_searches_only_what_is_committed(qtbot, window):
    bar = find(qtbot, window, "")
    QApplication.sendEvent(bar.field, QInputMethodEvent("いけん", []))
    assert bar.composing and bar.list.count() == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)      # commits the conversion, goes nowhere
    assert not bar.composing and bar.field.text() == "いけん"
    assert window.board.selected_ids() == []
    bar.field.clear()
    QApplication.sendEvent(bar.field, QInputMethodEvent("いけん", []))
    commit = QInputMethodEvent()
    commit.setCommitString("意見")
    QApplication.sendEvent(bar.field, commit)
    assert bar.list.count() == 2


def test_found_note_in_presentation_mode_gets_the_spotlight(qtbot, window):
    window.enter_presentation()
    qtbot.waitUntil(lambda: window.presenting)
    bar = find(qtbot, window, "Ａの二つ目")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.board.selected_ids() == ["a2"])
    item = window.board.board_scene().item_for("a2")
    assert item.look.presentation and item.isSelected()   # drawn with the orange spotlight
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)           # Esc closes the bar first...
    assert not bar.isVisible() and window.presenting
    window.leave_presentation()


def test_the_pen_options_show_with_the_pen_and_colour_the_stroke(qtbot, window, settings):
    pen = window.board_commands.pen
    assert not pen.toolbar_action.isVisible()
    window.actions_.tools["ink"].trigger()
    assert pen.toolbar_action.isVisible()
    options = pen.options
    group_colours = [g.color.upper() for g in window.ws.groups_of(window.session_id)]
    assert list(options.colour_buttons)[:3] == list(INKS)
    assert set(group_colours) <= set(options.colour_buttons)
    qtbot.mouseClick(options.colour_buttons[INKS[1]], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(options.width_buttons[WIDTHS[2]], Qt.MouseButton.LeftButton)
    view = window.board
    start = view.mapFromScene(QPointF(400, 400))
    drag(view, start, start + QPoint(120, 40))
    (stroke,) = window.ws.all(Stroke)
    assert (stroke.color, stroke.width) == (INKS[1], WIDTHS[2])
    assert settings.value(SETTING_COLOR) == INKS[1]
    window.actions_.tools["select"].trigger()
    assert not pen.toolbar_action.isVisible()


def test_the_pen_is_kept_across_boards_and_starts(qtbot, window, settings, ws_path):
    window.actions_.tools["ink"].trigger()
    window.board_commands.pen.options.choose(color=INKS[2], width=WIDTHS[0])
    note = window.ws.get(Note, "a1")
    window.choose_board(note.session_id, note.group_id, False)
    assert window.board.board_scene().ink_color == INKS[2]
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.board_commands.pen.options.color == INKS[2]
    assert again.board_commands.pen.options.width == WIDTHS[0]
    again.close()


def test_the_shortcut_sheet_lists_the_edit_commands(window):
    from ui.shortcuts import menu_shortcuts
    rows = dict(menu_shortcuts(window))
    edit = dict(rows[plain(window.actions_.edit_menu.title())])
    assert edit[tr("BoardCommandActions", "D&uplicate")] == "Ctrl+D"
    assert edit[tr("BoardCommandsController", "&Find a note…")] == "Ctrl+F"
    assert edit[tr("BoardCommandActions", "Bring to &front")] == "Ctrl+]"


def test_read_only_workshop_disables_the_edits(qtbot, window, ws_path):
    window.close_workshop()
    with Workshop.open(ws_path):                          # another holder: read-only here
        window.open_path(ws_path)
        if not window.ws.readonly:
            pytest.skip("the file is not locked against a second opener here")
        window.choose_board(window.ws.get(Note, "p1").session_id, None, False)
        window.board.board_scene().select_ids(["p1"])
        assert edit_action(window, "&Copy").isEnabled()
        assert not edit_action(window, "&Delete").isEnabled()
        window.close_workshop()
