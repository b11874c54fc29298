"""The projector window on a second screen (issue 14), run in its own process.

    python tests/board/projector_screens.py [--shots DIR]

Qt's offscreen platform with two screens: a 1280x800 laptop and a 1920x1080
projector to its right.  Opens the demo, the projector window (Shift+F5) and
prints one JSON object: the screen the projector window is on and its size,
whether it shows the room layout, the glyph heights of its cards and titles in
a grab (as scripts/bench_f5.py measures F5), then, with a note selected on the
laptop, whether the board is shown and at what zoom, and after a click on a
card of the room layout, what the laptop has selected.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SCREENS = [{"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800},
           {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080}]


def run(shots: Path | None) -> dict:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from facilitator.demo import create_demo
    from scripts.bench_f5 import room_figures, settle
    from ui.app import application
    from ui.i18n import install_translator
    from ui.main_window import MainWindow

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        install_translator("ja")
        path = Path(tmp) / "demo.furikaeri"
        create_demo(path).close()
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        window.open_path(path, raise_errors=True)
        settle(app, 100)
        window.actions_.projector.trigger()  # Shift+F5
        settle(app, 500)
        projector = window.projector
        out["screen"] = projector.screen().name()
        out["size"] = [projector.width(), projector.height()]
        out["full_screen"] = projector.isFullScreen()
        out["room"] = projector.showing_room()
        got = room_figures(projector.room)
        out.update(cards=got["cards"], note_min_px=got["note_min_px"],
                   title_min_px=got["title_px"])
        if shots:
            projector.grab().save(str(shots / "projector_room.png"))
        # Selected on the laptop: the projector shows the board, glides to it.
        zoom = projector.view.zoom()
        note = projector.room.plan.tiles[0].cards[0][0].rid
        window.board.board_scene().select_ids([note])
        settle(app, 1200)
        out["room_with_selection"] = projector.showing_room()
        out["zoom_gain"] = round(projector.view.zoom() / zoom, 2)
        if shots:
            projector.grab().save(str(shots / "projector_selected.png"))
        window.board.board_scene().clearSelection()
        settle(app, 300)
        out["room_after_clear"] = projector.showing_room()
        # A click on a card of the projector's room layout selects it on the laptop.
        tp = projector.room.plan.tiles[-1]
        rid, rect = tp.cards[-1][0].rid, tp.cards[-1][1]
        QTest.mouseClick(projector.room, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        settle(app, 300)
        out["clicked"] = rid
        out["laptop_selected"] = window.board.selected_ids()
        window._close_projector()
        window.ws.close() if window.ws is not None else None
        window.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screens.json"
        config.write_text(json.dumps({"screens": [
            dict(s, logicalDpi=96, logicalBaseDpi=96, dpr=1) for s in SCREENS]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        print(json.dumps(run(args.shots)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
