"""F6 moves the day on, whether or not a session runs; Shift+F6 right after takes it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clock_fixtures import fake, made, user_data, window  # noqa: F401 (fixtures)
from facilitator.workshop.model import Session


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def running(window) -> str | None:
    st = window.clock_ctl.rc.status()
    return st.session.title if st.session else None


def test_f6_starts_the_day_then_moves_to_each_next_session(qtbot, window, fake):
    press(qtbot, window, Qt.Key.Key_F6)
    assert running(window) == "オリエンテーション"
    fake.advance(minutes=20)
    press(qtbot, window, Qt.Key.Key_F6)                # while one runs: ends it, starts the next
    assert running(window) == "グループディスカッション"
    orientation = window.ws.sessions()[0]
    assert window.ws.get(Session, orientation.id).actual_end is not None
    assert window.session_id == window.ws.sessions()[1].id   # the board follows
    assert "Shift+F6" in window.statusBar().currentMessage()
    for _ in window.ws.sessions()[2:]:
        press(qtbot, window, Qt.Key.Key_F6)
    press(qtbot, window, Qt.Key.Key_F6)                # after the last: the day ends
    assert running(window) is None
    assert all(s.actual_end for s in window.ws.sessions())


def test_shift_f6_right_after_f6_takes_it_back(qtbot, window, fake):
    press(qtbot, window, Qt.Key.Key_F6)
    fake.advance(minutes=12)
    first, second = window.ws.sessions()[:2]
    press(qtbot, window, Qt.Key.Key_F6)                # by mistake
    fake.advance(seconds=10)
    press(qtbot, window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    st = window.clock_ctl.rc.status()
    assert st.session.id == first.id and st.elapsed_s == 12 * 60 + 10
    assert window.ws.get(Session, second.id).actual_start is None   # 予実 never sees it
    assert window.session_id == first.id


def test_shift_f6_later_goes_back_to_the_previous_session(qtbot, window, fake):
    press(qtbot, window, Qt.Key.Key_F6)
    fake.advance(minutes=20)
    press(qtbot, window, Qt.Key.Key_F6)
    fake.advance(minutes=10)                           # a real move, long past
    window.clock_ctl.tick()
    press(qtbot, window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    st = window.clock_ctl.rc.status()
    assert st.session.title == "オリエンテーション" and st.elapsed_s == 20 * 60
    second = window.ws.sessions()[1]
    assert window.ws.get(Session, second.id).actual_start is not None   # it did run
