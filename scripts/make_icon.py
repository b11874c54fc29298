"""Write the app icon's bitmaps from assets/icons/furikaeri.svg (original, made here).

    QT_QPA_PLATFORM=offscreen python scripts/make_icon.py

furikaeri.png (256 px: the window icon on Linux), furikaeri.ico (Windows,
16-256 px) and furikaeri.icns (macOS, 16-1024 px), rendered by Qt's SVG
renderer and packed by Pillow (which matplotlib already brings).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt needs one)
    renderer = QSvgRenderer(str(ICONS / "furikaeri.svg"))
    if not renderer.isValid():
        print("make_icon: furikaeri.svg is not valid SVG", file=sys.stderr)
        return 1
    render(renderer, 256).save(ICONS / "furikaeri.png", optimize=True)
    # Each size rendered from the vector, not scaled down from one bitmap.
    ico = [render(renderer, n) for n in (256, 128, 64, 48, 32, 24, 16)]
    ico[0].save(ICONS / "furikaeri.ico", sizes=[im.size for im in ico], append_images=ico[1:])
    icns = [render(renderer, n) for n in (1024, 512, 256, 128, 64, 32, 16)]
    icns[0].save(ICONS / "furikaeri.icns", append_images=icns[1:])
    for name in ("furikaeri.png", "furikaeri.ico", "furikaeri.icns"):
        print(f"wrote assets/icons/{name} ({(ICONS / name).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
