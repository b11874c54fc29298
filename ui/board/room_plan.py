"""Where the room layout (F5, the whole board) puts its tiles and cards: geometry only.

The room layout shows each theme (frame, group or note colour) as a tile with
its title on top and its notes as cards in a grid, filling the screen.  Sizes
are worked out in *em* (the note type's pixel size) and the largest type that
fits is chosen; when the notes cannot all be shown at the smallest type the
back of the room reads (1/40 of the screen height), the tiles show as many
cards as fit at that size and count the others.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF

# All in em of the note type.
CARD_W = 6.5        # about six CJK characters a line at least (cards stretch wider)
CARD_PAD = 0.3      # inside a card
LINE = 1.3          # line spacing of note text
GAP = 0.35          # between cards
TILE_PAD = 0.3      # inside a tile, around its cards
TILE_GAP = 0.6      # between tiles
MARGIN = 0.4        # around everything
TITLE_SCALE = 1.1   # a tile's title against the note type
MORE_LINE = 1.5     # the "N notes" line of a tile whose cards do not fit
#: Cards grow up to this much beyond their least size to fill the screen.
MAX_STRETCH = 1.8
#: Lines of note text a card shows at least (fewer when that lets the type reach 1/40),
#: and at most asks for (more when the screen leaves room: the cards stretch).
MIN_LINES, MAX_LINES = (3, 2), 6
#: A type this much above the least is worth a line less of each note.
COMFORT = 1.15
#: The note type is at most this fraction of the screen height (one note is not a poster).
MAX_FONT_FRACTION = 1 / 12


@dataclass
class Tile:
    """One theme as the room sees it: a title, a colour and its notes (ids, in reading order)."""

    title: str
    color: str
    notes: list = field(default_factory=list)   # the note items (their records are read)
    select: list = field(default_factory=list)  # ids selected when the tile is opened


@dataclass
class TilePlan:
    tile: Tile
    rect: QRectF
    title_rect: QRectF
    cards: list = field(default_factory=list)   # (note item, QRectF), in reading order
    more: QRectF | None = None                  # where "N more" goes
    hidden: int = 0                             # notes not shown as cards


@dataclass
class Plan:
    font_px: float = 0.0
    title_px: float = 0.0
    lines: int = 0
    full: bool = True                # every note shown as a card
    tiles: list = field(default_factory=list)
    hidden_tiles: int = 0
    more_tiles: QRectF | None = None


def title_ems(title: str) -> float:
    """Width of ``title`` in em of its own type (CJK one em, the rest about half)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in title)


def title_h(tile: Tile, inner_w: float) -> float:
    """Height (em of the note type) of a tile's title band for an inner width in em."""
    if not tile.title:
        return 0.0
    lines = 1 if title_ems(tile.title) * TITLE_SCALE * 1.08 <= inner_w else 2  # bold is wider
    return TITLE_SCALE * LINE * lines + 0.2


def card_h(lines: int) -> float:
    return 2 * CARD_PAD + lines * LINE


def tile_size(tile: Tile, rows: int, lines: int) -> tuple[float, float, int]:
    """Width, height (em) and card columns of ``tile`` with ``rows`` rows of cards."""
    n = len(tile.notes)
    cols = max(1, math.ceil(n / rows)) if n else 1
    used = math.ceil(n / cols) if n else 0
    w = cols * CARD_W + (cols - 1) * GAP + 2 * TILE_PAD
    w = max(w, min(title_ems(tile.title) * TITLE_SCALE, 2 * CARD_W) + 2 * TILE_PAD)
    h = title_h(tile, w - 2 * TILE_PAD) + used * card_h(lines) + max(0, used - 1) * GAP \
        + 2 * TILE_PAD + (MORE_LINE if n == 0 else 0)
    return w, h, cols


def split_rows(tiles: list, count: int) -> list[list]:
    """``tiles`` in reading order cut into ``count`` rows of nearly equal length."""
    rows, start = [], 0
    for i in range(count):
        size = len(tiles) // count + (1 if i < len(tiles) % count else 0)
        rows.append(tiles[start:start + size])
        start += size
    return [r for r in rows if r]


def _row_for(row: list, font: float, width: float, lines: int):
    """The fewest card rows with which ``row`` of tiles fits ``width`` at ``font`` px,
    as (height em, [(tile, w, h, cols)], card rows), or None."""
    most = max(1, max(len(t.notes) for t in row))

    def sizes(rows):
        return [(t, *tile_size(t, rows, lines)) for t in row]

    def fits(got):
        return (sum(s[1] for s in got) + (len(got) - 1) * TILE_GAP + 2 * MARGIN) * font <= width

    if not fits(sizes(most)):
        return None
    lo, hi = 1, most
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(sizes(mid)):
            hi = mid
        else:
            lo = mid + 1
    got = sizes(lo)
    return max(s[2] for s in got), got, lo


def _layout(rows: list, font: float, width: float, height: float, lines: int):
    """Rows of tiles at ``font`` px, or None when they do not fit ``width`` x ``height``."""
    out, total = [], 2 * MARGIN
    for row in rows:
        got = _row_for(row, font, width, lines)
        if got is None:
            return None
        out.append(got)
        total += got[0]
    total += (len(rows) - 1) * TILE_GAP
    return out if total * font <= height else None


def plan_full(tiles: list, width: float, height: float, lines: int):
    """The largest note type (px) with which every note of ``tiles`` is a card of at least
    ``lines`` lines, with its rows; (0, None) when nothing fits."""
    notes = sum(len(t.notes) for t in tiles)
    best_font, best = 0.0, None
    top = height * MAX_FONT_FRACTION
    for count in range(1, min(len(tiles), 10) + 1):
        rows = split_rows(tiles, count)
        lo, hi = 1.0, top
        if _layout(rows, lo, width, height, lines) is None:
            continue
        while hi - lo > 0.25:
            mid = (lo + hi) / 2
            if _layout(rows, mid, width, height, lines) is None:
                hi = mid
            else:
                lo = mid
        if lo > best_font:
            best_font, best = lo, rows
        # More rows of tiles only help when the cards are wider than the screen allows.
        if notes and notes * (CARD_W * lo) * (card_h(lines) * lo) > width * height:
            break
    return best_font, best


def place_full(rows: list, font: float, width: float, height: float, lines: int) -> Plan:
    """Pixel rectangles of the tiles and cards of ``rows`` at ``font`` px, stretched to fill."""
    laid = _layout(rows, font, width, height, lines)
    plan = Plan(font_px=font, title_px=font * TITLE_SCALE, lines=lines)
    em_h = sum(r[0] for r in laid) + (len(laid) - 1) * TILE_GAP + 2 * MARGIN
    sy = min(MAX_STRETCH, height / (em_h * font))
    y = (height - em_h * font * sy) / 2 + MARGIN * font
    for row_h, got, card_rows in laid:
        em_w = sum(s[1] for s in got) + (len(got) - 1) * TILE_GAP + 2 * MARGIN
        sx = min(MAX_STRETCH, width / (em_w * font))
        x = (width - em_w * font * sx) / 2 + MARGIN * font
        th = row_h * font * sy
        for tile, w, _h, cols in got:
            tw = w * font * sx
            plan.tiles.append(_fill_tile(tile, QRectF(x, y, tw, th), font, cols, card_rows))
            x += tw + TILE_GAP * font
        y += th + TILE_GAP * font
    return plan


def _fill_tile(tile: Tile, rect: QRectF, font: float, cols: int, rows: int) -> TilePlan:
    """Cards of ``tile`` in ``cols`` x ``rows`` cells filling ``rect`` (the rest counted)."""
    pad, gap = TILE_PAD * font, GAP * font
    inner = rect.adjusted(pad, pad, -pad, -pad)
    band = title_h(tile, inner.width() / font) * font
    title = QRectF(rect.left(), rect.top(), rect.width(), band + pad)
    out = TilePlan(tile, rect, title)
    notes = tile.notes
    cells = cols * rows
    if rows <= 0 or cols <= 0 or cells <= 0:
        out.hidden = len(notes)
        out.more = QRectF(inner.left(), inner.top() + band, inner.width(), MORE_LINE * font)
        return out
    shown = notes if len(notes) <= cells else notes[:cells - 1]
    cw = (inner.width() - (cols - 1) * gap) / cols
    ch = (inner.height() - band - (rows - 1) * gap) / rows
    for i, note in enumerate(shown):
        r, c = divmod(i, cols)
        out.cards.append((note, QRectF(inner.left() + c * (cw + gap),
                                       inner.top() + band + r * (ch + gap), cw, ch)))
    out.hidden = len(notes) - len(shown)
    if out.hidden:
        r, c = divmod(len(shown), cols)
        out.more = QRectF(inner.left() + c * (cw + gap), inner.top() + band + r * (ch + gap),
                          cw, ch)
    elif not notes:
        out.more = QRectF(inner.left(), inner.top() + band, inner.width(), MORE_LINE * font)
    return out


def plan_capped(tiles: list, font: float, width: float, height: float, lines: int) -> Plan:
    """Too many notes for cards of ``font`` px: tiles in a grid, each showing the cards that
    fit at that size and counting the rest; too many tiles: the first ones, counted."""
    plan = Plan(font_px=font, title_px=font * TITLE_SCALE, lines=lines, full=False)
    cw_px, ch_px, gap = CARD_W * font, card_h(lines) * font, GAP * font
    least_w = 6 * TITLE_SCALE * font + 2 * TILE_PAD * font
    least_h = (title_h(Tile("x", ""), 99) + MORE_LINE + 2 * TILE_PAD) * font
    area_w, area_h = width - 2 * MARGIN * font, height - 2 * MARGIN * font
    most = max(1, int((area_w + TILE_GAP * font) // (least_w + TILE_GAP * font))) * \
        max(1, int((area_h + TILE_GAP * font) // (least_h + TILE_GAP * font)))
    shown = tiles if len(tiles) <= most else tiles[:most - 1]
    best = None
    for cols in range(1, len(shown) + 1):
        rows = math.ceil(len(shown) / cols)
        tw = (area_w - (cols - 1) * TILE_GAP * font) / cols
        th = (area_h - (rows - 1) * TILE_GAP * font) / rows
        if tw < least_w or th < least_h:
            continue
        a = max(0, int((tw - 2 * TILE_PAD * font + gap) // (cw_px + gap)))
        score = 0
        for tile in shown:
            band = title_h(tile, (tw - 2 * TILE_PAD * font) / font) * font
            r = max(0, int((th - 2 * TILE_PAD * font - band + gap) // (ch_px + gap)))
            score += min(len(tile.notes), a * r)
        if best is None or score > best[0]:
            best = (score, cols, rows, tw, th, a)
    if best is None:
        return plan
    _score, cols, rows, tw, th, a = best
    for i, tile in enumerate(shown):
        row, col = divmod(i, cols)
        rect = QRectF(MARGIN * font + col * (tw + TILE_GAP * font),
                      MARGIN * font + row * (th + TILE_GAP * font), tw, th)
        band = title_h(tile, (tw - 2 * TILE_PAD * font) / font) * font
        r = max(0, int((th - 2 * TILE_PAD * font - band + gap) // (ch_px + gap)))
        n = len(tile.notes)
        if n and a * r:  # no wider or taller cells than the notes need
            c = min(a, n)
            plan.tiles.append(_fill_tile(tile, rect, font, c, min(r, math.ceil(n / c))))
        else:
            plan.tiles.append(_fill_tile(tile, rect, font, 0, 0))
    plan.hidden_tiles = len(tiles) - len(shown)
    if plan.hidden_tiles:
        plan.more_tiles = QRectF(MARGIN * font + (len(shown) % cols) * (tw + TILE_GAP * font),
                                 MARGIN * font + (len(shown) // cols) * (th + TILE_GAP * font),
                                 tw, th)
    return plan


def lines_wanted(tiles: list) -> int:
    """Lines of text a card needs for the median note (about six characters a line)."""
    sizes = sorted(len(n.rec.text) for t in tiles for n in t.notes if hasattr(n, "rec"))
    if not sizes:
        return MIN_LINES[-1]
    return max(MIN_LINES[-1], min(MAX_LINES, math.ceil(sizes[len(sizes) // 2] / 6)))


def plan_room(tiles: list, width: float, height: float, least_font: float) -> Plan:
    """The room layout of ``tiles`` on ``width`` x ``height`` pixels: every note a card
    showing as many lines as it can with its type comfortably above ``least_font``
    (else just above it), else as many cards as fit at ``least_font``."""
    if not tiles or width <= 0 or height <= 0:
        return Plan()
    notes = sum(len(t.notes) for t in tiles)
    found = []
    for lines in range(lines_wanted(tiles), MIN_LINES[-1] - 1, -1):
        if notes * CARD_W * card_h(lines) * least_font ** 2 > width * height:
            continue  # cannot fit even without titles and gaps: no search needed
        font, rows = plan_full(tiles, width, height, lines)
        if rows is None or font < least_font:
            continue
        found.append((font, rows, lines))
        if font >= least_font * COMFORT:
            break
    if found:
        # The most lines in a comfortable type, else the most lines at all.
        font, rows, lines = next((f for f in found if f[0] >= least_font * COMFORT), found[0])
        return place_full(rows, font, width, height, lines)
    return plan_capped(tiles, least_font, width, height, MIN_LINES[-1])
