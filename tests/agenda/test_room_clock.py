"""The room clock in the window: faces, colours, overrun, mini timer, chime, capture, replanning."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor

from clock_fixtures import fake, made, user_data, window  # noqa: F401 (fixtures)
from facilitator.workshop.model import Note, Session
from facilitator.agenda.timer import PHASE_FINAL, PHASE_NORMAL, PHASE_OVER, PHASE_WARN
from facilitator.workshop import Workshop
from ui.agenda.clock.chime import Chime
from clock_fixtures import QSoundEffectStatus
from ui.agenda.clock.face import PHASE_COLOURS, clock_text


def saved_sessions(path) -> list[Session]:
    with Workshop.open(path, readonly=True) as other:
        return other.sessions()


def face_colour(face) -> QColor:
    """The colour the face actually paints (a corner pixel of its rendering)."""
    return face.grab().toImage().pixelColor(2, 2)


@pytest.mark.parametrize("seconds_in, phase, text", [
    (5 * 60, PHASE_NORMAL, "15:00"),          # 20-minute orientation
    (16 * 60 + 30, PHASE_WARN, "03:30"),      # 17.5% left
    (19 * 60 + 10, PHASE_FINAL, "00:50"),     # 4% left
    (23 * 60 + 12, PHASE_OVER, "+03:12"),     # over: counting up
])
def test_room_clock_colours_follow_the_time_left(window, fake, qtbot, seconds_in, phase, text):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    room = ctl.show_room_clock()
    room.resize(640, 360)
    fake.advance(seconds=seconds_in)
    ctl.tick()
    assert room.face.reading.text == text
    assert room.face.reading.phase == phase
    assert face_colour(room.face) == QColor(PHASE_COLOURS[phase][0])


def test_toolbar_shows_the_clock_to_the_facilitator(window, fake):
    ctl = window.clock_ctl
    button = ctl.toolbar_clock
    assert "--:--" not in button.text()  # standing still: says so in words
    ctl.a_start.trigger()
    fake.advance(minutes=17)
    ctl.tick()
    assert button.text().startswith("03:00")
    assert PHASE_COLOURS[PHASE_WARN][0] in button.styleSheet()
    assert button.menu() is ctl.menu  # one click to +1 min, pause, next session


def test_overrun_counts_up_second_by_second(window, fake):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=20, seconds=1)
    ctl.tick()
    assert ctl.reading.text == "+00:01"
    fake.advance(seconds=59)
    ctl.tick()
    assert ctl.reading.text == "+01:00"
    assert face_colour(ctl.room_window().face) == QColor(PHASE_COLOURS[PHASE_OVER][0])


@pytest.mark.parametrize("remaining, text", [
    (1200, "20:00"), (0.2, "00:01"), (0, "00:00"), (-0.5, "+00:00"), (-61, "+01:01"),
    (3 * 3600 + 5, "3:00:05")])
def test_clock_text_counts_down_then_up(remaining, text):
    assert clock_text(remaining) == text


def test_repaints_only_when_the_shown_second_changes(window, fake):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(seconds=1.2)
    assert ctl.tick()
    fake.advance(seconds=0.3)
    assert not ctl.tick()  # still 18:59 shown: nothing repainted


def test_mini_timer_shows_the_same_time_and_adds_a_minute(window, fake, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    ctl.a_mini.trigger()
    mini = ctl.mini_timer()
    assert mini.isVisible()
    assert mini.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    fake.advance(minutes=3, seconds=20)
    ctl.tick()
    assert mini.time_label.text() == ctl.room_window().face.reading.text == "16:40"
    assert face_colour(mini) == QColor(PHASE_COLOURS[PHASE_NORMAL][0])
    qtbot.mouseClick(mini.add_button, Qt.MouseButton.LeftButton)
    assert mini.time_label.text() == "17:40"
    qtbot.mouseClick(mini.pause_button, Qt.MouseButton.LeftButton)
    fake.advance(minutes=5)
    ctl.tick()
    assert mini.time_label.text() == "17:40"
    assert ctl.status.paused


def test_groups_in_parallel_share_the_one_clock(window, fake):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    ctl.a_skip.trigger()  # group discussion, two groups
    fake.advance(minutes=10)
    ctl.tick()
    text, first = ctl.reading.text, window.group_id
    window.step_group(1)  # the other group's board
    ctl.tick()
    assert window.group_id != first
    assert ctl.reading.text == text == "1:00:00"


def test_capture_follows_the_clock(window, fake, qtbot):
    ctl = window.clock_ctl
    sessions = window.ws.sessions()
    window.choose_board(sessions[4].id, None, False)  # the facilitator looked elsewhere
    ctl.a_start.trigger()
    assert window.session_id == sessions[0].id
    ctl.a_skip.trigger()
    groups = window.ws.groups_of(sessions[1].id)
    assert (window.session_id, window.group_id) == (sessions[1].id, groups[0].id)
    window.entry.line.setText("なぜ参加したのか：地域とのつながり")
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Return)
    note, = window.ws.all(Note)
    assert (note.session_id, note.group_id) == (sessions[1].id, groups[0].id)
    ctl.a_back.trigger()
    assert window.session_id == sessions[0].id


def test_replanning_proposal_accepted_in_one_click(window, fake, made, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=35)   # orientation planned 20: 15 minutes behind
    ctl.tick()
    banner = ctl.banner
    assert banner.isVisible()
    assert "15" in banner.label.text()
    before = {s.title: s.planned_minutes for s in saved_sessions(made)}
    qtbot.mouseClick(banner.accept_button, Qt.MouseButton.LeftButton)
    after = {s.title: s.planned_minutes for s in saved_sessions(made)}
    assert sum(before.values()) - sum(after.values()) == 15
    assert after["休憩"] >= 5 and after["オリエンテーション"] == 20
    assert not banner.isVisible()
    assert ctl.rc.drift_minutes() == pytest.approx(0)
    window.undo()  # one step puts the plan back
    assert {s.title: s.planned_minutes for s in saved_sessions(made)} == before


def test_ignored_proposal_stays_away_until_the_drift_grows(window, fake, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=25)
    ctl.tick()
    qtbot.mouseClick(ctl.banner.ignore_button, Qt.MouseButton.LeftButton)
    fake.advance(minutes=2)
    ctl.tick()
    assert not ctl.banner.isVisible()
    fake.advance(minutes=5)
    ctl.tick()
    assert ctl.banner.isVisible()


def test_room_clock_on_the_board_in_presentation_mode(window, fake, qtbot):
    ctl = window.clock_ctl
    window.enter_presentation()
    qtbot.wait(1)
    assert not ctl.overlay.isVisible()  # no session running: nothing to show
    ctl.a_start.trigger()
    assert ctl.overlay.isVisible()
    assert ctl.overlay.reading.text == "20:00"
    assert ctl.overlay.width() >= 240  # readable from the back of the room
    window.leave_presentation()
    qtbot.wait(1)
    assert not ctl.overlay.isVisible()


class FakeSoundEffect(QObject):
    """Stands in for QtMultimedia's QSoundEffect; counts what was played."""

    Status = QSoundEffectStatus
    statusChanged = Signal()
    plays = 0

    def __init__(self, parent=None):
        super().__init__(parent)

    def setSource(self, url):  # noqa: N802
        pass

    def setVolume(self, volume):  # noqa: N802
        pass

    def status(self):
        return self.Status.Ready

    def play(self):
        FakeSoundEffect.plays += 1


def test_chime_at_20_and_5_percent_and_time_up(window, fake, monkeypatch):
    module = types.ModuleType("PySide6.QtMultimedia")
    module.QSoundEffect = FakeSoundEffect
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", module)
    FakeSoundEffect.plays = 0
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    for minute in range(1, 23):
        fake.advance(minutes=1)
        ctl.tick()
    assert FakeSoundEffect.plays == 3
    ctl.a_chime.trigger()  # off
    ctl.a_back.trigger()
    assert FakeSoundEffect.plays == 3


def test_chime_degrades_to_silence_without_qtmultimedia(window, fake, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    told: list[str] = []
    ctl = window.clock_ctl
    ctl.chime.unavailable.connect(told.append)
    ctl.a_start.trigger()
    fake.advance(minutes=17)
    ctl.tick()   # 20% left: a chime is due
    fake.advance(minutes=2, seconds=30)
    ctl.tick()   # 5% left: due again
    assert ctl.chime.played == 2 and not ctl.chime.available
    assert len(told) == 1   # told once
    assert window.statusBar().currentMessage() == told[0]
    assert ctl.reading.phase == PHASE_FINAL


def test_chime_without_its_sound_file_is_silent(tmp_path, qapp, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia",
                        types.SimpleNamespace(QSoundEffect=FakeSoundEffect))
    chime = Chime(tmp_path / "missing.wav")
    told: list[str] = []
    chime.unavailable.connect(told.append)
    assert not chime.play() and not chime.play()
    assert len(told) == 1


def test_clock_reopens_running_at_the_right_time(window, fake, made, qtbot):
    window.clock_ctl.a_start.trigger()
    fake.advance(minutes=4)
    window.close_workshop()
    fake.advance(minutes=3)   # the app was closed for three minutes
    window.open_path(made)
    assert window.clock_ctl.reading.text == "13:00"
    assert window.session_id == window.ws.sessions()[0].id


def test_clock_menu_refuses_what_cannot_be_done(window):
    ctl = window.clock_ctl
    assert not ctl.a_pause.isEnabled()
    ctl.a_back.trigger()   # nothing ran: told, not crashed
    assert window.statusBar().currentMessage()


def test_agenda_panel_shows_the_running_session_and_what_others_took(window, fake):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=25)
    ctl.a_skip.trigger()
    texts = [window.agenda.topLevelItem(i).text(0) for i in range(2)]
    assert "25" in texts[0] and "▶" not in texts[0]
    assert texts[1].startswith("▶")


def test_room_clock_goes_full_screen_on_the_chosen_screen(window):
    from PySide6.QtGui import QGuiApplication
    screen = QGuiApplication.screens()[-1]
    room = window.clock_ctl.show_room_clock(screen)
    assert room.isFullScreen() and room.screen() is screen
    room.toggle_full_screen()
    assert not room.isFullScreen()


def test_clock_menu_opens_the_agenda_editor_and_its_edit_shows(window, monkeypatch):
    from ui.agenda.editor import AgendaEditor

    def edit_and_ok(dialog):
        dialog.list.setCurrentRow(0)
        dialog.minutes.setValue(15)
        dialog.accept()
        return 1
    monkeypatch.setattr(AgendaEditor, "exec", edit_and_ok)
    menu = window.clock_ctl.menu
    assert menu.menuAction() in window.menuBar().actions()
    window.clock_ctl.a_edit.trigger()
    assert window.ws.sessions()[0].planned_minutes == 15
    assert "15" in window.agenda.topLevelItem(0).text(0)
    assert window.actions_.undo.isEnabled()


def test_a_standing_clock_names_the_next_session(window):
    ctl = window.clock_ctl
    assert ctl.reading.idle and ctl.reading.title == "オリエンテーション"
    ctl.a_start.trigger()
    ctl.a_end.trigger()
    assert ctl.reading.idle and ctl.reading.title == "グループディスカッション"
    assert ctl.mini_timer().title_label.text().endswith("グループディスカッション")


def test_a_workshop_of_an_earlier_day_is_not_late(window, fake):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    ctl.a_end.trigger()
    fake.advance(minutes=3 * 24 * 60)   # opened again three days later
    ctl.tick()
    assert not ctl.banner.isVisible()


@pytest.mark.parametrize("lang, gap", [("ja", "。 "), ("en", ".  ")])
def test_replanning_banner_reads_as_running_text(window, fake, lang, gap):
    """Japanese sentences follow each other without the space English puts after a full stop."""
    from facilitator import i18n
    from ui.i18n import install_translator, uninstall_translator
    language = i18n.language()
    install_translator(lang)
    try:
        ctl = window.clock_ctl
        ctl.a_start.trigger()
        fake.advance(minutes=35)
        ctl.tick()
        text = ctl.banner.label.text()
    finally:
        uninstall_translator()
        i18n.set_language(language)
    assert text.count("分" if lang == "ja" else "min") >= 2
    assert gap not in text and (lang == "ja") == ("。" in text)
