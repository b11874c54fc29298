"""The window on a full disk: it says so, keeps what was typed, and saves again by itself
once space is back (SQLite's full-disk error injected at the connection)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from facilitator.errors import DiskFull
from facilitator.workshop.model import Note
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop
from disk_faults import FullDisk
from tests.board.test_quick_entry import saved_notes, type_note
from ui.i18n import install_translator, uninstall_translator
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, ws_path):
    install_translator("ja")
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_path(ws_path)
    win.show()
    qtbot.waitExposed(win)
    win.focus_entry()
    yield win
    win.close()
    uninstall_translator()


@pytest.mark.parametrize("error", ["database or disk is full", "disk I/O error"])
def test_a_note_typed_on_a_full_disk_stays_in_the_bar_and_saves_once_space_is_back(
        qtbot, window, ws_path, monkeypatch, error, messages):
    if error == "disk I/O error":  # only a full disk makes this error a full disk
        monkeypatch.setattr("facilitator.workshop.store_errors.free_space", lambda folder: 0)
    disk = FullDisk(window.ws.store.conn, error)
    window.ws.store.conn = disk
    type_note(qtbot, window, "満杯でも消えない付箋")
    assert window.entry.line.text() == "満杯でも消えない付箋"
    assert window.entry.line.hasFocus()
    assert window.disk_full.isVisible()
    assert "ディスクの空き容量が足りません" in window.disk_full.label.text()
    assert "ディスクの空き容量が足りない" in window.statusBar().currentMessage()
    assert "壊れているため" not in window.statusBar().currentMessage()  # not called damaged
    assert messages == []  # no dialog in the facilitator's way
    assert saved_notes(ws_path) == [] and window.ws.count(Note) == 0

    qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)  # still full: tried again, kept again
    assert window.entry.line.text() == "満杯でも消えない付箋"

    disk.full = False  # space is back; the same window, nothing reopened
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)
    assert window.entry.line.text() == ""
    assert not window.disk_full.isVisible()
    assert [n.text for n in saved_notes(ws_path)] == ["満杯でも消えない付箋"]
    window.ws.store.conn = disk.conn


def test_any_change_refused_by_a_full_disk_shows_the_banner(qtbot, window):
    """A drag on the board, the clock, the themes: every edit goes through the workshop."""
    window.ws.store.conn = disk = FullDisk(window.ws.store.conn)
    session = window.ws.sessions()[0]
    with pytest.raises(DiskFull):
        window.ws.update(session, title="満杯の間の題")
    assert window.disk_full.isVisible()
    assert window.ws.get(type(session), session.id).title == session.title
    disk.full = False
    window.ws.update(session, title="空きができた後の題")
    assert not window.disk_full.isVisible()
    window.ws.store.conn = disk.conn
