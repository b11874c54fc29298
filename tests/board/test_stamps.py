"""The pictogram stamps: one SVG per pictogram that Qt's renderer draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from facilitator.workshop.model import PICTOGRAMS
from facilitator.paths import STAMPS_DIR


@pytest.mark.parametrize("name", PICTOGRAMS)
def test_stamp_loads_and_draws_something(qapp, name):
    path = STAMPS_DIR / f"{name}.svg"
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QRectF(0, 0, 64, 64)
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    inked = sum(image.pixelColor(x, y).alpha() > 128 for x in range(64) for y in range(64))
    assert 200 < inked < 64 * 64 * 0.8  # a visible shape, not a filled square


def test_every_stamp_file_is_a_known_pictogram():
    assert sorted(p.stem for p in STAMPS_DIR.glob("*.svg")) == sorted(PICTOGRAMS)
