"""Readable from the back of the room (issue 14): the window and the room clock on a given screen.

    python scripts/bench_screens.py clock 1920x1080 [--shots DIR]
    python scripts/bench_screens.py window 1024x768 [--shots DIR]

Each runs Qt's offscreen platform with ONE screen of the given size (its
``configfile`` option) and prints one JSON object; ``--shots`` saves what was
measured as PNG files.  The tests (tests/agenda/test_room_clock_screens.py,
tests/app/test_small_screens.py) and ``make bench`` (``clock_digits_fraction``)
run it in a fresh process, since a process has its screens from its start.

``clock``: the room clock opened with F9 on the only screen, for each face
(normal, 20% left, 5% left, over time): whether it fills the screen, and the
height of its digits (the tallest band of rows holding the digits' colour, in
a grab) against the screen's height; the same for the clock on the board in
presentation mode (F5), small and large.

``window``: the first window (no saved geometry) against the screen's available
geometry; then maximised, which toolbar actions the toolbar's » menu hides.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def use_screen(width: int, height: int, folder: Path) -> None:
    """Qt's offscreen platform with one ``width`` x ``height`` screen (before the app starts)."""
    config = folder / "screens.json"
    config.write_text(json.dumps({"screens": [{
        "name": f"screen-{width}x{height}", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def ink_bands(image, background) -> list[tuple[int, int]]:
    """Runs of rows ``(top, bottom)`` holding pixels far from ``background`` (a QColor)."""
    import numpy as np
    from PySide6.QtGui import QImage
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    data = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.bytesPerLine() * h)
    px = data.reshape(h, img.bytesPerLine())[:, :w * 4].reshape(h, w, 4)[:, :, :3].astype(int)
    bg = np.array([background.blue(), background.green(), background.red()])  # BGRA in memory
    ink = (np.abs(px - bg).max(axis=2) > 96).any(axis=1)
    bands, top = [], None
    for y, on in enumerate(ink):
        if on and top is None:
            top = y
        elif not on and top is not None:
            bands.append((top, y - 1))
            top = None
    if top is not None:
        bands.append((top, h - 1))
    return bands


def digits_height(image, background) -> int:
    """Height in pixels of the tallest band of ink: the clock's digits."""
    return max((b - t + 1 for t, b in ink_bands(image, background)), default=0)


def _window(tmp: Path, lang: str = "ja"):
    from PySide6.QtCore import QSettings

    from scripts.bench import standard_workshop
    from ui.app import application
    from ui.i18n import install_translator
    from ui.main_window import MainWindow

    app = application()
    install_translator(lang)
    os.environ["XDG_DATA_HOME"] = str(tmp)
    path = tmp / "screens.furikaeri"
    standard_workshop(path, notes=12)[0].close()
    window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    return app, window, path


def clock(size: tuple[int, int], shots: Path | None, lang: str) -> dict:
    from PySide6.QtGui import QColor, QGuiApplication

    from facilitator.agenda.timer import PHASE_FINAL, PHASE_NORMAL, PHASE_OVER, PHASE_WARN
    from scripts.bench_clock import FakeClock

    out: dict = {"screen": list(size)}
    with tempfile.TemporaryDirectory() as tmp:
        app, window, path = _window(Path(tmp), lang)
        fake = FakeClock()
        ctl = window.clock_ctl
        ctl.clock, ctl.wall = fake.clock, fake.wall
        ctl.chime.enabled = False
        window.open_path(path, raise_errors=True)
        window.show()
        app.processEvents()
        ctl.start_now()  # the orientation: 20 minutes
        screen = QGuiApplication.primaryScreen()
        room = ctl.show_room_clock()
        for _ in range(3):
            app.processEvents()
        out["room_full_screen"] = room.isFullScreen()
        out["room_geometry"] = list(room.geometry().getRect())
        fractions = {}
        # 20 min: normal at 15:00 left, 20% at 3:30, 5% at 0:50, over at +3:12.
        for phase, seconds in ((PHASE_NORMAL, 300), (PHASE_WARN, 990), (PHASE_FINAL, 1150),
                               (PHASE_OVER, 1392)):
            fake.mono = 1000.0 + seconds + 0.5
            ctl.tick()
            app.processEvents()
            assert ctl.reading.phase == phase, (phase, ctl.reading)
            image = room.grab().toImage()
            fractions[phase] = round(digits_height(image, QColor(ctl.reading.colours[0]))
                                     / screen.geometry().height(), 4)
            if shots:
                image.save(str(shots / f"room_clock_{phase}_{size[0]}x{size[1]}.png"))
        out["room_digits_fraction"] = fractions
        room.close()

        fake.mono = 1000.0 + 1150.5  # 5% left: the face the room needs most
        ctl.tick()
        window.enter_presentation()
        for _ in range(3):
            app.processEvents()
        for large in (False, True):
            ctl.set_large_overlay(large)
            app.processEvents()
            overlay = ctl.overlay
            image = overlay.grab().toImage()
            key = "large" if large else "small"
            out[f"f5_clock_{key}_fraction"] = round(
                digits_height(image, QColor(ctl.reading.colours[0]))
                / screen.geometry().height(), 4)
            if shots:
                window.grab().save(str(shots / f"f5_clock_{key}_{size[0]}x{size[1]}.png"))
        window.leave_presentation()
        window.close()
    return out


def main_window(size: tuple[int, int], shots: Path | None, lang: str) -> dict:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QToolBar, QToolButton

    from scripts.bench_clock import FakeClock

    out: dict = {"screen": list(size)}
    with tempfile.TemporaryDirectory() as tmp:
        app, window, path = _window(Path(tmp), lang)
        fake = FakeClock()
        window.clock_ctl.clock, window.clock_ctl.wall = fake.clock, fake.wall
        window.show()
        for _ in range(3):
            app.processEvents()
        avail = QGuiApplication.primaryScreen().availableGeometry()
        frame = window.frameGeometry()
        out["available"] = list(avail.getRect())
        out["first_window"] = list(frame.getRect())
        out["first_window_fits"] = avail.contains(frame)
        window.open_path(path, raise_errors=True)
        window.clock_ctl.start_now()
        window.clock_ctl.skip()  # the longest title of the day's sessions
        window.showMaximized()
        for _ in range(5):
            app.processEvents()
        hidden, extension_shown = [], False
        for bar in window.findChildren(QToolBar):
            if not bar.isVisible():
                continue
            for act in bar.actions():
                if not act.isVisible() or act.isSeparator():
                    continue
                widget = bar.widgetForAction(act)
                if widget is None or not widget.isVisible():
                    label = act.iconText() or (
                        widget.text() if isinstance(widget, QToolButton) else "")
                    hidden.append(label or "?")
            extension_shown |= any(b.isVisible() for b in bar.findChildren(QToolButton)
                                   if b.objectName() == "qt_toolbar_ext_button")
        out["toolbar_hidden"] = hidden
        out["toolbar_extension_shown"] = extension_shown
        out["toolbar_rows"] = len({b.y() for b in window.findChildren(QToolBar) if b.isVisible()})
        clock_button = window.clock_ctl.toolbar_clock
        out["clock_button_visible"] = clock_button.isVisible()
        out["entry_visible"] = window.entry.isVisible() and avail.contains(
            window.entry.mapToGlobal(window.entry.rect().bottomRight()))
        if shots:
            window.grab().save(str(shots / f"window_{size[0]}x{size[1]}_{lang}.png"))
        window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("clock", "window"))
    parser.add_argument("size", help="WIDTHxHEIGHT of the one screen")
    parser.add_argument("--shots", type=Path, help="save the measured pictures here")
    parser.add_argument("--lang", default="ja", choices=("ja", "en"))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        use_screen(width, height, Path(tmp))
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        run = clock if args.what == "clock" else main_window
        print(json.dumps(run((width, height), args.shots, args.lang)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
