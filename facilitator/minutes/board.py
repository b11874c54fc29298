"""The graphic record in the PDF: a board drawn as vector graphics from its records.

Notes, frames, headings, strokes, connectors and stamps are drawn from the
model (not from a screenshot), so they print sharp at any size.  A board
that would have to shrink below :data:`MIN_SCALE` to fit the page is shown
whole once (shapes only when its type would be unreadable, the tiles marked
and numbered on it) and then in tiles (:mod:`facilitator.minutes.tiles`),
one page each: cut along the gaps between things, so no note is ever cut and
a frame only when it is larger than a page; arrows at a tile's edges name
the part the board continues in.
"""

from __future__ import annotations

import functools
import math

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from facilitator.i18n import translate
from facilitator.workshop.model import Connector, Element, Frame, Heading, Note, Stamp, Stroke
from facilitator.paths import STAMPS_DIR
from facilitator.minutes.fonts import FONT, draw_string, markup, string_width
from facilitator.minutes.tiles import Tile, neighbours, plan_tiles

#: Below this scale a board is split into tiles: a note's text (NOTE_FONT) prints at
#: NOTE_FONT * MIN_SCALE points (5.5 pt); raise it for larger type on paper (9 pt: 0.7).
MIN_SCALE = 0.42
#: Tile scales tried, largest first: the largest giving no more tiles than MIN_SCALE wins.
TILE_SCALES = (1.0, 0.85, 0.72, 0.6, 0.5)
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
    """The part ``region`` (board coordinates) of a board, drawn at ``scale``.

    A tile draws only its ``members``, the ``decor`` that crosses it and
    whatever else lies wholly inside it (never a neighbour's note cut in two);
    ``continues`` maps a side ("left", "right", "up", "down") to the number of
    the part the board continues in there; ``keymap`` outlines and numbers
    the tiles on an overview.
    """

    def __init__(self, elements: list[Element], region: tuple[float, float, float, float],
                 scale: float, text: bool = True, members: frozenset[str] | None = None,
                 decor: frozenset[str] | set[str] = frozenset(),
                 continues: dict[str, int] | None = None,
                 keymap: list[tuple[float, float, float, float]] = ()) -> None:
        super().__init__()
        self.elements = elements
        self.region = region
        self.scale = scale
        self.text = text
        self.members = members
        self.decor = decor
        self.continues = continues or {}
        self.keymap = list(keymap)
        self.width = region[2] * scale
        self.height = region[3] * scale
        self._by_id = {e.id: e for e in elements}

    def shown(self) -> list[Element]:
        """The elements this picture draws (in stacking order)."""
        x0, y0, w, h = self.region
        out = []
        for e in self.elements:
            ew, eh = max(e.w, 1), max(e.h, 1)
            if e.x > x0 + w or e.y > y0 + h or e.x + ew < x0 or e.y + eh < y0:
                continue
            if (self.members is None or e.id in self.members or e.id in self.decor
                    or (e.x >= x0 and e.y >= y0 and e.x + ew <= x0 + w
                        and e.y + eh <= y0 + h)):
                out.append(e)
        return out

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
        for e in self.shown():
            drawer = _DRAWERS.get(type(e))
            if drawer:
                drawer(self, e)
        for n, r in enumerate(self.keymap, start=1):
            self._key(n, r)
        canv.restoreState()
        for side, n in self.continues.items():
            self._continues(side, n)

    def _key(self, n: int, r: tuple[float, float, float, float]) -> None:
        """Tile ``n``'s outline and number on an overview."""
        c = self.canv
        c.saveState()
        c.setStrokeColor(colors.HexColor("#2F5D9B"))
        c.setLineWidth(1.5 / self.scale)
        c.setDash(6 / self.scale, 3 / self.scale)
        c.rect(self._X(r[0]), self._Y(r[1] + r[3]), r[2], r[3], fill=0, stroke=1)
        c.setDash()
        size = 9.0 / self.scale
        label = str(n)
        bw = string_width(label, size) + size * 0.6
        c.setFillColor(colors.HexColor("#2F5D9B"))
        c.rect(self._X(r[0]), self._Y(r[1]) - size * 1.3, bw, size * 1.3, fill=1, stroke=0)
        c.setFillColor(colors.white)
        draw_string(c, self._X(r[0]) + size * 0.3, self._Y(r[1]) - size * 1.0, label, size)
        c.restoreState()

    def _continues(self, side: str, n: int) -> None:
        """A tab beside a side: the part the board continues in, that way."""
        c = self.canv
        size = 7.5
        arrow = {"left": "←", "right": "→", "up": "↑", "down": "↓"}[side]
        part = translate("Report", "part {n}").format(n=n)
        text = f"{arrow} {part}" if side in ("left", "up") else f"{part} {arrow}"
        tw = string_width(text, size) + 6
        th = size + 4
        # Outside the picture (in the page's margin), never over what it shows.
        x = {"left": -tw - 2, "right": self.width + 2, "up": self.width - tw}.get(
            side, (self.width - tw) / 2)
        y = {"down": -th - 2, "up": self.height + 2}.get(side, (self.height - th) / 2)
        c.saveState()
        c.setFillColor(colors.HexColor("#2F5D9B"))
        c.roundRect(x, y, tw, th, 2, fill=1, stroke=0)
        c.setFillColor(colors.white)
        draw_string(c, x + 3, y + 2.6, text, size)
        c.restoreState()

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
            x0, y0, w, h = self.region
            if self.members is not None and f.x + PAD < x0 and y0 <= f.y < y0 + h:
                self._frame_goes_on(f, x0, min(f.x + f.w, x0 + w), bar, size)

    def _frame_goes_on(self, f: Frame, x: float, right: float, bar: float,
                       size: float) -> None:
        """A frame wider than a tile, its title bar entering from the part on the left:
        the title again, in the bar (where nothing else goes)."""
        text = translate("Report", "{title} (continued)").format(title=f.title)
        if right - x > 4 * size:
            draw_string(self.canv, self._X(x) + PAD, self._Y(f.y + bar / 2) - size * 0.35,
                        _fit(text, right - x - 2 * PAD, size), size)

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
    overview (the tiles outlined and numbered on it) and then the tiles of
    :func:`tiling`, each noted ``"n/count"``.
    """
    region = bounds(elements)
    fit = min(width / region[2], height / region[3], 1.0)
    if fit >= min_scale * 0.85:  # nearly legible whole: one page beats tiles
        return [(BoardPicture(elements, region, fit), "")]
    tiles, decor, scale = tiling(elements, width, height, min_scale)
    out = [(BoardPicture(elements, region, fit, text=fit >= TEXT_SCALE,
                         keymap=[t.region for t in tiles]), "overview")]
    for i, (tile, near) in enumerate(zip(tiles, neighbours(tiles))):
        w, h = tile.region[2], tile.region[3]
        out.append((BoardPicture(elements, tile.region, min(scale, width / w, height / h),
                                 members=tile.members, decor=decor,
                                 continues={side: j + 1 for side, j in near.items()}),
                    f"{i + 1}/{len(tiles)}"))
    return out


def tiling(elements: list[Element], width: float, height: float,
           min_scale: float = MIN_SCALE) -> tuple[list[Tile], set[str], float]:
    """(tiles, decor ids, scale) of a board for a ``width`` x ``height`` frame.

    The scale is the largest of :data:`TILE_SCALES` (never below ``min_scale``)
    that needs no more tiles than ``min_scale`` does, so the pages are as few
    and the type as large as they can be; every tile is drawn at that scale
    (a note larger than a page gets a page of its own, smaller).
    """
    tiles, decor = plan_tiles(elements, width / min_scale, height / min_scale)
    chosen = min_scale
    for s in TILE_SCALES:
        if s <= min_scale:
            break
        bigger, bigger_decor = plan_tiles(elements, width / s, height / s)
        if len(bigger) <= len(tiles):
            tiles, decor, chosen = bigger, bigger_decor, s
            break
    scale = min([min(width / t.region[2], height / t.region[3], 1.0) for t in tiles
                 if t.region[2] * chosen <= width + 0.01
                 and t.region[3] * chosen <= height + 0.01] or [chosen])
    return tiles, decor, scale
