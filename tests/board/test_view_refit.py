"""A fitted board settles after a resize: scroll bars coming and going never make the
view fit again and again (the window froze with a full board and the room clock open)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from bench import standard_workshop  # noqa: E402

from ui.main_window import MainWindow  # noqa: E402


def test_a_full_board_settles_when_the_room_clock_opens(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "full.furikaeri"
    standard_workshop(path, notes=5000)[0].close()
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    assert window.open_path(path)
    window.show()
    QApplication.processEvents()
    view = window.board
    calls = []
    original = view._refit

    def counted():
        calls.append(1)
        if len(calls) <= 20:  # past that the old view went on for ever: stop it here
            original()
    monkeypatch.setattr(view, "_refit", counted)
    window.clock_ctl.start_now()
    window.clock_ctl.show_room_clock().resize(1280, 720)
    window.clock_ctl.set_mini_shown(True)
    for _ in range(20):
        QApplication.processEvents()
    assert len(calls) < 20, "the view keeps fitting itself again"
