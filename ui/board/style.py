"""Look of the board: fonts, colours, grid and the cached text layout of notes.

Scene units are board points (the model's x/y/w/h); at 100 % zoom one point
is one device-independent pixel.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from facilitator.board.palette import AUTHOR_COLOUR, PLAIN_NOTE

#: Snap step while dragging and resizing (points).
GRID = 8.0
#: Inner margin of a note.
PAD = 8.0
#: Height of a frame's title bar.
FRAME_BAR = 28.0
#: Below this level of detail items draw only their coloured shape.
LOD_SHAPES_ONLY = 0.3
#: Between this and LOD_SHAPES_ONLY notes show their first words in a larger type;
#: below it they are coloured blocks (too small on screen for even one character).
LOD_FIRST_WORDS = 0.1
#: Smallest on-screen size (pixels) of frame titles and of the first words of notes,
#: whatever the zoom (issue 14: titles never vanish when zoomed out).
MIN_TITLE_PX, MIN_GIST_PX = 12.0, 10.0

NOTE_FALLBACK_COLOR = PLAIN_NOTE
SELECTION_COLOR = QColor("#1E6FD9")


class Look:
    """Sizes that presentation mode changes (one per scene)."""

    def __init__(self, presentation: bool = False) -> None:
        self.presentation = presentation
        family = QApplication.font().family()
        scale = 1.5 if presentation else 1.0
        self.note_font = QFont(family)
        self.note_font.setPixelSize(13)
        # Presentation tries the largest type that still fits each note, so notes
        # do not grow into their neighbours; the last (normal) size grows if needed.
        self.note_fonts = []
        # Every pixel size from 1.5× down, so each note gets the largest that fits it.
        for px in range(round(13 * scale), 13, -1) if presentation else ():
            font = QFont(family)
            font.setPixelSize(px)
            self.note_fonts.append(font)
        self.note_fonts.append(QFont(self.note_font))
        self.author_font = QFont(family)
        self.author_font.setPixelSize(round(10 * scale))
        self.title_font = QFont(family)
        self.title_font.setPixelSize(round(14 * scale))
        self.title_font.setBold(True)
        self.text_color = QColor("#000000" if presentation else "#1A1A1A")
        # ≥ 4.5:1 on every note colour of the palette (tests/board/test_palette.py).
        self.author_color = QColor("#222222" if presentation else AUTHOR_COLOUR)
        self.border_width = 2.0 if presentation else 0.0
        self.author_h = QFontMetricsF(self.author_font).height() + 2

    def heading_font(self, size: float, kind: str) -> QFont:
        font = QFont(self.note_font.family())
        scale = 1.3 if self.presentation else 1.0
        font.setPixelSize(max(6, round(size * scale)))
        font.setBold(kind == "heading")
        return font


_SCALED: dict[tuple[str, int], QFont] = {}


def font_at_least(font: QFont, screen_px: float, lod: float) -> QFont:
    """``font``, or a larger copy so that it is ``screen_px`` on screen at level of detail
    ``lod``; sizes go in steps of about 10 % so zooming reuses a few fonts."""
    px = font.pixelSize()
    if lod <= 0 or px * lod >= screen_px:
        return font
    want = screen_px / lod
    step = px * 1.1 ** max(1, int(math.ceil(math.log(want / px, 1.1))))
    key = (font.key(), round(step))
    scaled = _SCALED.get(key)
    if scaled is None:
        scaled = _SCALED[key] = QFont(font)
        scaled.setPixelSize(round(step))
    return scaled


def snap(value: float, step: float = GRID) -> float:
    return round(value / step) * step


def color_or(text: str | None, fallback: str) -> QColor:
    """The colour named by ``text`` or ``fallback`` when it is empty or invalid."""
    color = QColor(text) if text else QColor()
    return color if color.isValid() else QColor(fallback)


def needs_layout(text: str, width: float, height: float, font: QFont) -> bool:
    """Whether ``text`` might not fit ``width`` x ``height`` (cheap, conservative).

    Laying out 5,000 notes at load would cost seconds; a full-width CJK
    character is at most about one em wide, so short texts surely fit.
    """
    em = font.pixelSize() * 1.05
    per_line = max(1, int(width / em))
    lines = text.count("\n") + 1 + len(text) // per_line
    return lines * em * 1.5 > height * 0.8


def layout_text(text: str, width: float, font: QFont) -> tuple[QTextLayout, float]:
    """``text`` wrapped to ``width`` (Japanese breaks anywhere); returns layout, height."""
    register_font(font)
    return _layout_cached(text, round(width, 1), font.key())


@lru_cache(maxsize=2048)
def _layout_cached(text: str, width: float, font_key: str) -> tuple[QTextLayout, float]:
    font = _FONTS[font_key]
    # QTextLayout breaks lines only at U+2028; a typed line break would be drawn as nothing.
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    leading = QFontMetricsF(font).leading()
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        y += leading
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, y


_FONTS: dict[str, QFont] = {}


def register_font(font: QFont) -> QFont:
    """Remember ``font`` by its key so cached layouts can be rebuilt from it."""
    _FONTS.setdefault(font.key(), QFont(font))
    return font


def elide_line(text: str, width: float, font: QFont) -> str:
    """One line of ``text`` cut to ``width`` with an ellipsis (author tags, titles)."""
    first = text.splitlines()[0] if text else ""
    return QFontMetricsF(font).elidedText(first, Qt.TextElideMode.ElideRight, width)


def rect_of(rec, dx: float = 0.0) -> QRectF:
    """The record's rectangle in scene coordinates (shifted by its area's offset)."""
    return QRectF(rec.x + dx, rec.y, rec.w, rec.h)
