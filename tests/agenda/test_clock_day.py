"""The clock in the window on a real day: reopened, started late, replanned, without sound."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from clock_fixtures import QSoundEffectStatus, fake, made, user_data, window  # noqa: F401
from fake_time import FakeTime
from facilitator.agenda import day as days
from facilitator.workshop import Workshop
from facilitator.workshop.model import Setting
from ui.agenda.clock.start import anchor_question
from ui.main_window import MainWindow


def titles_and_minutes(ws) -> dict[str, int]:
    return {s.title: s.planned_minutes for s in ws.sessions()}


# -- the tick after reopening ---------------------------------------------------------------
def test_a_reopened_running_clock_ticks_without_a_key_pressed(window, fake, made, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=4)
    window.close_workshop()
    fake.advance(minutes=3)
    window.open_path(made)
    assert ctl.toolbar_clock.text().startswith("13:00")
    room = ctl.show_room_clock()
    fake.advance(seconds=5)       # nothing is pressed: the clock must go on by itself
    qtbot.waitUntil(lambda: ctl.toolbar_clock.text().startswith("12:55"), timeout=3000)
    assert room.face.reading.text == "12:55"


def test_after_a_crash_a_new_window_ticks_at_once(qtbot, tmp_path, made, user_data):
    fake = FakeTime()
    with Workshop.open(made) as ws:      # the session ran in a process that died
        from facilitator.agenda.timer import RoomClock
        RoomClock(ws, clock=fake.clock, wall=fake.wall).start()
    fake.advance(minutes=2)
    fake.mono = 7.0                      # a new process: a new monotonic clock
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.clock_ctl.clock, win.clock_ctl.wall = fake.clock, fake.wall
    assert win.open_path(made)
    assert win.clock_ctl.reading.text == "18:00"
    assert win.clock_ctl.timer.isActive()
    fake.advance(seconds=3)
    qtbot.waitUntil(lambda: win.clock_ctl.reading.text == "17:57", timeout=3000)
    win.close()


# -- starting far from the plan ---------------------------------------------------------------
@pytest.fixture
def late(window, fake):
    """The window at 23:00 on the day of a 13:30 plan (a rehearsal in the evening)."""
    fake.wall_at = fake.wall_at.replace(hour=23, minute=0)
    return window


def answer(monkeypatch, role):
    """The start question answered with the button of ``role`` (None: Cancel)."""
    asked = []

    def exec_(box):
        asked.append(box.text())
        for button in box.buttons():
            if (role is None and box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole
                    or box.buttonRole(button) == role):
                button.click()
                return 0
        raise AssertionError("no such button")
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_starting_far_from_the_plan_asks_and_start_now_moves_the_plan(late, fake, qtbot,
                                                                         monkeypatch):
    asked = answer(monkeypatch, QMessageBox.ButtonRole.AcceptRole)   # 今から開始
    ctl = late.clock_ctl
    ctl.a_start.trigger()
    assert asked and "13:30" in asked[0] and "23:00" in asked[0]
    assert late.ws.get(Setting, days.ANCHOR_SETTING).value == days.ANCHOR_SHIFT
    fake.advance(minutes=19)
    ctl.tick()
    assert not ctl.banner.isVisible()         # on time by the moved plan, not 571 min late
    fake.advance(minutes=16)                  # now 15 minutes over
    ctl.tick()
    assert ctl.banner.isVisible() and "15" in ctl.banner.label.text()
    text = ctl.banner.label.text()
    assert "571" not in text and "02:30" in text   # the moved plan's end: 23:00 + 3 h 30
    assert ctl.a_shifted.isChecked()


def test_counting_from_the_planned_time_keeps_the_plan(late, fake, monkeypatch):
    answer(monkeypatch, QMessageBox.ButtonRole.ActionRole)         # 予定どおり 13:30
    ctl = late.clock_ctl
    ctl.a_start.trigger()
    assert ctl.rc.drift_minutes() == pytest.approx(570)
    assert not ctl.a_shifted.isChecked() and ctl.a_shifted.isEnabled()
    ctl.a_shifted.trigger()                   # changed their mind: plan follows the start
    assert ctl.rc.drift_minutes() == pytest.approx(0)
    late.undo()
    assert ctl.rc.drift_minutes() == pytest.approx(570)
    assert not ctl.a_shifted.isChecked()


def test_cancelling_the_question_starts_nothing(late, monkeypatch):
    answer(monkeypatch, None)
    late.clock_ctl.a_start.trigger()
    assert late.clock_ctl.rc.current_session() is None
    late.clock_ctl.a_skip.trigger()           # "next session" on a standing day asks too
    assert late.clock_ctl.rc.current_session() is None


def test_start_now_from_the_clock_menu(window, fake, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("nothing to ask"))
    ctl = window.clock_ctl
    fake.wall_at = fake.wall_at.replace(hour=9, minute=0)   # early: a rehearsal in the morning
    assert ctl.a_start_now.isEnabled()
    ctl.a_start_now.trigger()
    assert ctl.rc.current_session().title == "オリエンテーション"
    assert [f"{s.start:%H:%M}" for s in ctl.rc.day().planned][:2] == ["09:00", "09:20"]
    assert not ctl.a_start_now.isEnabled()


def test_the_question_reads_in_japanese(qapp):
    from datetime import datetime

    from fake_time import JST
    from facilitator import i18n
    from ui.i18n import install_translator, uninstall_translator
    language = i18n.language()
    install_translator("ja")
    try:
        box, choices = anchor_question(None, datetime(2026, 11, 20, 13, 30, tzinfo=JST),
                                       datetime(2026, 11, 20, 23, 0, tzinfo=JST))
        texts = {b.text(): a for b, a in choices.items()}
    finally:
        uninstall_translator()
        i18n.set_language(language)
    assert texts == {"今から開始（予定を今にずらす）": days.ANCHOR_SHIFT,
                     "予定どおり 13:30 開始として扱う": days.ANCHOR_PLAN}
    box.deleteLater()


# -- replans ------------------------------------------------------------------------------------
def test_an_accepted_replan_is_kept_beside_the_plan_and_shown(window, fake, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=35)
    ctl.tick()
    qtbot.mouseClick(ctl.banner.accept_button, Qt.MouseButton.LeftButton)
    replan, = ctl.rc.day().replans
    assert f"{replan.at:%H:%M}" == "14:05"
    assert ctl.rc.day().original == {s.id: m for s, m in zip(
        window.ws.sessions(), (20, 70, 10, 80, 30))}
    panel = [window.agenda.topLevelItem(i).text(0) for i in range(5)]
    assert "(planned 80)" in panel[3] or "予定 80" in panel[3]


def test_an_agenda_edit_during_the_day_is_a_replan(window, fake, monkeypatch):
    from ui.agenda.editor import AgendaEditor

    def shorten_the_last(dialog):
        dialog.list.setCurrentRow(4)
        dialog.minutes.setValue(25)
        dialog.accept()
        return 1
    monkeypatch.setattr(AgendaEditor, "exec", shorten_the_last)
    ctl = window.clock_ctl
    ctl.a_edit.trigger()                      # before the day: planning, not a replan
    assert ctl.rc.day().replans == []
    ctl.a_start.trigger()
    fake.advance(minutes=10)
    monkeypatch.setattr(AgendaEditor, "exec", lambda d: (d.list.setCurrentRow(3),
                                                         d.minutes.setValue(70), d.accept()))
    ctl.a_edit.trigger()
    replan, = ctl.rc.day().replans
    assert [(t, o, n) for _, t, o, n in replan.changes] == [("全体ディスカッション", 80, 70)]


# -- the chime without sound ------------------------------------------------------------------
class FailingSoundEffect(QObject):
    """A QSoundEffect that cannot play here: it turns to Error once loaded (as with no
    audio device, or a format the device refuses)."""

    Status = QSoundEffectStatus
    statusChanged = Signal()
    plays = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._status = self.Status.Null

    def setSource(self, url):  # noqa: N802
        self._status = self.Status.Loading
        QTimer.singleShot(0, self._error)

    def _error(self):
        self._status = self.Status.Error
        self.statusChanged.emit()

    def setVolume(self, volume):  # noqa: N802
        pass

    def status(self):
        return self._status

    def play(self):
        FailingSoundEffect.plays += 1


def test_a_chime_that_cannot_play_says_so_once_in_the_status_bar(window, fake, qtbot,
                                                                  monkeypatch):
    module = types.ModuleType("PySide6.QtMultimedia")
    module.QSoundEffect = FailingSoundEffect
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", module)
    told: list[str] = []
    ctl = window.clock_ctl
    ctl.chime.unavailable.connect(told.append)
    ctl.a_start.trigger()
    fake.advance(minutes=17)
    ctl.tick()                                 # 20% left: the chime is due
    qtbot.waitUntil(lambda: bool(told), timeout=2000)
    assert window.statusBar().currentMessage() == told[0]
    assert "chime" in told[0].lower() or "チャイム" in told[0]
    fake.advance(minutes=2, seconds=30)
    ctl.tick()                                 # 5% left: due again, silently
    qtbot.wait(20)
    assert len(told) == 1 and not ctl.chime.available
    assert FailingSoundEffect.plays == 1
