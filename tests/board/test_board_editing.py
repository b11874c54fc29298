"""In-place editing on the board: new notes, editing, Japanese IME, plain-text paste."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from board_fixtures import (  # noqa: F401 (fixtures)
    at, board, double_click, group_board, qapp_font, reopened,
)
from facilitator.workshop.model import Heading, Note


def compose(editor, preedit: str = "", commit: str = "") -> None:
    """What an input method sends: the text being composed, then the committed text."""
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(editor.scene(), event)


def type_in(qtbot, view, text: str) -> None:
    for ch in text:
        compose(view.board_scene().editor, commit=ch)


def empty_spot(view):
    return view.mapFromScene(QPointF(760, 560))


def test_double_click_on_empty_board_creates_a_note_there(qtbot, board, ws_path):
    double_click(board, empty_spot(board))
    editor = board.board_scene().editor
    assert editor is not None and editor.hasFocus()
    type_in(qtbot, board, "新しい意見")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    with reopened(ws_path) as saved:
        note = next(n for n in saved.all(Note) if n.text == "新しい意見")
    sid, gid = group_board(board.workshop)
    assert (note.session_id, note.group_id) == (sid, gid)
    assert abs(note.x - 760) <= 8 and abs(note.y - 560) <= 8
    assert board.board_scene().editor is None


def test_ime_enter_while_composing_commits_the_composition_not_the_note(qtbot, board, ws):
    double_click(board, at(board, "n0"))
    editor = board.board_scene().editor
    editor.setPlainText("")
    compose(editor, preedit="ふりかえり")
    layout = editor.document().firstBlock().layout()
    assert layout.preeditAreaText() == "ふりかえり"  # shown while composing
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert board.board_scene().editor is editor  # still editing
    assert ws.get(Note, "n0").text == "「スモールスタート」で始めるのが大事"
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert ws.get(Note, "n0").text == "ふりかえり"


def test_ime_commit_then_enter_saves_the_committed_text(qtbot, board, ws_path):
    double_click(board, at(board, "n0"))
    editor = board.board_scene().editor
    editor.setPlainText("")
    compose(editor, preedit="ふりかえり")
    compose(editor, commit="振り返り")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    with reopened(ws_path) as saved:
        assert saved.get(Note, "n0").text == "振り返り"


def test_shift_enter_is_a_line_break(qtbot, board, ws):
    double_click(board, at(board, "n0"))
    editor = board.board_scene().editor
    editor.setPlainText("一行目")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_in(qtbot, board, "二行目")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert ws.get(Note, "n0").text == "一行目\n二行目"


def test_escape_cancels_an_edit(qtbot, board, ws):
    before = ws.get(Note, "n0")
    double_click(board, at(board, "n0"))
    type_in(qtbot, board, "取り消す")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Escape)
    assert ws.get(Note, "n0") == before and board.board_scene().editor is None


def test_empty_new_note_is_not_created(qtbot, board, ws):
    count = ws.count(Note)
    double_click(board, empty_spot(board))
    compose(board.board_scene().editor, commit="   ")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert ws.count(Note) == count


def test_emptying_a_note_is_refused_with_a_message(qtbot, board, ws):
    messages = []
    board.messageRequested.connect(messages.append)
    double_click(board, at(board, "n1"))
    board.board_scene().editor.setPlainText("")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert ws.get(Note, "n1").text == "地域の中小企業が主役になれる場"
    assert len(messages) == 1


def test_clicking_elsewhere_keeps_what_was_typed(qtbot, board, ws):
    double_click(board, at(board, "n0"))
    board.board_scene().editor.setPlainText("クリックで確定")
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=empty_spot(board))
    assert ws.get(Note, "n0").text == "クリックで確定"


def test_paste_into_the_editor_is_plain_text(qtbot, qapp, board, ws):
    data = QMimeData()
    data.setHtml("<b>太字</b>の<i>意見</i>")
    data.setText("太字の意見")
    qapp.clipboard().setMimeData(data)
    double_click(board, at(board, "n0"))
    editor = board.board_scene().editor
    editor.setPlainText("")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    html = editor.toHtml()
    assert editor.toPlainText() == "太字の意見"
    assert "font-weight:700" not in html and "italic" not in html
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert ws.get(Note, "n0").text == "太字の意見"


def test_pasting_an_image_is_refused(qtbot, qapp, board):
    messages = []
    board.messageRequested.connect(messages.append)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0)
    qapp.clipboard().setImage(image)
    double_click(board, at(board, "n0"))
    qtbot.keyClick(board.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert board.board_scene().editor.toPlainText() == "「スモールスタート」で始めるのが大事"
    assert len(messages) == 1


def test_heading_tool_types_a_heading(qtbot, board, ws):
    board.set_tool("heading")
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=empty_spot(board))
    type_in(qtbot, board, "テーマ：継続")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    assert [h.text for h in ws.all(Heading)] == ["なぜ参加したのか？", "テーマ：継続"]


def test_edit_then_undo_restores_the_text(qtbot, board, ws_path):
    double_click(board, at(board, "n2"))
    board.board_scene().editor.setPlainText("書き換えた")
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with reopened(ws_path) as saved:
        assert saved.get(Note, "n2").text == "FactorISMのような工場見学は参加しやすい"
