"""Japanese input: what is being composed is kept when a field loses the keyboard.

A real input method (mozc) first shows the word being composed (pre-edit) and
commits it later; clicking elsewhere in between must not drop it.  These tests
send the input method's events themselves (``QInputMethodEvent`` with a
pre-edit and nothing committed, as an input method that does not commit on a
focus change leaves it) and then move the keyboard away.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from board_fixtures import at, board, double_click, qapp_font, reopened  # noqa: F401
from facilitator.workshop.model import Frame, Heading, Note
from ui.ime import keep_compositions

COMPOSED = "かんじへんかん"


def compose(target=None, preedit: str = COMPOSED) -> None:
    """The input method shows ``preedit`` under the cursor (nothing committed yet).

    Sent where a platform input method sends it: the focus object (or ``target``).
    """
    target = target or QApplication.focusObject()
    assert target is not None
    QApplication.sendEvent(target, QInputMethodEvent(preedit, []))


@pytest.fixture(autouse=True)
def keeper(qapp):
    return keep_compositions(qapp)


# -- the board's in-place editor ---------------------------------------------------------
def empty_spot(view):
    return view.mapFromScene(760, 560)


def test_clicking_the_board_while_composing_a_new_note_keeps_the_composition(
        qtbot, board, ws_path):
    double_click(board, empty_spot(board))
    editor = board.board_scene().editor
    compose()
    assert editor.preedit == COMPOSED and editor.text() == ""
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=at(board, "n3"))
    assert board.board_scene().editor is None
    with reopened(ws_path) as saved:
        assert any(n.text == COMPOSED for n in saved.all(Note))


@pytest.mark.parametrize("rid, rtype, field, before", [
    ("n0", Note, "text", "「スモールスタート」で始めるのが大事"),
    ("h1", Heading, "text", "なぜ参加したのか？"),
])
def test_editing_a_note_or_heading_then_clicking_away_keeps_the_composition(
        qtbot, board, ws_path, rid, rtype, field, before):
    double_click(board, at(board, rid))
    compose()
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=empty_spot(board))
    with reopened(ws_path) as saved:
        assert getattr(saved.get(rtype, rid), field) == before + COMPOSED


def test_a_frame_title_keeps_the_composition_when_the_view_loses_the_keyboard(
        qtbot, board, ws_path):
    scene = board.board_scene()
    editor = scene.begin_edit(scene.item_for("f1"))
    compose(preedit="ふりかえり")
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()            # another window takes the keyboard
    qtbot.waitUntil(lambda: editor.finished)
    with reopened(ws_path) as saved:
        assert saved.get(Frame, "f1").title == "参加のきっかけふりかえり"


def test_opening_another_editor_keeps_the_composition_of_the_first(qtbot, board, ws_path):
    double_click(board, at(board, "n0"))
    compose(preedit="ついか")
    double_click(board, at(board, "n1"))
    assert board.board_scene().editor.target_id == "n1"
    with reopened(ws_path) as saved:
        assert saved.get(Note, "n0").text == "「スモールスタート」で始めるのが大事ついか"


# -- the window's fields --------------------------------------------------------------------
@pytest.fixture
def window(ws, window_on):
    return window_on(ws)


def test_clicking_the_board_does_not_empty_the_entry_bar(qtbot, window):
    line = window.entry.line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.setText("@佐藤 ")
    compose(line)
    vp = window.board.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=vp.rect().center())
    window.board.setFocus()     # wherever the click left the keyboard, the board has it now
    qtbot.waitUntil(lambda: not line.hasFocus())
    assert line.text() == "@佐藤 " + COMPOSED and not line.composing
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)      # and it is a note like any typed one
    notes = window.ws.elements_on(window.session_id, window.group_id)
    assert [(n.text, n.author) for n in notes if isinstance(n, Note)][-1] == (COMPOSED, "佐藤")


def test_a_theme_label_being_edited_keeps_the_composition(qtbot, window):
    from facilitator.themes.proposal import Proposal, ThemeProposal
    panel = window.themes.panel
    window.themes.dock.show()
    proposal = Proposal(assignment=(0, 0), themes=(ThemeProposal((0, 1), "参加", ("参加",)),))
    panel.show_proposal(proposal, ["一", "二"])
    item = panel.theme_item(0)
    panel.tree.setFocus()
    panel.tree.editItem(item, 0)
    editor = panel.tree.findChild(QLineEdit)
    qtbot.waitUntil(lambda: editor is not None and editor.hasFocus())
    editor.setText("参加の")
    compose(editor, "きっかけ")
    window.entry.line.setFocus()                # clicked elsewhere: the editor closes
    qtbot.waitUntil(lambda: panel.tree.findChild(QLineEdit) is None
                    or not panel.tree.findChild(QLineEdit).isVisible())
    assert panel.edited_labels(proposal) == {0: "参加のきっかけ"}


def test_a_decision_cell_being_edited_keeps_the_composition(qtbot, window):
    from facilitator.outcomes.items import add_decision
    from facilitator.workshop.model import Decision
    window.ws.apply(add_decision(window.ws, "車座で話す", window.session_id))
    window.outcomes.toggle_panel()
    table = window.outcomes.panel.decisions
    table.setFocus()
    table.editItem(table.item(0, 0))
    editor = table.findChild(QLineEdit)
    qtbot.waitUntil(lambda: editor is not None and editor.hasFocus())
    editor.setText("次回は車座で")
    compose(editor, "はなす")
    window.entry.line.setFocus()
    qtbot.waitUntil(lambda: window.ws.all(Decision)[0].text != "車座で話す")
    assert window.ws.all(Decision)[0].text == "次回は車座ではなす"


@pytest.mark.parametrize("field", ["title", "venue", "purpose"])
def test_the_workshop_details_fields_keep_the_composition(qtbot, window, field):
    dialog = window.details.edit_details(modal=False)
    qtbot.addWidget(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    widget = getattr(dialog, field)
    widget.clear()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    compose(widget)
    other = dialog.organiser if field != "organiser" else dialog.venue
    other.setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    assert text == COMPOSED
    dialog.close()


def test_the_agenda_editor_keeps_a_composed_session_title(qtbot, window):
    from ui.agenda.editor import AgendaEditor
    editor = AgendaEditor(window.ws, parent=window)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.list.setCurrentRow(0)
    editor.title.clear()
    editor.title.setFocus()
    qtbot.waitUntil(editor.title.hasFocus)
    compose(editor.title, "オリエン")
    editor.prompts.setFocus()
    qtbot.waitUntil(lambda: not editor.title.hasFocus())
    assert editor.title.text() == "オリエン"
    assert editor.list.item(0).text().find("オリエン") >= 0
    editor.close()


def test_the_capture_bar_keeps_the_composition_when_the_board_is_clicked(qtbot, window):
    window.outcomes.capture("action")
    bar = window.outcomes.bar
    qtbot.waitUntil(bar.text.hasFocus)
    compose(bar.text, "しりょうをおくる")
    window.board.setFocus()
    qtbot.waitUntil(lambda: not bar.text.hasFocus())
    assert bar.text.text() == "しりょうをおくる" and not bar.text.composing
    bar.owner_line.setFocus()              # the owner: an editable list
    qtbot.waitUntil(lambda: QApplication.focusObject() is not None
                    and QApplication.focusObject() in (bar.owner, bar.owner_line))
    compose(preedit="おかだ")
    bar.due.setFocus()
    qtbot.waitUntil(bar.due.hasFocus)
    assert bar.owner_line.text() == "おかだ"
