"""A 1024×768 projector: the first window fits its screen and every toolbar button stays in
sight (nothing behind the toolbar's » menu, the clock above all), measured on Qt's offscreen
platform with one screen of that size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QToolBar

from clock_fixtures import fake, made, user_data, window  # noqa: F401 (fixtures)
from ui.window_fit import FRAME, PREFERRED, first_size, toolbar_label

ROOT = Path(__file__).resolve().parents[2]


def measure(size: str, lang: str) -> dict:
    """scripts/bench_screens.py in its own process (a process has its screens from its start)."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    out = subprocess.run([sys.executable, "scripts/bench_screens.py", "window", size,
                          "--lang", lang], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("size, lang", [("1024x768", "ja"), ("1024x768", "en"),
                                        ("1280x800", "ja")])
def test_first_window_fits_and_no_toolbar_button_hides(size, lang):
    got = measure(size, lang)
    assert got["first_window_fits"], got
    assert got["toolbar_hidden"] == [] and not got["toolbar_extension_shown"], got
    assert got["clock_button_visible"] and got["entry_visible"], got
    if size == "1280x800":
        assert got["toolbar_rows"] == 1  # room enough: one line


def test_first_size_leaves_room_for_the_frame():
    assert first_size(QSize(1920, 1040)) == PREFERRED
    size = first_size(QSize(1024, 728))  # 1024×768 less a task bar
    assert size.width() + FRAME.width() <= 1024 and size.height() + FRAME.height() <= 728


@pytest.mark.parametrize("text, label", [
    ("元に戻す(&U)", "元に戻す"), ("決定事項を記録(&D)…", "決定事項を記録"),
    ("&Presentation mode", "Presentation mode"), ("R&&D", "R&D"), ("Fit all", "Fit all")])
def test_toolbar_labels_leave_the_menus_mnemonics_out(text, label):
    assert toolbar_label(text) == label


def shown_buttons(window) -> tuple[int, list[str]]:
    """(lines of toolbars, labels of buttons that are not shown)."""
    bars = [b for b in window.findChildren(QToolBar) if b.isVisible()]
    hidden = [a.iconText() for b in bars for a in b.actions()
              if a.isVisible() and not a.isSeparator()
              and not (b.widgetForAction(a) and b.widgetForAction(a).isVisible())]
    return len({b.y() for b in bars}), hidden


def test_toolbar_wraps_to_a_second_line_only_when_narrow(window, qtbot):
    rows = window.toolbar_rows
    window.showNormal()
    window.resize(rows.needed_width() + 40, 700)
    qtbot.waitUntil(lambda: not rows.broken and shown_buttons(window)[0] == 1)
    assert shown_buttons(window) == (1, [])
    window.resize(rows.needed_width() - 40, 700)
    qtbot.waitUntil(lambda: rows.broken and shown_buttons(window)[0] == 2)
    assert shown_buttons(window) == (2, [])
    assert rows.first.actions()[0].iconText() == "Select"


def test_presentation_mode_hides_both_toolbars(window, qtbot):
    rows = window.toolbar_rows
    window.enter_presentation()
    qtbot.waitUntil(lambda: not rows.second.isVisible())
    assert not rows.first.isVisible()
    window.leave_presentation()
    qtbot.waitUntil(rows.second.isVisible)
    assert rows.first.isVisible()


def test_the_clock_sits_in_the_menu_bar_corner(window, fake):
    ctl = window.clock_ctl
    ctl.a_start.trigger()
    fake.advance(minutes=1)
    ctl.tick()
    button = ctl.toolbar_clock
    assert window.menuBar().cornerWidget() is button and button.isVisible()
    assert button.text().startswith("19:00")
    assert button.width() >= button.sizeHint().width()  # not cut short
