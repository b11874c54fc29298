"""File › Import…, File › Export… and dropped files, through the real window and dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.cli.commands import main as cli_main
from facilitator.workshop import Workshop
from facilitator.workshop.model import Note, Session
from ui.io.export import FORMATS, _tr
from ui.main_window import MainWindow

#: A CSV as Excel in Japan saves it (CP932, CRLF) whose text column has no known name.
ROWS = ["番号,ふりかえり,記入者", "1,スモールスタートが大事,田中",
        "2,「つながり」が生まれた,佐藤", "3,継続には事務局の予算が必要,鈴木"]


def write_csv(path: Path, lines: list[str], encoding: str = "cp932") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def window(qtbot, tmp_path, ws_path):
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(ws_path, raise_errors=True)
    yield win
    win.close()


def group_session(ws) -> Session:
    return next(s for s in ws.sessions() if ws.groups_of(s.id))


def notes_on(ws, session_id, group_id) -> list[Note]:
    return ws.elements_on(session_id, group_id, [Note])


def start_import(qtbot, window, monkeypatch, path: Path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.files.import_action.trigger()
    qtbot.waitUntil(lambda: window.files.dialog is not None and window.files.dialog.isVisible())
    return window.files.dialog


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def test_a_cp932_csv_through_the_preview_lands_on_group_b_in_one_undo_step(
        qtbot, window, monkeypatch, tmp_path):
    ws = window.ws
    session = group_session(ws)
    group_b = ws.groups_of(session.id)[1]
    dialog = start_import(qtbot, window, monkeypatch, write_csv(tmp_path / "感想.csv", ROWS))
    assert "Shift_JIS (CP932)" in dialog.detected.text()
    assert dialog.header.isChecked()
    # 記入者 is known by name, ふりかえり is not: the text column is to be chosen.
    assert dialog.column_combos["author"].currentData() == 2
    assert not dialog.ok_button.isEnabled() and dialog.error_label.text()
    choose(dialog.column_combos["text"], 1)
    choose(dialog.session, session.id)
    choose(dialog.group, group_b.id)
    assert dialog.ok_button.isEnabled() and not dialog.error_label.text()
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 1).text() == "スモールスタートが大事"
    assert dialog.table.item(0, 2).text() == "田中"
    assert group_b.name in dialog.table.item(0, 3).text()
    assert ws.all(Note) == []  # nothing before OK
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.files.dialog is None)

    notes = notes_on(ws, session.id, group_b.id)
    assert sorted((n.text, n.author) for n in notes) == sorted(
        (r.split(",")[1], r.split(",")[2]) for r in ROWS[1:])
    with Workshop.open(ws.path, readonly=True) as other:  # in the file, not only in memory
        assert len(other.all(Note)) == 3
    # The view shows the group B board with the new notes selected.
    assert (window.session_id, window.group_id) == (session.id, group_b.id)
    qtbot.waitUntil(lambda: sorted(window.board.selected_ids()) == sorted(n.id for n in notes))
    window.actions_.undo.trigger()
    assert ws.all(Note) == []


def test_the_encoding_can_be_changed_and_a_wrong_one_is_told(qtbot, window, monkeypatch,
                                                             tmp_path):
    src = write_csv(tmp_path / "notes.csv", ["text", "ascii", "日本語の意見"], "cp932")
    dialog = start_import(qtbot, window, monkeypatch, src)
    assert "Shift_JIS (CP932)" in dialog.detected.text() and dialog.ok_button.isEnabled()
    choose(dialog.encoding, "utf-8")
    assert not dialog.ok_button.isEnabled()
    assert "3 行目" in dialog.error_label.text() and "UTF-8" in dialog.error_label.text()
    choose(dialog.encoding, "cp932")
    assert dialog.ok_button.isEnabled()
    assert dialog.table.item(1, 1).text() == "日本語の意見"
    dialog.reject()
    qtbot.waitUntil(lambda: window.files.dialog is None)
    assert window.ws.all(Note) == []


def test_a_bad_file_shows_the_line_in_japanese_and_imports_nothing(
        qtbot, window, monkeypatch, tmp_path):
    src = write_csv(tmp_path / "bad.csv", ["本文,色", "良かった,黄", "悪い色,紫っぽい"], "utf-8")
    dialog = start_import(qtbot, window, monkeypatch, src)
    assert "3 行目" in dialog.error_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter pressed anyway: still nothing
    assert dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: window.files.dialog is None)
    assert window.ws.all(Note) == []
    assert not window.ws.history.can_undo()


def drop(qtbot, widget, pos: QPoint, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos, action, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()  # as Qt delivers it: refused unless someone takes it
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, action, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    move.ignore()
    QApplication.sendEvent(widget, move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(pos), action, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    event.ignore()
    QApplication.sendEvent(widget, event)
    assert event.isAccepted()


def test_a_csv_dropped_on_a_group_board_previews_an_import_into_that_board(
        qtbot, window, tmp_path):
    ws = window.ws
    session = group_session(ws)
    group_b = ws.groups_of(session.id)[1]
    window.choose_board(session.id, None, True)  # the groups side by side
    board = window.board
    area = next(a for a in board.board_scene().areas if a.group_id == group_b.id)
    pos = board.mapFromScene(QPointF(area.left + 200, 200))
    src = write_csv(tmp_path / "dropped.csv", ["本文,名前", "落とした意見,高橋"])
    drop(qtbot, board.viewport(), pos, [src])
    qtbot.waitUntil(lambda: window.files.dialog is not None)
    dialog = window.files.dialog
    assert (dialog.session.currentData(), dialog.group.currentData()) == (session.id, group_b.id)
    dialog.accept()
    [note] = notes_on(ws, session.id, group_b.id)
    assert (note.text, note.author) == ("落とした意見", "高橋")


def test_drops_take_what_the_importer_reads():
    from facilitator.io.import_source import KIND_BY_SUFFIX
    from ui.io.files import IMPORTABLE
    assert set(IMPORTABLE) == set(KIND_BY_SUFFIX)


def test_a_workshop_dropped_on_the_window_opens(qtbot, window, tmp_path):
    other = tmp_path / "別の会.furikaeri"
    with Workshop.create(other, records_from_template(read_template("standard"))) as ws:
        ws.update(ws.info, title="別の会")
    drop(qtbot, window, QPoint(20, 200), [other])
    qtbot.waitUntil(lambda: Path(window.ws.path) == other)
    # The new workshop's board takes drops too; a file it cannot take is refused.
    viewport = window.board.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "slides.pdf"))])
    QApplication.sendEvent(viewport, QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))
    refused = QDragMoveEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                             Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    refused.ignore()  # as Qt delivers it: refused unless someone takes it
    QApplication.sendEvent(viewport, refused)
    assert not refused.isAccepted()
    drop(qtbot, viewport, QPoint(50, 50), [write_csv(tmp_path / "n.txt", ["一行の意見"])])
    qtbot.waitUntil(lambda: window.files.dialog is not None)
    assert window.files.dialog.ws is window.ws
    window.files.dialog.accept()
    assert [n.text for n in window.ws.all(Note)] == ["一行の意見"]


def test_a_json_export_previews_its_records_by_type(qtbot, window, monkeypatch, tmp_path):
    other = tmp_path / "other.furikaeri"
    with Workshop.create(other, records_from_template(read_template("standard"))) as ws:
        session = group_session(ws)
        ws.add(ws.new_note("他の会の意見", session.id, ws.groups_of(session.id)[0].id))
        from facilitator.io.exporters import export_file
        export_file(ws, "json", tmp_path / "other.json")
    dialog = start_import(qtbot, window, monkeypatch, tmp_path / "other.json")
    assert not dialog.target_box.isVisibleTo(dialog)
    assert dialog.json_label.isVisibleTo(dialog) and "1" in dialog.json_label.text()
    assert dialog.table.item(0, 1).text() == "他の会の意見"
    before = len(window.ws.sessions())
    dialog.accept()
    assert len(window.ws.sessions()) == 2 * before
    window.actions_.undo.trigger()
    assert len(window.ws.sessions()) == before and window.ws.all(Note) == []


@pytest.mark.parametrize("fmt", ["csv", "md", "json"])
def test_export_writes_what_the_cli_writes(qtbot, window, monkeypatch, tmp_path, fmt):
    ws = window.ws
    ws.update(ws.info, title="地域の振り返り/2026")
    session = group_session(ws)
    ws.add(ws.new_note("書き出す意見", session.id, ws.groups_of(session.id)[0].id,
                       author="田中"))
    offered = []

    def save(parent, caption, path, filters, selected=""):
        offered.append((path, filters, selected))
        flt = _tr(dict(FORMATS)[fmt])
        return str(tmp_path / "out" / "window"), flt  # no suffix typed: the filter's
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_.export.trigger()
    assert Path(offered[0][0]).name == "地域の振り返り_2026.csv"  # from the title, CSV first
    written = tmp_path / "out" / f"window.{fmt}"
    assert str(written) in window.statusBar().currentMessage()
    cli_out = tmp_path / f"cli.{fmt}"
    assert cli_main(["export", str(ws.path), "--format", fmt, "-o", str(cli_out)]) == 0
    assert written.read_bytes() == cli_out.read_bytes()


@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_export_the_board_picture(qtbot, window, monkeypatch, tmp_path, fmt, magic):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / f"board.{fmt}"), ""))
    window.actions_.export.trigger()
    assert (tmp_path / f"board.{fmt}").read_bytes().startswith(magic)


def test_an_export_that_fails_says_why_in_a_dialog(qtbot, window, monkeypatch, tmp_path,
                                                   messages):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "無い" / "out.csv"), ""))
    window.actions_.export.trigger()
    assert len(messages) == 1 and "無い" in messages[0] and "フォルダ" in messages[0]


def test_our_csv_export_goes_back_to_its_sessions_and_groups(qtbot, window, monkeypatch,
                                                             tmp_path):
    other = tmp_path / "other.furikaeri"
    with Workshop.create(other, records_from_template(read_template("standard"))) as ws:
        session = group_session(ws)
        a, b = ws.groups_of(session.id)[:2]
        ws.add(ws.new_note("Aの意見", session.id, a.id, author="田中"),
               ws.new_note("Bの意見", session.id, b.id, author="佐藤"))
        from facilitator.io.exporters import export_file
        export_file(ws, "csv", tmp_path / "other.csv")
    dialog = start_import(qtbot, window, monkeypatch, tmp_path / "other.csv")
    assert "UTF-8 (BOM)" in dialog.detected.text()
    assert dialog.session.currentIndex() == 0 and dialog.group.currentIndex() == 0  # the file's
    assert not dialog.group.isEnabled()
    dialog.accept()
    ws = window.ws
    here = group_session(ws)
    a, b = ws.groups_of(here.id)[:2]
    assert [(n.text, n.author) for n in notes_on(ws, here.id, a.id)] == [("Aの意見", "田中")]
    assert [(n.text, n.author) for n in notes_on(ws, here.id, b.id)] == [("Bの意見", "佐藤")]
