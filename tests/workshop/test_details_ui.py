"""ワークショップ情報… and 参加者… in the window: typed, pasted, imported; one undo step each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog

from facilitator.workshop import Workshop
from facilitator.workshop.model import Participant
from keys import type_text
from ui.workshop.participants import ATTENDED, NAME, ORGANISATION, ROLE
from ui.workshop.roster_dialog import RosterDialog


@pytest.fixture
def window(ws, window_on):
    return window_on(ws)


def people(ws_path) -> list[tuple[str, str, str, bool]]:
    with Workshop.open(ws_path, readonly=True) as ws:
        return [(p.name, p.organisation, p.role, p.attended) for p in ws.all(Participant)]


# -- details ---------------------------------------------------------------------------------
def test_the_file_menu_opens_details_and_participants(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert window.details.details_action.text() in texts
    assert window.details.people_action.text() in texts
    assert window.details.details_action.isEnabled()
    window.close_workshop()
    assert not window.details.people_action.isEnabled()


def test_details_typed_in_the_dialog_are_saved_as_one_step(qtbot, window, ws_path):
    dialog = window.details.edit_details(modal=False)
    qtbot.addWidget(dialog)
    dialog.title.clear()
    type_text(qtbot, dialog.title, "LOCAL X STAGE 振り返り")
    dialog.has_date.setChecked(True)
    dialog.date.setDate(QDate(2026, 11, 20))
    dialog.start.setTime(QTime(13, 30))
    dialog.end.setTime(QTime(17, 0))
    type_text(qtbot, dialog.venue, "県庁 第3会議室")
    type_text(qtbot, dialog.organiser, "〇〇県 産業イノベーション課")
    dialog.purpose.setPlainText("参加企業の想いを言葉にする")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with Workshop.open(ws_path, readonly=True) as ws:
        info = ws.info
    assert (info.title, info.date, info.start_time, info.end_time, info.venue, info.organiser,
            info.purpose) == ("LOCAL X STAGE 振り返り", "2026-11-20", "13:30", "17:00",
                              "県庁 第3会議室", "〇〇県 産業イノベーション課",
                              "参加企業の想いを言葉にする")
    assert "LOCAL X STAGE 振り返り" in window.windowTitle()
    window.actions_.undo.trigger()
    with Workshop.open(ws_path, readonly=True) as ws:
        assert ws.info.venue == "" and ws.info.title != "LOCAL X STAGE 振り返り"


def test_no_date_stays_no_date(qtbot, window, ws_path):
    dialog = window.details.edit_details(modal=False)
    qtbot.addWidget(dialog)
    dialog.has_date.setChecked(False)
    dialog.accept()
    with Workshop.open(ws_path, readonly=True) as ws:
        assert ws.info.date == ""


# -- participants --------------------------------------------------------------------------
@pytest.fixture
def people_dialog(qtbot, window):
    dialog = window.details.edit_people()
    qtbot.waitExposed(dialog)
    return dialog


def edit_cell(qtbot, dialog, row: int, column: int, text: str) -> None:
    table = dialog.table
    table.setCurrentIndex(dialog.model.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)   # on to the next cell, as in a spreadsheet


def test_typing_in_the_table_adds_and_edits_people(qtbot, window, people_dialog, ws_path):
    dialog = people_dialog
    assert dialog.model.rowCount() == 1                     # only the row for a new name
    edit_cell(qtbot, dialog, 0, NAME, "山本 健太")
    qtbot.waitUntil(lambda: len(people(ws_path)) == 1)
    # Tab went on to the new person's organisation: type it.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not dialog.table)
    editor = QApplication.focusWidget()
    assert dialog.table.currentIndex().column() == ORGANISATION
    assert dialog.table.currentIndex().row() == 0
    type_text(qtbot, editor, "株式会社ミナトメカニクス")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: people(ws_path)[0][1] == "株式会社ミナトメカニクス")
    # The role from its list; the attendance is a tick.
    dialog.model.setData(dialog.model.index(0, ROLE), "note_taker")
    dialog.model.setData(dialog.model.index(0, ATTENDED), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert people(ws_path) == [("山本 健太", "株式会社ミナトメカニクス", "note_taker", False)]
    assert "0" in dialog.counts.text() and "1" in dialog.counts.text()
    # Each edit is one undo step, Ctrl+Z in the dialog.
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people(ws_path)[0][3] is True
    assert dialog.model.data(dialog.model.index(0, ATTENDED),
                             Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_the_speakers_and_voters_follow_the_table(qtbot, window, people_dialog):
    edit_cell(qtbot, people_dialog, 0, NAME, "佐藤 美穂")
    qtbot.waitUntil(lambda: window.entry.speaker.findText("佐藤 美穂") >= 0)


def test_ctrl_v_pastes_a_list_copied_from_excel_as_one_step(qtbot, window, people_dialog,
                                                             ws_path):
    dialog = people_dialog
    QGuiApplication.clipboard().setText("氏名\t所属\t役割\n山本 健太\tA社\t参加者\n"
                                        "高橋 誠一\t北陵大学\t有識者\n井上 真理\tひらく\tファシリテーター\n")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert people(ws_path) == [("山本 健太", "A社", "participant", True),
                               ("高橋 誠一", "北陵大学", "expert", True),
                               ("井上 真理", "ひらく", "facilitator", True)]
    assert "3" in dialog.status.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(people(ws_path)) == 3                        # nobody twice
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people(ws_path) == []                            # the whole paste in one step


def test_paste_a_list_shows_what_will_be_added(qtbot, window, people_dialog, ws_path,
                                               monkeypatch):
    shown = []

    def run(self):
        shown.append(self)
        type_text(qtbot, self.text, "山本 健太, A社\n・佐藤 美穂（B社）\n鈴木, C社, 欠席")
        assert self.preview.rowCount() == 3
        assert self.preview.item(1, 1).text() == "B社"
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(RosterDialog, "exec", run)
    qtbot.mouseClick(people_dialog.paste_button, Qt.MouseButton.LeftButton)
    assert shown and people(ws_path) == [("山本 健太", "A社", "participant", True),
                                         ("佐藤 美穂", "B社", "participant", True),
                                         ("鈴木", "C社", "participant", False)]


def test_a_cp932_csv_from_excel_is_imported_after_a_preview(qtbot, window, people_dialog,
                                                           ws_path, tmp_path, monkeypatch):
    csv = tmp_path / "参加者名簿.csv"
    csv.write_bytes("名前,所属,役割,出欠\r\n山本 健太,株式会社ミナトメカニクス,参加者,出席\r\n"
                    "松本 さくら,〇〇県 産業イノベーション課,書記,出席\r\n"
                    "森 由紀子,東雲ロジスティクス株式会社,,欠席\r\n".encode("cp932"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **kw: (str(csv), ""))
    previews = []

    def run(self):
        previews.append(self)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(RosterDialog, "exec", run)
    qtbot.mouseClick(people_dialog.import_button, Qt.MouseButton.LeftButton)
    (preview,) = previews
    labels = [w.text() for w in preview.findChildren(type(people_dialog.status))]
    assert any("参加者名簿.csv" in t and "CP932" in t for t in labels)   # the encoding, said
    assert people(ws_path) == [
        ("山本 健太", "株式会社ミナトメカニクス", "participant", True),
        ("松本 さくら", "〇〇県 産業イノベーション課", "note_taker", True),
        ("森 由紀子", "東雲ロジスティクス株式会社", "participant", False)]


def test_delete_and_reorder_rows(qtbot, window, people_dialog, ws_path):
    dialog = people_dialog
    QGuiApplication.clipboard().setText("A\nB\nC\n")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog.table.selectRow(2)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert [p[0] for p in people(ws_path)] == ["A", "C", "B"]
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [p[0] for p in people(ws_path)] == ["C", "B"]


def test_closing_the_workshop_closes_the_participants(qtbot, window, people_dialog):
    window.close_workshop()
    assert window.details.people_dialog is None
