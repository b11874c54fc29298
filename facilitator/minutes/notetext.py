"""A note's text in a board picture: wrapped in its box, cut with … where it overflows.

Paragraphs are cached by (text, width, room, size, ink): a board's pictures
(overview, tiles, the poster) lay out the same notes again.
"""

from __future__ import annotations

import functools

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from facilitator.minutes.fonts import FONT, markup, string_width

NOTE_FONT = 13.0   # a note's text on the board (board units)


def fit(text: str, width: float, size: float) -> str:
    """The first line of ``text``, shortened with … to ``width``."""
    line = text.split("\n", 1)[0]
    if string_width(line, size) <= width:
        return line
    while line and string_width(line + "…", size) > width:
        line = line[:-1]
    return line + "…"


@functools.lru_cache(maxsize=None)
def note_style(size: float, ink: str) -> ParagraphStyle:
    return ParagraphStyle(f"board-note-{size:.2f}-{ink}", fontName=FONT, fontSize=size,
                          leading=max(size * 1.2, NOTE_FONT * 1.3),
                          wordWrap="CJK", textColor=colors.HexColor(ink))


@functools.lru_cache(maxsize=8192)
def note_paragraph(text: str, width: float, room: float, size: float, ink: str):
    """(paragraph, its height, whether it was cut) of a note's text in its box."""
    if room < size * 1.2 or width <= size:
        return None, 0.0, bool(text)
    style = note_style(size, ink)
    para = Paragraph(markup(text), style)
    _, h = para.wrap(width, room)
    if h <= room:
        return para, h, False
    lines = max(1, int(room // style.leading))
    # Cut at the characters that fit: a note of 10,000 characters is not wrapped whole.
    approx = int(lines * width / size * 1.05) + 1
    for n in range(lines, 0, -1):
        head = Paragraph(markup(text[:approx]), style)
        head.wrap(width, room)
        parts = head.split(width, n * style.leading + 0.5)
        if parts:
            first = parts[0]
            _, fh = first.wrap(width, room)
            if fh <= room:
                return first, fh, True
    return None, 0.0, True
