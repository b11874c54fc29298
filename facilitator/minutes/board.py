"""The graphic record in the PDF: a board drawn as vector graphics from its records.

Notes, frames, headings, strokes, connectors and stamps are drawn from the
model (not from a screenshot), so they print sharp at any size.  A board
that would have to shrink below :data:`MIN_SCALE` to fit the page is shown
whole once (a map: notes as blocks, frame titles and the tiles marked and
numbered on it) and then in tiles (:mod:`facilitator.minutes.tiles`), one
page each: cut along the gaps between things, so no note is ever cut and a
frame only when it is larger than a page; arrows at a tile's edges name the
part the board continues in.

Type on paper never goes below :class:`Type` (the minutes: note text, titles
and labels 9 pt, author names 7 pt): a picture drawn smaller than that sets
its text larger than the board's, wrapping or shortening a note's text (the
full text is printed under its theme).  Every text is filled, never outlined,
in an ink chosen for the colour under it (:mod:`facilitator.minutes.ink`:
WCAG contrast >= 4.5).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.platypus import Flowable

from facilitator.i18n import translate
from facilitator.workshop.model import Connector, Element, Frame, Heading, Note, Stamp, Stroke
from facilitator.paths import STAMPS_DIR
from facilitator.minutes.fonts import draw_string, string_width
from facilitator.minutes.ink import Rgb, blend, hex_of, ink_on, rgb
from facilitator.minutes.notetext import NOTE_FONT, fit, note_paragraph
from facilitator.minutes.tiles import (
    Tile, centre, clip, edge, neighbours, plan_tiles, tag_spot,
)


@dataclass(frozen=True)
class Type:
    """The smallest sizes (points on paper) a board picture prints its text at."""

    text: float = 9.0      # note text, frame titles, headings, labels, tabs
    author: float = 7.0    # author names under a note's text


# The minutes' board pictures.
MINUTES_TYPE = Type()
# Below this scale a board is split into tiles.  At 0.63 two theme frames side by side
# fit an A4 landscape page; a note's text (NOTE_FONT, 13 on the board) would print at
# 8.2 pt, so it is set at Type.text (9 pt: 14.3 board units, 10% larger than on the
# screen) and author names at 7 pt; from scale 0.7 up every text is as on the board.
MIN_SCALE = 0.63
# Tile scales tried, largest first: the largest giving no more tiles than MIN_SCALE wins.
TILE_SCALES = (1.0, 0.85, 0.72, 0.6, 0.5)
# Text is set at most this much larger than on the board to reach Type where it could run
# over what lies below (headings: a smaller picture shows their first line only).
STRETCH = 1.25
PAD = 8.0          # inside a note, as on the screen
FRAME_BAR = 28.0   # a frame's title bar
FRAME_TITLE = 14.0
AUTHOR_FONT = 10.0
LABEL_FONT = 11.0  # a connector's label
MARGIN = 12.0      # around the board's content
BAR_ALPHA = 60 / 255
PAPER: Rgb = (1.0, 1.0, 1.0)
INK: Rgb = rgb("#1A1A1A")       # note text, titles
SOFT_INK: Rgb = rgb("#5A5A5A")  # author names, when they read well enough on the note
TAB = colors.HexColor("#2F5D9B")
# What covering a text costs a tile's tag on an overview (it goes where it costs least).
COVER_TITLE, COVER_HEADING, COVER_STAMP = 100.0, 10.0, 1.0


def _color(value: str, fallback: str) -> colors.Color:
    try:
        return colors.HexColor(value or fallback)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


def _rgb(value: str, fallback: str) -> Rgb:
    return tuple(_color(value, fallback).rgb())  # type: ignore[return-value]


def _ink(c: Rgb) -> colors.Color:
    return colors.Color(*c)


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
    the tiles on an overview.  ``note_text`` False draws notes as blocks (a
    map); ``type`` is the smallest type on paper.  After drawing,
    ``smallest`` is the smallest text size it printed (points; inf if none).
    """

    def __init__(self, elements: list[Element], region: tuple[float, float, float, float],
                 scale: float, note_text: bool = True, members: frozenset[str] | None = None,
                 decor: frozenset[str] | set[str] = frozenset(),
                 continues: dict[str, int] | None = None,
                 keymap: list[tuple[float, float, float, float]] = (),
                 type: Type = MINUTES_TYPE) -> None:  # noqa: A002 (the typographer's word)
        super().__init__()
        self.elements = elements
        self.region = region
        self.scale = scale
        self.note_text = note_text
        self.members = members
        self.decor = decor
        self.continues = continues or {}
        self.keymap = list(keymap)
        self.type = type
        self.width = region[2] * scale
        self.height = region[3] * scale
        self.smallest = math.inf
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
        shown = self.shown()
        self._stamps = [e for e in shown if isinstance(e, Stamp)]
        # Boxes (board units, with how much covering each costs) a tile's tag keeps clear of.
        self._covers: list[tuple[float, float, float, float, float]] = [
            (e.x, e.y, e.x + e.w, e.y + e.h, COVER_STAMP) for e in self._stamps]
        for e in shown:
            drawer = _DRAWERS.get(type(e))
            if drawer:
                drawer(self, e)
        # Frame titles last, on their own label: never under a note or an arrow,
        # and legible when set larger than the bar (an overview).
        for e in shown:
            if isinstance(e, Frame):
                self._frame_title(e)
        for n, r in enumerate(self.keymap, start=1):
            self._key(n, r)
        canv.restoreState()
        for side, n in self.continues.items():
            self._continues(side, n)

    # -- type ---------------------------------------------------------------------------
    def size(self, natural: float, floor: float) -> float:
        """A text's size in board units: as on the board, but never below ``floor`` points
        on paper."""
        return max(natural, floor / self.scale)

    def _printed(self, size: float) -> None:
        self.smallest = min(self.smallest, size * self.scale)

    def _text(self, x: float, y: float, text: str, size: float, ink: Rgb) -> None:
        """One line of filled text at ``(x, y)`` (page units of the picture)."""
        self.canv.setFillColor(_ink(ink))
        draw_string(self.canv, x, y, text, size)
        self._printed(size)

    def _key(self, n: int, r: tuple[float, float, float, float]) -> None:
        """Tile ``n``'s outline and number on an overview."""
        c = self.canv
        c.saveState()
        c.setStrokeColor(TAB)
        c.setLineWidth(1.5 / self.scale)
        c.setDash(6 / self.scale, 3 / self.scale)
        c.rect(self._X(r[0]), self._Y(r[1] + r[3]), r[2], r[3], fill=0, stroke=1)
        c.setDash()
        size = self.size(0, self.type.text)
        label = str(n)
        bw, th = string_width(label, size) + size * 0.6, size * 1.3
        x, y = tag_spot(r, bw, th, self.region, self._covers)
        self._covers.append((x, y, x + bw, y + th, COVER_TITLE))  # the next tags too
        c.setFillColor(TAB)
        c.rect(self._X(x), self._Y(y + th), bw, th, fill=1, stroke=0)
        self._text(self._X(x) + size * 0.3, self._Y(y + th) + size * 0.3, label, size, PAPER)
        c.restoreState()

    def _continues(self, side: str, n: int) -> None:
        """A tab beside a side: the part the board continues in, that way."""
        c = self.canv
        size = self.type.text
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
        c.setFillColor(TAB)
        c.roundRect(x, y, tw, th, 2, fill=1, stroke=0)
        c.setFillColor(_ink(PAPER))
        draw_string(c, x + 3, y + 0.3 * size + 0.4, text, size)
        self.smallest = min(self.smallest, size)  # drawn unscaled
        c.restoreState()

    # -- one element each ---------------------------------------------------------
    def _X(self, x: float) -> float:  # noqa: N802
        return x - self._x0

    def _Y(self, y: float) -> float:  # noqa: N802
        return self._top - y

    def _note(self, n: Note) -> None:
        c = self.canv
        fill = _rgb(n.color, "#FFF4A8")
        c.setFillColor(_ink(fill))
        c.setStrokeColor(colors.HexColor("#C8C2A8"))
        c.setLineWidth(0.6)
        c.rect(self._X(n.x), self._Y(n.y + n.h), n.w, n.h, fill=1, stroke=1)
        if not self.note_text:
            return
        size = self.size(NOTE_FONT, self.type.text)
        small = self.size(AUTHOR_FONT, self.type.author)
        ink = hex_of(ink_on(fill, INK))
        width, full = n.w - 2 * PAD, n.h - 2 * PAD
        # The foot line holds the author and, when the text is cut, a "…" (the full
        # text is printed under its theme); a note too small for both keeps its text.
        alone = None if n.author else note_paragraph(n.text, width, full, size, ink)
        footed = None
        if alone is None or alone[2]:
            footed = note_paragraph(n.text, width, full - max(small + 1, AUTHOR_FONT + 3),
                                     size, ink)
            if footed[0] is None:
                footed = None
                alone = alone or note_paragraph(n.text, width, full, size, ink)
        para, shown, cut = footed or alone
        if para is not None:
            self._note_text(n, para, shown)
        if footed is None:
            return
        soft = ink_on(fill, SOFT_INK)
        if cut:
            mark = string_width("…", small)
            self._text(self._X(n.x + n.w) - PAD - mark, self._Y(n.y + n.h) + PAD, "…",
                       small, soft)
        if n.author:
            self._text(self._X(n.x) + PAD, self._Y(n.y + n.h) + PAD,
                       fit(n.author, width - 1.5 * small, small), small, soft)

    def _note_text(self, n: Note, para, shown: float) -> None:
        para.drawOn(self.canv, self._X(n.x) + PAD, self._Y(n.y + PAD) - shown)
        self._printed(para.style.fontSize)

    def _frame(self, f: Frame) -> None:
        c = self.canv
        col = _color(f.color, "#888888")
        c.setStrokeColor(col)
        c.setLineWidth(2.0)
        c.rect(self._X(f.x), self._Y(f.y + f.h), f.w, f.h, fill=0, stroke=1)
        bar = min(FRAME_BAR, f.h)
        c.setFillColor(col, alpha=BAR_ALPHA)
        c.rect(self._X(f.x), self._Y(f.y + bar), f.w, bar, fill=1, stroke=0)

    def _frame_title(self, f: Frame) -> None:
        """A frame's title in its bar, on a label of the bar's colour (drawn opaque)."""
        if not f.title:
            return
        x0, y0, w, h = self.region
        size = self.size(FRAME_TITLE, self.type.text)
        bar = min(FRAME_BAR, f.h)
        # Up to the pictogram in the bar's right end (a theme's stamp), not over it.
        right = min([e.x for e in self._stamps if f.x + f.w / 2 < e.x < f.x + f.w
                     and e.y < f.y + max(bar, size * 1.4) and f.y < e.y + e.h],
                    default=f.x + f.w)
        self._label(f, f.title, f.x, right + PAD, bar, size)
        if self.members is not None and f.x + PAD < x0 and y0 <= f.y < y0 + h:
            # A frame wider than a tile, its title bar entering from the part on the
            # left: the title again, in the bar (where nothing else goes).
            text = translate("Report", "{title} (continued)").format(title=f.title)
            right = min(f.x + f.w, x0 + w)
            if right - x0 > 4 * size:
                self._label(f, text, x0, right, bar, size)

    def _label(self, f: Frame, text: str, left: float, right: float, bar: float,
               size: float) -> None:
        text = fit(text, right - left - 2 * PAD, size)
        if not text.strip("…"):
            return
        back = blend(_rgb(f.color, "#888888"), BAR_ALPHA, PAPER)
        c = self.canv
        tall = max(bar, size * 1.4)
        wide = min(string_width(text, size) + 2 * PAD, right - left)
        c.setFillColor(_ink(back))
        c.rect(self._X(left) + 1, self._Y(f.y + tall) + 1, wide - 2, tall - 2,
               fill=1, stroke=0)
        self._covers.append((left, f.y, left + wide, f.y + tall, COVER_TITLE))
        self._text(self._X(left) + PAD, self._Y(f.y + tall / 2) - size * 0.35, text, size,
                   ink_on(back, INK))

    def _heading(self, hd: Heading) -> None:
        # Filled only: IPAexGothic has no bold face, and an outline (render mode 2)
        # stays on for whatever text is drawn next (it made notes print grey).
        ink = ink_on(PAPER, _rgb(hd.color, "#222222"))
        natural = max(hd.size, 4.0)
        size = self.size(natural, self.type.text)
        if size > natural * STRETCH:
            # Larger type would run over what lies below: a map (overview, poster) shows
            # the first line only, within the heading's width, on a paper label.
            first = hd.text.strip().split("\n", 1)
            line = fit(first[0] + ("…" if len(first) > 1 else ""),
                       max(hd.w, 6 * size), size)
            x, y = self._X(hd.x), self._Y(hd.y) - size
            self._covers.append((hd.x, hd.y, hd.x + string_width(line, size) + 2,
                                 hd.y + size * 1.3, COVER_HEADING))
            self.canv.setFillColor(_ink(PAPER))
            self.canv.rect(x - 1, y - size * 0.3, string_width(line, size) + 2, size * 1.3,
                           fill=1, stroke=0)
            self._text(x, y, line, size, ink)
            return
        lines = hd.text.split("\n")
        self._covers.append((hd.x, hd.y, hd.x + max(string_width(t, size) for t in lines),
                             hd.y + size * (0.3 + 1.35 * len(lines)), COVER_HEADING))
        for i, line in enumerate(lines):
            if line:
                self._text(self._X(hd.x), self._Y(hd.y) - size * (1.0 + 1.35 * i), line,
                           size, ink)

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
            (ax, ay), (bx, by) = centre(a), centre(b)
            ax, ay = edge(a, bx, by)
            bx, by = edge(b, ax, ay)
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
        if k.label and self.note_text:
            self._connector_label(k.label, ax, ay, bx, by)

    def _connector_label(self, label: str, ax: float, ay: float, bx: float,
                         by: float) -> None:
        """The label at the middle of the part of the line this picture shows (a tile
        may show only one end), on a paper label, inside the picture."""
        size = self.size(LABEL_FONT, self.type.text)
        lw = string_width(label, size) + 4
        x0, y0, w, h = self.region
        seen = clip(ax, ay, bx, by, (x0, y0 + size * 1.3, x0 + w - lw - 6, y0 + h - 6))
        if seen is None:
            return
        (sx, sy), (ex, ey) = seen
        x, y = self._X((sx + ex) / 2) + 4, self._Y((sy + ey) / 2) + 4
        # On a paper label: an arrow's words stay legible where it crosses notes.
        self.canv.setFillColor(_ink(PAPER))
        self.canv.rect(x - 2, y - size * 0.3, lw, size * 1.25, fill=1, stroke=0)
        self._text(x, y, label, size, ink_on(PAPER, rgb("#333333")))

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


def board_pictures(elements: list[Element], width: float, height: float,
                   min_scale: float = MIN_SCALE) -> list[tuple[BoardPicture, str]]:
    """Pictures of a board for a frame of ``width`` x ``height``, each with a tile note.

    One picture when the whole board fits at a legible scale; else an
    overview (the tiles outlined and numbered on it) and then the tiles of
    :func:`tiling`, each noted ``"n/count"``.
    """
    region = bounds(elements)
    fit = min(width / region[2], height / region[3], 1.0)
    if fit >= min_scale:  # legible whole: one page
        return [(BoardPicture(elements, region, fit), "")]
    tiles, decor, scale = tiling(elements, width, height, min_scale)
    out = [(BoardPicture(elements, region, fit, note_text=False,
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
