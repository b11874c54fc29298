"""The room clock from the back of the room: full screen, digits over a fifth of the screen's
height (measured in grabs on 1920×1080 and 1024×768 screens), legible faces, a way back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

from clock_fixtures import fake, made, user_data, window  # noqa: F401 (fixtures)
from facilitator.agenda.timer import PHASE_FINAL, PHASE_NORMAL, PHASE_OVER, PHASE_WARN
from facilitator.board.palette_check import DEUTERANOPIA, NORMAL, PROTANOPIA, blend, contrast, delta_e
from ui.agenda.clock import windows
from ui.agenda.clock.face import ClockFace
from ui.agenda.clock.reading import (
    HINT_SHADE, HINT_TEXT, IDLE_COLOURS, PHASE_COLOURS, Reading,
)

ROOT = Path(__file__).resolve().parents[2]
PHASES = (PHASE_NORMAL, PHASE_WARN, PHASE_FINAL, PHASE_OVER)


def measure(what: str, size: str, lang: str = "ja") -> dict:
    """scripts/bench_screens.py in its own process: Qt's offscreen platform, one screen of ``size``."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the script chooses its own screen
    out = subprocess.run([sys.executable, "scripts/bench_screens.py", what, size, "--lang", lang],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module", params=["1920x1080", "1024x768"])
def on_screen(request):
    return measure("clock", request.param)


def test_room_clock_fills_its_screen_with_digits_a_fifth_of_its_height(on_screen):
    width, height = on_screen["screen"]
    assert on_screen["room_full_screen"]
    assert on_screen["room_geometry"] == [0, 0, width, height]
    for phase in PHASES:
        assert on_screen["room_digits_fraction"][phase] >= 0.2, phase


def test_the_clock_in_presentation_mode_can_be_made_large(on_screen):
    assert on_screen["f5_clock_large_fraction"] >= 0.2
    assert on_screen["f5_clock_small_fraction"] < on_screen["f5_clock_large_fraction"]


# -- the faces' colours -------------------------------------------------------------------

def painted_colours(reading: Reading) -> set[str]:
    """The colours a face paints for ``reading`` (every pixel of a grab)."""
    face = ClockFace()
    face.resize(640, 360)
    face.show_reading(reading)
    image = face.grab().toImage()
    return {image.pixelColor(x, y).name().upper()
            for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)}


@pytest.mark.parametrize("phase", PHASES)
def test_every_face_is_legible_from_its_own_colours(qapp, phase):
    reading = Reading("00:50", phase, "オリエンテーション", ("目的の共有", "自己紹介"), idle=False)
    background, text = reading.colours
    painted = painted_colours(reading)
    assert {background, text} <= painted  # the face paints with these two
    assert contrast(text, background) >= 4.5  # title and prompts (small text)
    assert contrast(text, background) >= 3.0  # the digits (large text)
    # The way back (「閉じる（Esc）」) on its shade over the face.
    assert contrast(HINT_TEXT, blend("#000000", background, HINT_SHADE)) >= 4.5


def test_a_standing_clock_is_legible_too(qapp):
    background, text = IDLE_COLOURS
    assert {background, text} <= painted_colours(Reading(title="オリエンテーション"))
    assert contrast(text, background) >= 4.5


def test_the_four_faces_stay_apart_with_colour_blindness():
    for a, b in combinations(PHASES, 2):
        for kind in (NORMAL, PROTANOPIA, DEUTERANOPIA):
            assert delta_e(PHASE_COLOURS[a][0], PHASE_COLOURS[b][0], kind) >= 10, (a, b, kind)


# -- the way back ---------------------------------------------------------------------------

def test_on_one_screen_the_room_clock_is_full_screen_with_a_way_back(window, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    assert len(QGuiApplication.screens()) == 1
    ctl.a_room.trigger()  # F9
    room = ctl.room_window()
    qtbot.waitUntil(lambda: room.isFullScreen() and room.geometry() == room.screen().geometry())
    assert room.hint_visible() and room.close_button.text() == "Close (Esc)"
    qtbot.keyClick(room, Qt.Key.Key_Escape)
    assert not room.isVisible()
    assert window.isVisible()  # back where the facilitator was


def test_the_hint_fades_and_a_mouse_move_brings_it_back(window, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    room = ctl.show_room_clock()
    assert room.hint_visible()
    assert room._hint_timer.interval() == windows.HINT_MS >= 3000  # time to read it
    room._hint_timer.setInterval(10)  # not the test's seconds
    room._fade.setDuration(10)
    room.show_hint()
    qtbot.waitUntil(lambda: not room.close_button.isVisible(), timeout=3000)
    room._hint_timer.setInterval(60_000)
    # (The offscreen platform sends QTest's moves to the window below: the event itself.)
    QApplication.sendEvent(room.face, QMouseEvent(
        QEvent.Type.MouseMove, QPointF(120, 110), room.face.mapToGlobal(QPointF(120, 110)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert room.hint_visible()
    qtbot.mouseClick(room.close_button, Qt.MouseButton.LeftButton)
    assert not room.isVisible()


def test_double_click_toggles_full_screen(window, qtbot):
    ctl = window.clock_ctl
    room = ctl.show_room_clock()
    qtbot.waitUntil(room.isFullScreen)
    qtbot.mouseDClick(room.face, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not room.isFullScreen())
    assert room.isVisible()
    screen = room.screen().availableGeometry()
    assert screen.contains(room.geometry())  # a window within its screen
    qtbot.mouseDClick(room.face, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(room.isFullScreen)
    room.close()


def test_click_or_shift_f9_makes_the_board_clock_large(window, qtbot):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    window.enter_presentation()
    qtbot.waitUntil(lambda: ctl.overlay.isVisible())
    small = ctl.overlay.height()
    assert ctl.a_large.shortcut().toString() == "Shift+F9"
    ctl.a_large.trigger()
    assert ctl.large_overlay and ctl.overlay.height() >= 0.45 * window.workspace.height() > small
    qtbot.mouseClick(ctl.overlay, Qt.MouseButton.LeftButton)
    assert not ctl.large_overlay and ctl.overlay.height() == small
    window.leave_presentation()
