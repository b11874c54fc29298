"""Fixtures of the room clock's window tests: a fake clock and a window using it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings

from fake_time import DAY, FakeTime  # noqa: F401 (re-exported)
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop
from ui.main_window import MainWindow


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


class QSoundEffectStatus:
    """QSoundEffect.Status's values the chime looks at (the fakes need no QtMultimedia)."""

    Null, Loading, Ready, Error = range(4)
