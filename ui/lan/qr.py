"""The join URL as a QR code (segno), drawn crisp at any size.

The code is made one pixel per module and scaled by a whole number with no
smoothing, so every module is a sharp square a phone's camera reads from the
back of the room.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap

#: The quiet zone the QR standard asks for, in modules.
BORDER = 4


def qr_image(text: str) -> QImage:
    """``text`` as a QR code, one pixel per module, quiet zone included."""
    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(border=BORDER)]
    size = len(rows)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    return image


def qr_pixmap(text: str, side: int, minimum: int = 0) -> QPixmap:
    """The code scaled to at most ``side`` pixels (but at least ``minimum``), by a whole
    number of pixels per module."""
    image = qr_image(text)
    scale = max(1, side // image.width(), -(-minimum // image.width()))
    return QPixmap.fromImage(image.scaled(image.width() * scale, image.height() * scale,
                                          Qt.AspectRatioMode.IgnoreAspectRatio,
                                          Qt.TransformationMode.FastTransformation))
