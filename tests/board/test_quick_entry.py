"""The quick-entry bar: typing, Enter, @author, Tab between groups, Japanese IME."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRectF, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from facilitator.workshop.model import NOTE_H, NOTE_W, Note
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop
from ui.main_window import MainWindow
from facilitator.board.authors import split_author
from facilitator.workshop.people import PersonRow, add_people


@pytest.fixture
def window(qtbot, tmp_path, ws_path):
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_path(ws_path)
    win.show()
    qtbot.waitExposed(win)
    session = next(s for s in win.ws.sessions() if win.ws.groups_of(s.id))
    win.choose_board(session.id, win.ws.groups_of(session.id)[0].id, False)
    win.focus_entry()
    yield win
    win.close()


def saved_notes(path) -> list[Note]:
    """The notes in the file, read by a second reader while the window holds it."""
    with Workshop.open(path, readonly=True) as other:
        return other.all(Note)


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key (QTest cannot click keys outside ASCII, so
    those come as key events carrying their text, as a keyboard layout sends)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(
                    kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def type_note(qtbot, win, text: str) -> None:
    type_text(qtbot, win.entry.line, text)
    qtbot.keyClick(win.entry.line, Qt.Key.Key_Return)


def test_enter_saves_the_note_on_the_current_group_board_and_keeps_focus(qtbot, window, ws_path):
    type_note(qtbot, window, "地域との連携が大事")
    notes = saved_notes(ws_path)
    assert [n.text for n in notes] == ["地域との連携が大事"]
    assert (notes[0].session_id, notes[0].group_id) == (window.session_id, window.group_id)
    assert window.entry.line.text() == ""
    assert QApplication.focusWidget() is window.entry.line


def test_notes_typed_in_a_row_do_not_overlap(qtbot, window, ws_path):
    qtbot.keyClicks(window.entry.line, "first idea")
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)
    type_note(qtbot, window, "二つ目")
    first, second = sorted(saved_notes(ws_path), key=lambda n: n.created + n.id)
    rects = [QRectF(n.x, n.y, n.w or NOTE_W, n.h or NOTE_H) for n in (first, second)]
    assert not rects[0].intersects(rects[1])


@pytest.mark.parametrize("typed, author, text", [
    ("@佐藤 意見", "佐藤", "意見"),
    ("＠鈴木　全角の区切り", "鈴木", "全角の区切り"),
    ("メールは a@b.jp まで", None, "メールは a@b.jp まで"),
])
def test_split_author(typed, author, text):
    assert split_author(typed) == (author, text)


def test_at_name_sets_the_author(qtbot, window, ws_path):
    type_note(qtbot, window, "@佐藤 意見")
    (note,) = saved_notes(ws_path)
    assert (note.author, note.text) == ("佐藤", "意見")


def register(window, *names: str) -> None:
    window.ws.apply(add_people(window.ws, [PersonRow(n) for n in names]))


@pytest.mark.parametrize("typed", ["@佐藤 美穂 意見", "@佐藤美穂 意見", "＠佐藤　美穂　意見",
                                   "@佐藤 意見"])
def test_at_a_registered_name_credits_the_participant(qtbot, window, ws_path, typed):
    register(window, "佐藤 美穂", "鈴木 一郎")
    type_note(qtbot, window, typed)
    (note,) = saved_notes(ws_path)
    assert (note.author, note.text) == ("佐藤 美穂", "意見")


def test_the_speaker_box_shows_whom_the_at_name_credits(qtbot, window, ws_path):
    register(window, "佐藤 美穂", "鈴木 一郎")
    speaker = window.entry.speaker
    speaker.setCurrentText("鈴木 一郎")
    window.focus_entry()
    type_text(qtbot, window.entry.line, "@佐藤")
    assert speaker.currentText() == "佐藤 美穂" and speaker.lineEdit().font().italic()
    type_text(qtbot, window.entry.line, " 意見")
    assert speaker.currentText() == "佐藤 美穂"
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)
    # The note is 佐藤's; the speaker picked before comes back for the next ones.
    assert speaker.currentText() == "鈴木 一郎" and not speaker.lineEdit().font().italic()
    type_note(qtbot, window, "次の意見")
    assert sorted((n.author, n.text) for n in saved_notes(ws_path)) == [
        ("佐藤 美穂", "意見"), ("鈴木 一郎", "次の意見")]


def test_deleting_the_at_name_gives_the_speaker_back(qtbot, window):
    register(window, "佐藤 美穂")
    window.entry.speaker.setCurrentText("田中")
    window.focus_entry()
    type_text(qtbot, window.entry.line, "@佐藤 ")
    assert window.entry.speaker.currentText() == "佐藤 美穂"
    window.entry.line.clear()
    assert window.entry.speaker.currentText() == "田中"


def test_speaker_picker_sets_the_author(qtbot, window, ws_path):
    window.entry.speaker.setCurrentText("田中")
    window.focus_entry()
    type_note(qtbot, window, "継続が大事")
    (note,) = saved_notes(ws_path)
    assert note.author == "田中"


def test_empty_enter_adds_nothing(qtbot, window, ws_path):
    type_note(qtbot, window, "   ")
    assert saved_notes(ws_path) == []
    assert window.statusBar().currentMessage()


def test_too_long_text_is_refused_with_the_message_and_kept(qtbot, window, ws_path):
    window.entry.line.setText("あ" * 20_001)
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)
    assert saved_notes(ws_path) == []
    assert "20,000" in window.statusBar().currentMessage()
    assert len(window.entry.line.text()) == 20_001


def test_tab_and_shift_tab_switch_the_group_and_keep_focus(qtbot, window):
    group_a, group_b = window.ws.groups_of(window.session_id)
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)
    assert window.group_id == group_b.id
    assert QApplication.focusWidget() is window.entry.line
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.group_id == group_a.id
    assert QApplication.focusWidget() is window.entry.line


def test_tab_then_enter_puts_the_note_on_the_other_group(qtbot, window, ws_path):
    group_b = window.ws.groups_of(window.session_id)[1]
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)
    type_note(qtbot, window, "Bの意見")
    (note,) = saved_notes(ws_path)
    assert note.group_id == group_b.id


def send_preedit(widget, text: str) -> None:
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))


def send_commit(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_ime_composition_then_commit_then_enter_adds_one_note(qtbot, window, ws_path):
    line = window.entry.line
    send_preedit(line, "ふりかえり")
    send_commit(line, "振り返り")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert [n.text for n in saved_notes(ws_path)] == ["振り返り"]


def test_enter_during_composition_commits_it_and_adds_no_note(qtbot, window, ws_path):
    line = window.entry.line
    send_preedit(line, "ふりかえり")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert saved_notes(ws_path) == []
    assert line.text() == "ふりかえり"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert [n.text for n in saved_notes(ws_path)] == ["ふりかえり"]


def test_the_typed_note_is_drawn_and_undo_takes_it_off_the_board(qtbot, window):
    type_note(qtbot, window, "描かれる付箋")
    (note,) = window.ws.all(Note)
    scene = window.board.board_scene()
    assert scene.item_for(note.id) is not None
    window.actions_.undo.trigger()
    assert scene.item_for(note.id) is None


def test_ctrl_z_in_the_empty_bar_undoes_the_note_just_added(qtbot, window, ws_path):
    type_note(qtbot, window, "間違えた付箋")
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved_notes(ws_path) == []
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Z, redo)
    assert [n.text for n in saved_notes(ws_path)] == ["間違えた付箋"]
    assert QApplication.focusWidget() is window.entry.line


def test_ctrl_z_while_typing_undoes_the_typing_only(qtbot, window, ws_path):
    type_note(qtbot, window, "残る付箋")
    qtbot.keyClicks(window.entry.line, "abc")
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in saved_notes(ws_path)] == ["残る付箋"]
