"""Fixtures of the room clock's window tests: a fake clock and a window using it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from facilitator.templates import read_template, records_from_template
from facilitator.workshop import Workshop
from ui.main_window import MainWindow

JST = timezone(timedelta(hours=9))
DAY = "2026-11-20"


class FakeTime:
    """A monotonic clock and a wall clock that tests move by hand."""

    def __init__(self, hour: int = 13, minute: int = 30):
        self.mono = 1000.0
        self.wall_at = datetime(2026, 11, 20, hour, minute, tzinfo=JST)

    def clock(self):
        return self.mono

    def wall(self):
        return self.wall_at

    def advance(self, minutes=0.0, seconds=0.0):
        delta = minutes * 60 + seconds
        self.mono += delta
        self.wall_at += timedelta(seconds=delta)


@pytest.fixture
def fake():
    return FakeTime()


@pytest.fixture
def made(ws_path):
    """A standard-programme workshop file dated DAY (13:30–17:00)."""
    records = records_from_template(read_template("standard"),
                                    on=datetime.fromisoformat(DAY).date())
    Workshop.create(ws_path, records).close()
    return ws_path


@pytest.fixture
def user_data(tmp_path, monkeypatch):
    """The per-user data folder (user templates go there), kept in tmp."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def messages(monkeypatch):
    """Warnings shown, captured instead of blocking the test."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def window(qtbot, tmp_path, made, fake, user_data):
    """The main window on ``made``, its clock driven by ``fake``."""
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.clock_ctl.clock, win.clock_ctl.wall = fake.clock, fake.wall
    assert win.open_path(made)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
