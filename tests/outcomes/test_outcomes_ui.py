"""Decisions and action items in the window: one shortcut over the board, Enter saves, the panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from facilitator.workshop import Workshop
from facilitator.workshop.model import KIND_GROUPS, ActionItem, Decision, Participant
from keys import type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(ws, window_on):
    ws.add(Participant(id="p1", name="岡田 拓也", organisation="〇〇県", order=0),
           Participant(id="p2", name="中島 翔", organisation="ノードリーフ", order=1))
    return window_on(ws)


def saved(ws_path, rtype):
    with Workshop.open(ws_path, readonly=True) as ws:
        return ws.all(rtype)


def group_session(win):
    return next(s for s in win.ws.sessions() if s.kind == KIND_GROUPS)


def test_shortcut_type_enter_records_a_decision_of_the_session_in_view(qtbot, window, ws_path):
    session = group_session(window)
    window.choose_board(session.id, window.ws.groups_of(session.id)[0].id, False)
    window.entry.setFocus()
    qtbot.keyClick(window.entry.line, Qt.Key.Key_D, CTRL_SHIFT)
    bar = window.outcomes.bar
    assert bar.isVisible() and bar.text.hasFocus()
    assert bar.session.currentData() == session.id            # prefilled: the session in view
    assert window.board.isVisible()                          # the board stays in sight
    assert not bar.geometry().intersects(window.entry.geometry().translated(
        window.entry.mapTo(window.centralWidget(), window.entry.rect().topLeft())
        - window.entry.pos()))
    type_text(qtbot, bar.text, "次回は車座で議論する")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert not bar.isVisible()
    (d,) = saved(ws_path, Decision)
    assert (d.text, d.session_id) == ("次回は車座で議論する", session.id)
    assert window.entry.line.hasFocus()                     # back to typing notes
    window.actions_.undo.trigger()                          # one step
    assert saved(ws_path, Decision) == []


def test_enter_while_composing_commits_and_saves_nothing(qtbot, window, ws_path):
    window.outcomes.decision_action.trigger()
    bar = window.outcomes.bar
    QApplication.sendEvent(bar.text, QInputMethodEvent("しゃざでぎろん", []))
    assert bar.text.composing
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert saved(ws_path, Decision) == [] and bar.isVisible()
    assert bar.text.text() == "しゃざでぎろん" and not bar.text.composing
    QApplication.sendEvent(bar.text, QInputMethodEvent("へんかん", []))
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)             # Esc belongs to the composition
    assert bar.isVisible()
    commit = QInputMethodEvent()
    commit.setCommitString("変換")
    QApplication.sendEvent(bar.text, commit)
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert [d.text for d in saved(ws_path, Decision)] == ["しゃざでぎろん変換"]


def test_escape_cancels_and_nothing_is_saved(qtbot, window, ws_path):
    window.outcomes.decision_action.trigger()
    bar = window.outcomes.bar
    type_text(qtbot, bar.text, "やっぱりやめる")
    qtbot.keyClick(bar.text, Qt.Key.Key_Escape)
    assert not bar.isVisible() and saved(ws_path, Decision) == []
    window.outcomes.decision_action.trigger()
    assert bar.text.text() == ""


def test_an_empty_decision_is_told_in_the_bar_not_in_a_dialog(qtbot, window, ws_path, messages):
    window.outcomes.decision_action.trigger()
    bar = window.outcomes.bar
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert bar.isVisible() and bar.message.isVisible() and bar.message.text()
    assert messages == [] and saved(ws_path, Decision) == []


def test_an_action_item_with_an_owner_from_the_participants_and_a_due_date(
        qtbot, window, ws_path):
    closing = window.ws.sessions()[-1]
    window.choose_board(closing.id, None, False)
    qtbot.keyClick(window.entry.line, Qt.Key.Key_A, CTRL_SHIFT)
    bar = window.outcomes.bar
    assert bar.owner.isVisible() and bar.due.isVisible()
    assert [bar.owner.itemText(i) for i in range(bar.owner.count())] == ["岡田 拓也", "中島 翔"]
    type_text(qtbot, bar.text, "議事録を共有する")
    bar.owner.setCurrentIndex(0)
    bar.due.setFocus()
    type_text(qtbot, bar.due, "2026/11/27")
    qtbot.keyClick(bar.due, Qt.Key.Key_Return)              # Enter in any field saves
    (a,) = saved(ws_path, ActionItem)
    assert (a.what, a.owner, a.due, a.session_id, a.done) == (
        "議事録を共有する", "岡田 拓也", "2026-11-27", closing.id, False)
    qtbot.keyClick(window.entry.line, Qt.Key.Key_A, CTRL_SHIFT)
    type_text(qtbot, bar.text, "名簿にない人の宿題")
    bar.owner_line.setFocus()
    type_text(qtbot, bar.owner_line, "外部の先生")         # an owner may be typed
    qtbot.keyClick(bar.owner_line, Qt.Key.Key_Return)
    assert [a.owner for a in saved(ws_path, ActionItem)] == ["岡田 拓也", "外部の先生"]


def test_the_panel_lists_edits_ticks_done_and_deletes(qtbot, window, ws_path):
    ws = window.ws
    from facilitator.outcomes.items import add_action_item, add_decision
    ws.apply(add_decision(ws, "春に再開する", ws.sessions()[0].id))
    ws.apply(add_action_item(ws, "日程調整", ws.sessions()[3].id, "中島 翔", "2026-12-11"))
    window.outcomes.panel_action.trigger()
    panel = window.outcomes.panel
    assert window.outcomes.dock.isVisible()
    assert panel.decisions.rowCount() == 1 and panel.actions.rowCount() == 1
    assert panel.decisions.item(0, 0).text() == "春に再開する"
    assert panel.decisions.item(0, 1).text() == ws.sessions()[0].title
    # Tick done.
    panel.actions.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert saved(ws_path, ActionItem)[0].done is True
    assert panel.actions.item(0, 1).font().strikeOut()
    # Edit a cell by typing into it.
    panel.actions.setFocus()
    panel.actions.setCurrentCell(0, 2)
    qtbot.keyClick(panel.actions, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.setCurrentText("岡田 拓也")
    qtbot.keyClick(editor, Qt.Key.Key_Return)   # the view commits on its next turn
    qtbot.waitUntil(lambda: saved(ws_path, ActionItem)[0].owner == "岡田 拓也")
    # Move a decision to another session with the list.
    panel.decisions.setFocus()
    panel.decisions.setCurrentCell(0, 1)
    qtbot.keyClick(panel.decisions, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    box.setCurrentIndex(box.findText(ws.sessions()[-1].title))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: saved(ws_path, Decision)[0].session_id == ws.sessions()[-1].id)
    # Delete removes the selected row; undo brings it back.
    panel.decisions.selectRow(0)
    qtbot.keyClick(panel.decisions, Qt.Key.Key_Delete)
    assert saved(ws_path, Decision) == [] and panel.decisions.rowCount() == 0
    window.actions_.undo.trigger()
    assert panel.decisions.rowCount() == 1


def test_shortcuts_work_in_presentation_mode(qtbot, window, ws_path):
    window.actions_.presentation.trigger()
    assert window.presenting
    qtbot.keyClick(window.board.viewport(), Qt.Key.Key_D, CTRL_SHIFT)
    bar = window.outcomes.bar
    assert bar.isVisible()
    type_text(qtbot, bar.text, "発表中に決まった")
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert [d.text for d in saved(ws_path, Decision)] == ["発表中に決まった"]
    window.leave_presentation()
