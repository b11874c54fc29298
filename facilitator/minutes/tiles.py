"""Where a board too large for one page is cut into tiles: along the gaps between things.

A tile never cuts a note: every note is drawn whole in exactly one tile.  A
frame (with what it holds) stays whole in one tile whenever it fits on one,
and so do a heading, a stamp or ink that fit.  The board is cut recursively
along gaps where nothing lies (between rows of frames, between columns of
notes: an XY-cut), each piece growing until it would not fit a page at the
tile scale; only where no gap runs through are pieces packed one by one.
Every tile holds at least one thing, so no page of the graphic record is blank.

Things larger than a tile (a frame round a whole board, a long arrow, ink
across everything) are "decor": drawn, clipped, on every tile they cross.
Pure geometry, no reportlab: the tests check its output directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.workshop.model import Connector, Element, Frame, Heading, Note, Stroke

Rect = tuple[float, float, float, float]   # x0, y0, x1, y1 (board coordinates)

#: Room kept around a tile's content (board points): the paper shows a little of
#: what surrounds it, never a note cut by the page's edge.
TILE_MARGIN = 14.0
#: How far above a tile's content a large frame's top may be and still be shown
#: (its title bar and padding, as theme frames are laid out).
FRAME_REACH = 64.0


@dataclass(frozen=True)
class Tile:
    """One page of a split board: ``region`` (x, y, w, h) and the ids it holds whole."""

    region: tuple[float, float, float, float]
    members: frozenset[str]


def extent(e: Element) -> Rect:
    return (e.x, e.y, e.x + max(e.w, 1.0), e.y + max(e.h, 1.0))


def _union(a: Rect, b: Rect) -> Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _fits(r: Rect, w: float, h: float) -> bool:
    return r[2] - r[0] <= w and r[3] - r[1] <= h


def _drawn(e: Element) -> bool:
    """Whether ``e`` draws anything (an empty heading or a one-point stroke does not)."""
    if isinstance(e, Stroke):
        return len(e.points) >= 2
    if isinstance(e, Heading):
        return bool(e.text.strip())
    return not isinstance(e, Connector)


class _Units:
    """Union-find of elements into units that must share a tile (overlapping things)."""

    def __init__(self, elements: list[Element]) -> None:
        self.parent = {e.id: e.id for e in elements}
        self.rect = {e.id: extent(e) for e in elements}
        self.notes = {e.id for e in elements if isinstance(e, Note)}

    def find(self, a: str) -> str:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def join(self, a: str, b: str, w: float, h: float) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        both = _union(self.rect[ra], self.rect[rb])
        if _fits(both, w, h):
            self.parent[rb] = ra
            self.rect[ra] = both


def units_of(elements: list[Element], w: float, h: float) -> tuple[list[tuple[Rect, list[str]]],
                                                                     set[str]]:
    """(units, decor ids): overlapping things joined while they fit a ``w`` x ``h`` tile.

    A note larger than a tile is a unit of its own (it gets a page at a smaller
    scale, never cut); anything else larger than a tile is decor.
    """
    items, decor = [], set()
    for e in elements:
        fits = _fits(extent(e), w, h)
        if _drawn(e) and (fits or isinstance(e, Note)):
            items.append(e)
        else:
            decor.add(e.id)
    uf = _Units(items)
    # Sweep along x: only things whose x ranges meet can overlap.
    order = sorted(items, key=lambda e: extent(e)[0])
    active: list[tuple[float, Element]] = []
    for e in order:
        r = extent(e)
        active = [(x1, o) for x1, o in active if x1 > r[0]]
        for _, o in active:
            q = extent(o)
            if q[1] < r[3] and r[1] < q[3]:
                uf.join(o.id, e.id, w, h)
        active.append((r[2], e))
    groups: dict[str, list[str]] = {}
    for e in items:
        groups.setdefault(uf.find(e.id), []).append(e.id)
    return [(uf.rect[root], ids) for root, ids in groups.items()], decor


def _segments(units, axis: int, limit: float) -> list[list]:
    """``units`` in consecutive pieces along ``axis`` (0: x, 1: y), cut only in gaps,
    each piece as long as fits ``limit`` (a run with no gap in it may be longer)."""
    lo, hi = axis, axis + 2
    ordered = sorted(units, key=lambda u: u[0][lo])
    runs: list[tuple[float, float, list]] = []
    for u in ordered:
        if runs and u[0][lo] < runs[-1][1]:
            start, end, members = runs[-1]
            runs[-1] = (start, max(end, u[0][hi]), members + [u])
        else:
            runs.append((u[0][lo], u[0][hi], [u]))
    pieces: list[tuple[float, float, list]] = []
    for start, end, members in runs:
        if pieces and end - pieces[-1][0] <= limit:
            pieces[-1] = (pieces[-1][0], end, pieces[-1][2] + members)
        else:
            pieces.append((start, end, members))
    return [p[2] for p in pieces]


def _bbox(units) -> Rect:
    r = units[0][0]
    for u in units[1:]:
        r = _union(r, u[0])
    return r


def _cut(units, w: float, h: float) -> list[list]:
    """Groups of ``units``, each fitting ``w`` x ``h`` where it can (an XY-cut)."""
    box = _bbox(units)
    if _fits(box, w, h) or len(units) == 1:
        return [units]
    over_x, over_y = (box[2] - box[0]) / w, (box[3] - box[1]) / h
    for axis in ((0, 1) if over_x >= over_y else (1, 0)):
        pieces = _segments(units, axis, w if axis == 0 else h)
        if len(pieces) > 1:
            return [g for piece in pieces for g in _cut(piece, w, h)]
    return _pack(units, w, h)


def _pack(units, w: float, h: float) -> list[list]:
    """No gap runs through ``units``: take them top-left first, a page's worth at a time."""
    left = sorted(units, key=lambda u: (u[0][1], u[0][0]))
    out = []
    while left:
        x0, y0 = left[0][0][0], left[0][0][1]
        window = (x0, y0, x0 + w, y0 + h)
        inside = [u for u in left if u[0][0] >= window[0] and u[0][1] >= window[1]
                  and u[0][2] <= window[2] and u[0][3] <= window[3]] or [left[0]]
        out.append(inside)
        taken = {id(u) for u in inside}
        left = [u for u in left if id(u) not in taken]
    return out


def _merged(groups: list[list], w: float, h: float) -> list[list]:
    """``groups`` with the small ones joined to a neighbour wherever both fit one page
    (a cut can leave a lone note or frame on a page of its own)."""
    groups = [g for g in groups if g]
    boxes = [_bbox(g) for g in groups]
    while True:
        best = None
        for i in sorted(range(len(groups)), key=lambda k: len(groups[k])):
            for j in range(len(groups)):
                if i == j:
                    continue
                both = _union(boxes[i], boxes[j])
                if _fits(both, w, h):
                    area = (both[2] - both[0]) * (both[3] - both[1])
                    if best is None or area < best[0]:
                        best = (area, i, j, both)
            if best is not None:
                break
        if best is None:
            return groups
        _, i, j, both = best
        groups[j] = groups[j] + groups[i]
        boxes[j] = both
        del groups[i], boxes[i]


def plan_tiles(elements: list[Element], width: float, height: float,
               margin: float = TILE_MARGIN) -> tuple[list[Tile], set[str]]:
    """Tiles of a board for a page showing ``width`` x ``height`` board points, and
    the decor ids (drawn clipped wherever they fall).

    Tiles come in reading order (top to bottom, then left to right); each region
    is its content with ``margin`` around it, so it never exceeds the page
    except for a note larger than a page, which gets a tile of its own.
    """
    w, h = width - 2 * margin, height - 2 * margin
    units, decor = units_of(elements, w, h)
    if not units:
        return [], decor
    groups = _merged(_cut(units, w, h), w, h)
    big_frames = [e for e in elements if e.id in decor and isinstance(e, Frame)]
    tiles = []
    for group in groups:
        x0, y0, x1, y1 = _bbox(group)
        # Inside a frame larger than a page, just under its title bar: show the bar.
        tops = [f.y for f in big_frames if f.x < x1 and x0 < f.x + f.w
                and f.y < y0 <= f.y + FRAME_REACH and y1 - f.y + 2 <= h]
        y0 = min([t - 2 for t in tops], default=y0)
        tiles.append(Tile((x0 - margin, y0 - margin, x1 - x0 + 2 * margin,
                           y1 - y0 + 2 * margin),
                          frozenset(i for _, ids in group for i in ids)))
    band = max(height / 2, 1.0)
    tiles.sort(key=lambda t: (int(t.region[1] // band), t.region[0], t.region[1]))
    return tiles, decor


def neighbours(tiles: list[Tile]) -> list[dict[str, int]]:
    """For each tile, the nearest tile beyond each of its sides ("left", "right", "up",
    "down") whose content runs alongside: where the board continues."""
    out = []
    for t in tiles:
        tx, ty, tw, th = t.region
        found: dict[str, tuple[float, int]] = {}
        for j, u in enumerate(tiles):
            if u is t:
                continue
            ux, uy, uw, uh = u.region
            beside_y = min(ty + th, uy + uh) - max(ty, uy) > 0
            beside_x = min(tx + tw, ux + uw) - max(tx, ux) > 0
            centre_dx = (ux + uw / 2) - (tx + tw / 2)
            centre_dy = (uy + uh / 2) - (ty + th / 2)
            for side, ok, dist in (("right", beside_y and ux >= tx + tw / 2, centre_dx),
                                   ("left", beside_y and ux + uw <= tx + tw / 2, -centre_dx),
                                   ("down", beside_x and uy >= ty + th / 2, centre_dy),
                                   ("up", beside_x and uy + uh <= ty + th / 2, -centre_dy)):
                if ok and dist > 0 and (side not in found or dist < found[side][0]):
                    found[side] = (dist, j)
        out.append({side: j for side, (_, j) in found.items()})
    return out


def centre(e: Element) -> tuple[float, float]:
    return e.x + e.w / 2, e.y + e.h / 2


def edge(e: Element, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from ``e``'s centre towards ``(tx, ty)`` leaves its box."""
    cx, cy = centre(e)
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    t = min((e.w / 2) / abs(dx) if dx else math.inf, (e.h / 2) / abs(dy) if dy else math.inf)
    return cx + dx * min(t, 1.0), cy + dy * min(t, 1.0)


def clip(ax: float, ay: float, bx: float, by: float,
         rect: tuple[float, float, float, float]):
    """The part of the segment a-b inside ``rect`` (x0, y0, x1, y1), or None (Liang-Barsky)."""
    t0, t1 = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - rect[0]), (dx, rect[2] - ax), (-dy, ay - rect[1]),
                 (dy, rect[3] - ay)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (ax + t0 * dx, ay + t0 * dy), (ax + t1 * dx, ay + t1 * dy)


Box = tuple[float, float, float, float]    # x, y, w, h


def tag_spot(r: Box, bw: float, th: float, region: Box,
             covers: list[tuple[float, float, float, float, float]]) -> tuple[float, float]:
    """Where (top left) the ``bw`` x ``th`` tag numbering tile ``r`` goes on an overview
    of ``region`` (boxes ``(x, y, w, h)``): at a corner of the tile, inside or just outside
    it, the first whose overlap with ``covers`` (``(x0, y0, x1, y1, cost)``: frame titles,
    headings, stamps, tags placed) costs least.  Tiles are cut along the gaps between
    things, so a tile's top left corner is often a frame's, its title right there."""
    x, y, w, h = r
    left, right, top, bottom = x, x + w - bw, y, y + h - th
    spots = [(left, top), (left, top - th), (right, top), (right, top - th),
             (left, bottom), (right, bottom), (left, y + h), (right, y + h),
             (x - bw, top), (x + w, top)]
    # On the picture: a tile reaches a little past it (its margin), the tag does not.
    x0, y0, rw, rh = region
    spots = [(min(max(sx, x0), x0 + rw - bw), min(max(sy, y0), y0 + rh - th))
             for sx, sy in spots]

    def cost(spot: tuple[float, float]) -> float:
        sx, sy = spot
        return sum(c for ax, ay, bx, by, c in covers
                   if sx < bx and ax < sx + bw and sy < by and ay < sy + th)
    return min(spots, key=cost)  # the first of equal costs
