"""The graphic record in the PDF: a board drawn as vector graphics from its records.

Notes, frames, headings, strokes, connectors and stamps are drawn from the
model (not from a screenshot), so they print sharp at any size.  A board
that would have to shrink below :data:`MIN_SCALE` to fit the page is shown
whole once (shapes only when its type would be unreadable) and then in
tiles at a legible scale, one page each, with where each tile sits.
"""

from __future__ import annotations

import functools
import math

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from facilitator.workshop.model import Connector, Element, Frame, Heading, Note, Stamp, Stroke
from facilitator.paths import STAMPS_DIR
from facilitator.minutes.fonts import FONT, draw_string, markup, string_width

#: Below this scale a board is split into tiles (note text would be under ~5 pt).
MIN_SCALE = 0.42
#: Below this scale the overview leaves out text (it would print as grey fuzz).
TEXT_SCALE = 0.22
PAD = 8.0          # inside a note, as on the screen
FRAME_BAR = 28.0   # a frame's title bar
NOTE_FONT = 13.0
AUTHOR_FONT = 10.0
MARGIN = 12.0      # around the board's content

NOTE_STYLE = ParagraphStyle("board-note", fontName=FONT, fontSize=NOTE_FONT,
                            leading=NOTE_FONT * 1.3, wordWrap="CJK",
                            textColor=colors.HexColor("#1A1A1A"))


def _color(value: str, fallback: str) -> colors.Color:
    try:
        return colors.HexColor(value or fallback)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


def bounds(elements: list[Element]) -> tuple[float, float, float, float]:
    """``(x, y, w, h)`` around every element, with a margin."""
    if not elements:
        return (0.0, 0.0, 1.0, 1.0)
    x0 = min(e.x for e in elements) - MARGIN
    y0 = min(e.y for e in elements) - MARGIN
    x1 = max(e.x + max(e.w, 1.0) for e in elements) + MARGIN
    y1 = max(e.y + max(e.h, 1.0) for e in elements) + MARGIN
    return (x0, y0, x1 - x0, y1 - y0)


@functools.lru_cache(maxsize=None)
def _stamp_drawing(pictogram: str):
    """The stamp's SVG as a reportlab drawing (None when missing or unreadable)."""
    path = STAMPS_DIR / f"{pictogram}.svg"
    if not (pictogram.replace("_", "").isalnum() and path.is_file()):
        return None
    try:
        from svglib.svglib import svg2rlg
        return svg2rlg(str(path))
    except Exception:  # noqa: BLE001 - an unreadable stamp draws a placeholder
        return None


class BoardPicture(Flowable):
    """The part ``region`` (board coordinates) of a board, drawn at ``scale``."""

    def __init__(self, elements: list[Element], region: tuple[float, float, float, float],
                 scale: float, text: bool = True) -> None:
        super().__init__()
        self.elements = elements
        self.region = region
        self.scale = scale
        self.text = text
        self.width = region[2] * scale
        self.height = region[3] * scale
        self._by_id = {e.id: e for e in elements}

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x0, y0, w, h = self.region
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#BBBBBB"))
        canv.setLineWidth(0.5)
        canv.rect(0, 0, self.width, self.height)
        path = canv.beginPath()
        path.rect(0, 0, self.width, self.height)
        canv.clipPath(path, stroke=0, fill=0)
        canv.scale(self.scale, self.scale)
        # Board coordinates point down; the page's up: Y = top - y.
        self._top = y0 + h
        self._x0 = x0
        for e in self.elements:
            if (e.x > x0 + w or e.y > y0 + h or e.x + max(e.w, 1) < x0
                    or e.y + max(e.h, 1) < y0):
                continue
            drawer = _DRAWERS.get(type(e))
            if drawer:
                drawer(self, e)
        canv.restoreState()

    # -- one element each ---------------------------------------------------------
    def _X(self, x: float) -> float:  # noqa: N802
        return x - self._x0

    def _Y(self, y: float) -> float:  # noqa: N802
        return self._top - y

    def _note(self, n: Note) -> None:
        c = self.canv
        c.setFillColor(_color(n.color, "#FFF4A8"))
        c.setStrokeColor(colors.HexColor("#C8C2A8"))
        c.setLineWidth(0.6)
        c.rect(self._X(n.x), self._Y(n.y + n.h), n.w, n.h, fill=1, stroke=1)
        if not self.text:
            return
        room = n.h - 2 * PAD - (AUTHOR_FONT + 3 if n.author else 0)
        para, shown, cut = _note_paragraph(n.text, n.w - 2 * PAD, room)
        if para is not None:
            para.drawOn(c, self._X(n.x) + PAD, self._Y(n.y + PAD) - shown)
        c.setFillColor(colors.HexColor("#5A5A5A"))
        if cut:  # the full text is printed under its theme
            draw_string(c, self._X(n.x + n.w) - PAD - NOTE_FONT, self._Y(n.y + n.h) + PAD,
                        "…", NOTE_FONT)
        if n.author:
            draw_string(c, self._X(n.x) + PAD, self._Y(n.y + n.h) + PAD,
                        _fit(n.author, n.w - 2 * PAD - NOTE_FONT, AUTHOR_FONT), AUTHOR_FONT)

    def _frame(self, f: Frame) -> None:
        c = self.canv
        col = _color(f.color, "#888888")
        c.setStrokeColor(col)
        c.setLineWidth(2.0)
        c.rect(self._X(f.x), self._Y(f.y + f.h), f.w, f.h, fill=0, stroke=1)
        bar = min(FRAME_BAR, f.h)
        c.setFillColor(col, alpha=60 / 255)
        c.rect(self._X(f.x), self._Y(f.y + bar), f.w, bar, fill=1, stroke=0)
        if f.title and self.text:
            c.setFillColor(colors.HexColor("#1A1A1A"))
            size = 14.0
            draw_string(c, self._X(f.x) + PAD, self._Y(f.y + bar / 2) - size * 0.35,
                        _fit(f.title, f.w - 2 * PAD, size), size)

    def _heading(self, hd: Heading) -> None:
        if not self.text:
            return
        c = self.canv
        c.setFillColor(_color(hd.color, "#222222"))
        c.setStrokeColor(_color(hd.color, "#222222"))
        size = max(hd.size, 4.0)
        bold = hd.kind == "heading"
        if bold:  # IPAexGothic has no bold face: fill and a thin outline
            c.setLineWidth(size * 0.03)
        for i, line in enumerate(hd.text.split("\n")):
            y = self._Y(hd.y) - size * (1.0 + 1.35 * i)
            t = c.beginText(self._X(hd.x), y)
            t.setTextRenderMode(2 if bold else 0)
            for font, run in _runs(line):
                t.setFont(font, size)
                t.textOut(run)
            c.drawText(t)

    def _stroke(self, s: Stroke) -> None:
        if len(s.points) < 2:
            return
        c = self.canv
        c.setStrokeColor(_color(s.color, "#222222"))
        c.setLineWidth(max(s.width, 0.5))
        c.setLineCap(1)
        c.setLineJoin(1)
        p = c.beginPath()
        first, *rest = s.points
        p.moveTo(self._X(s.x + first[0]), self._Y(s.y + first[1]))
        for pt in rest:
            p.lineTo(self._X(s.x + pt[0]), self._Y(s.y + pt[1]))
        c.drawPath(p, stroke=1, fill=0)

    def _connector(self, k: Connector) -> None:
        a, b = self._by_id.get(k.source_id), self._by_id.get(k.target_id)
        if a is not None and b is not None:
            (ax, ay), (bx, by) = _centre(a), _centre(b)
            ax, ay = _edge(a, bx, by)
            bx, by = _edge(b, ax, ay)
        else:
            ax, ay, bx, by = k.x, k.y, k.x + k.w, k.y + k.h
        c = self.canv
        col = _color(k.color, "#444444")
        c.setStrokeColor(col)
        c.setFillColor(col)
        c.setLineWidth(max(k.width, 0.5))
        c.line(self._X(ax), self._Y(ay), self._X(bx), self._Y(by))
        if k.style == "arrow":
            ang = math.atan2(by - ay, bx - ax)
            size = 6 + 3 * k.width
            p = c.beginPath()
            p.moveTo(self._X(bx), self._Y(by))
            for da in (2.7, -2.7):
                p.lineTo(self._X(bx + size * math.cos(ang + da)),
                         self._Y(by + size * math.sin(ang + da)))
            p.close()
            c.drawPath(p, stroke=0, fill=1)
        if k.label and self.text:
            c.setFillColor(colors.HexColor("#333333"))
            draw_string(c, self._X((ax + bx) / 2) + 4, self._Y((ay + by) / 2) + 4,
                        k.label, 11.0)

    def _stamp(self, st: Stamp) -> None:
        c = self.canv
        drawing = _stamp_drawing(st.pictogram)
        if drawing is None:
            c.setStrokeColor(colors.HexColor("#888888"))
            c.setDash(3, 2)
            c.roundRect(self._X(st.x) + 2, self._Y(st.y + st.h) + 2, st.w - 4, st.h - 4, 6)
            c.setDash()
            return
        c.saveState()
        c.translate(self._X(st.x), self._Y(st.y + st.h))
        c.scale(st.w / drawing.width, st.h / drawing.height)
        renderPDF.draw(drawing, c, 0, 0)
        c.restoreState()


_DRAWERS = {Note: BoardPicture._note, Frame: BoardPicture._frame,
            Heading: BoardPicture._heading, Stroke: BoardPicture._stroke,
            Connector: BoardPicture._connector, Stamp: BoardPicture._stamp}


def _runs(text: str):
    from facilitator.minutes.fonts import runs
    return runs(text)


def _centre(e: Element) -> tuple[float, float]:
    return e.x + e.w / 2, e.y + e.h / 2


def _edge(e: Element, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from ``e``'s centre towards ``(tx, ty)`` leaves its box."""
    cx, cy = _centre(e)
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    t = min((e.w / 2) / abs(dx) if dx else math.inf, (e.h / 2) / abs(dy) if dy else math.inf)
    return cx + dx * min(t, 1.0), cy + dy * min(t, 1.0)


def _fit(text: str, width: float, size: float) -> str:
    """The first line of ``text``, shortened with … to ``width``."""
    line = text.split("\n", 1)[0]
    if string_width(line, size) <= width:
        return line
    while line and string_width(line + "…", size) > width:
        line = line[:-1]
    return line + "…"


@functools.lru_cache(maxsize=8192)
def _note_paragraph(text: str, width: float, room: float):
    """(paragraph, its height, whether it was cut) of a note's text in its box."""
    if room <= NOTE_FONT or width <= NOTE_FONT:
        return None, 0.0, bool(text)
    para = Paragraph(markup(text), NOTE_STYLE)
    _, h = para.wrap(width, room)
    if h <= room:
        return para, h, False
    lines = max(1, int(room // NOTE_STYLE.leading))
    # Cut at the characters that fit: a note of 10,000 characters is not wrapped whole.
    approx = int(lines * width / NOTE_FONT * 1.05) + 1
    for n in range(lines, 0, -1):
        head = Paragraph(markup(text[:approx]), NOTE_STYLE)
        head.wrap(width, room)
        parts = head.split(width, n * NOTE_STYLE.leading + 0.5)
        if parts:
            first = parts[0]
            _, fh = first.wrap(width, room)
            if fh <= room:
                return first, fh, True
    return None, 0.0, True


def board_pictures(elements: list[Element], width: float, height: float,
                   min_scale: float = MIN_SCALE) -> list[tuple[BoardPicture, str]]:
    """Pictures of a board for a frame of ``width`` x ``height``, each with a tile note.

    One picture when the whole board fits at a legible scale; else an
    overview and then tiles at ``min_scale`` (note "n/m: row r, column c").
    """
    region = bounds(elements)
    fit = min(width / region[2], height / region[3], 1.0)
    if fit >= min_scale * 0.85:  # nearly legible whole: one page beats tiles
        return [(BoardPicture(elements, region, fit), "")]
    out = [(BoardPicture(elements, region, fit, text=fit >= TEXT_SCALE), "overview")]
    cols = math.ceil(region[2] * min_scale / width)
    rows = math.ceil(region[3] * min_scale / height)
    # Spread the board evenly over the tiles, each as large as the page allows.
    tile_w, tile_h = region[2] / cols, region[3] / rows
    scale = min(width / tile_w, height / tile_h, 1.0)
    count = rows * cols
    for r in range(rows):
        for c in range(cols):
            sub = (region[0] + c * tile_w, region[1] + r * tile_h, tile_w, tile_h)
            out.append((BoardPicture(elements, sub, scale),
                        f"{r * cols + c + 1}/{count}:{r + 1}:{c + 1}"))
    return out
