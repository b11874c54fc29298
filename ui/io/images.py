"""Export a board (or one frame of it) to PNG or SVG, rendered offscreen.

Board points are 1/72 inch, so ``dpi`` scales them to pixels.  Files are
written to a temporary name beside the target and renamed into place, so a
failed export never leaves half a file; the picture gets the umask's
permissions like any new document.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from facilitator.errors import DiskFull, FurikaeriError
from facilitator.io.exporters import create_beside, keep_mode
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.store_errors import LOW_SPACE, free_space
from ui.board.items import FrameItem
from ui.board.scene import BoardScene

MARGIN = 24.0
#: Largest PNG the export renders (pixels); beyond it a lower DPI is asked for.
MAX_PIXELS = 200_000_000


def _source_rect(scene: BoardScene, frame_title: str | None) -> QRectF:
    if frame_title is not None:
        for item in scene.element_items():
            if isinstance(item, FrameItem) and item.rec.title == frame_title:
                return scene.scene_rect_of(item).adjusted(-4, -4, 4, 4)
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "The board has no frame titled {title}."),
                             title=frame_title)
    rect = QRectF()
    for item in scene.element_items():
        rect = rect.united(item.sceneBoundingRect())
    if rect.isNull():
        rect = QRectF(0, 0, 400, 300)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _temp_beside(path: Path, suffix: str) -> str:
    try:
        fd, temp = create_beside(path, suffix)
        keep_mode(fd, path)
    except OSError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "Could not write {path}: {reason}"),
                             path=str(path), reason=exc.strerror or exc) from None
    os.close(fd)
    return str(temp)


def _render(workshop, session_id, group_id, frame_title, paint) -> None:
    scene = BoardScene(workshop, session_id, group_id)
    try:
        paint(scene, _source_rect(scene, frame_title))
    finally:
        scene.detach()
        scene.deleteLater()


def _commit(temp: str, path: Path, ok: bool) -> None:
    if not ok:
        os.unlink(temp)
        if free_space(path.parent) < LOW_SPACE:  # Qt says only that it failed
            raise DiskFull(QT_TRANSLATE_NOOP(
                "Errors", "The disk is full; {path} was not written."), path=str(path))
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "Could not write {path}."),
                             path=str(path))
    os.replace(temp, path)


def export_board_png(workshop, session_id: str, group_id: str | None, path,
                     dpi: float = 150, frame_title: str | None = None) -> Path:
    """Render the board (or the frame titled ``frame_title``) to a PNG at ``dpi``."""
    path = Path(path)
    if not 10 <= dpi <= 1200:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The resolution must be between 10 and 1200 dpi, not {dpi}."), dpi=dpi)

    def paint(scene: BoardScene, source: QRectF) -> None:
        scale = dpi / 72.0
        size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
        if size.width() * size.height() > MAX_PIXELS:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The board is too large to export at {dpi} dpi; choose a lower "
                "resolution."), dpi=dpi)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), source,
                     Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.end()
        temp = _temp_beside(path, ".png")
        _commit(temp, path, image.save(temp, "PNG"))

    _render(workshop, session_id, group_id, frame_title, paint)
    return path


def export_board_svg(workshop, session_id: str, group_id: str | None, path,
                     dpi: float = 72, frame_title: str | None = None) -> Path:
    """Write the board (or one frame) as SVG; board points become SVG user units."""
    path = Path(path)

    def paint(scene: BoardScene, source: QRectF) -> None:
        temp = _temp_beside(path, ".svg")
        generator = QSvgGenerator()
        generator.setFileName(temp)
        generator.setSize(QSize(round(source.width()), round(source.height())))
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setResolution(round(dpi))
        generator.setTitle(workshop.info.title or "Furikaeri")
        painter = QPainter()
        ok = painter.begin(generator)
        if ok:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), QColor("#FFFFFF"))
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
            ok = painter.end()
        _commit(temp, path, ok and os.path.getsize(temp) > 0)

    _render(workshop, session_id, group_id, frame_title, paint)
    return path
