"""Note text in presentation mode (F5) on one screen of a given size (issue 14).

    python scripts/bench_f5.py 1920x1080 [--shots DIR]

Opens the demo workshop full screen in F5 on Qt's offscreen platform with one
screen (scripts/bench_screens.py), and prints one JSON object:

* ``note_px``: with the whole board shown (F5 opens on the room layout: each
  theme a tile, its notes large cards), the height of the notes' glyphs in a
  grab: for each card the tallest band of text rows (its ink, against the
  card's colour), the median over the cards; ``note_min_px`` the smallest card's;
  ``title_px``: the same for the themes' titles (the smallest); ``note_font_px``
  the cards' type size; ``cards``: how many notes are shown as cards;
* ``board_note_px``: after Tab (the board as drawn, fitted), the notes' type
  size on screen: the median note's font pixel size × the view's scale;
* ``selected_note_px``: the same once a note is selected and the view has glided
  to it, and ``selected_note_glyph_px``: the tallest band of text rows found in a
  grab of that note (its glyphs' ink, the author line and the borders left out);
* ``selected_frame_note_px`` / ``selected_frame_title_px``: the same with the
  frame (theme) around that note selected: its smallest note type and its title;
* ``fonts``: how many notes got each pixel size of the F5 type (shrink-to-fit).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench_screens import ink_bands, use_screen  # noqa: E402


def settle(app, ms: int = 0) -> None:
    import time
    end = time.monotonic() + ms / 1000
    while True:
        app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.02)


def room_figures(room) -> dict:
    """Glyph heights of the notes and titles of a room layout widget, measured in a grab."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor

    image = room.grab().toImage()
    plan = room.plan
    px = plan.font_px
    notes, titles = [], []
    for tp in plan.tiles:
        for note, rect in tp.cards:
            inner = rect.toAlignedRect().adjusted(round(px * 0.15), round(px * 0.15),
                                                  -round(px * 0.15), -round(px * 0.15))
            bands = ink_bands(image.copy(inner), QColor(note.fill))
            notes.append(max((b - t + 1 for t, b in bands), default=0))
        if tp.tile.title:
            band = tp.title_rect.toAlignedRect().adjusted(round(px * 0.15), round(px * 0.15),
                                                          -round(px * 0.15), 0)
            crop = image.copy(band)
            background = crop.pixelColor(QPoint(1, crop.height() // 2))
            bands = ink_bands(crop, background)
            titles.append(max((b - t + 1 for t, b in bands), default=0))
    return {"note_px": statistics.median(notes) if notes else 0,
            "note_min_px": min(notes, default=0), "title_px": min(titles, default=0),
            "note_font_px": round(px, 1), "cards": len(notes),
            "room_lines": plan.lines}


def run(size: tuple[int, int], shots: Path | None) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QColor

    from facilitator.demo import create_demo
    from ui.app import application
    from ui.board.items import NoteItem
    from ui.i18n import install_translator
    from ui.main_window import MainWindow

    out: dict = {"screen": list(size)}
    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        install_translator("ja")
        path = Path(tmp) / "demo.furikaeri"
        create_demo(path).close()
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.show()
        window.open_path(path, raise_errors=True)
        settle(app, 100)
        window.enter_presentation()
        settle(app, 300)
        board = window.board
        scene = board.board_scene()
        notes = [it for it in scene.by_id.values() if isinstance(it, NoteItem)]
        sizes = [it.font.pixelSize() for it in notes]
        out["notes"] = len(notes)
        out["fonts"] = {str(px): sizes.count(px) for px in sorted(set(sizes))}
        out.update(room_figures(window.presentation.room.room))
        if shots:
            window.grab().save(str(shots / f"f5_room_{size[0]}x{size[1]}.png"))
        window.presentation.room.toggle()  # Tab: the board as drawn
        settle(app, 200)
        out["zoom_all"] = round(board.zoom(), 3)
        out["board_note_px"] = round(statistics.median(sizes) * board.zoom(), 1)
        if shots:
            window.grab().save(str(shots / f"f5_board_{size[0]}x{size[1]}.png"))
        # The note with the longest text: the one most likely to get the smallest type.
        note = max(notes, key=lambda it: len(it.rec.text))
        scene.select_ids([note.rid])
        settle(app, 1200)  # the follower waits, then glides
        out["zoom_selected"] = round(board.zoom(), 3)
        out["selected_note_px"] = round(note.font.pixelSize() * board.zoom(), 1)
        image = board.viewport().grab().toImage()
        box = board.mapFromScene(note.mapRectToScene(note.rect())).boundingRect()
        inset = round(7 * board.zoom())  # border and spotlight
        author = round((note.look.author_h + 10) * board.zoom())
        crop = image.copy(box.adjusted(inset, inset, -inset, -author))
        bands = ink_bands(crop, QColor(note.fill))
        out["selected_note_glyph_px"] = max((b - t + 1 for t, b in bands), default=0)
        if shots:
            window.grab().save(str(shots / f"f5_selected_{size[0]}x{size[1]}.png"))
            crop.save(str(shots / f"f5_selected_crop_{size[0]}x{size[1]}.png"))
        # The frame (theme) around that note: its title and its notes.
        from ui.board.items import FrameItem
        frame = next((it for it in scene.by_id.values() if isinstance(it, FrameItem)
                      and it.sceneBoundingRect().contains(note.sceneBoundingRect())), None)
        if frame is not None:
            scene.select_ids([frame.rid])
            settle(app, 1200)
            inside = [it for it in notes
                      if frame.sceneBoundingRect().contains(it.sceneBoundingRect())]
            out["selected_frame_note_px"] = round(
                min(it.font.pixelSize() for it in inside) * board.zoom(), 1)
            out["selected_frame_title_px"] = round(
                frame.look.title_font.pixelSize() * board.zoom(), 1)
            if shots:
                window.grab().save(str(shots / f"f5_frame_{size[0]}x{size[1]}.png"))
        window.leave_presentation()
        window.ws.close() if window.ws is not None else None
        window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="WIDTHxHEIGHT of the one screen")
    parser.add_argument("--shots", type=Path, help="save the measured pictures here")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        use_screen(width, height, Path(tmp))
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        print(json.dumps(run((width, height), args.shots)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
