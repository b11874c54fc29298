"""Where things go when accepting themes lays frames out again (pure, no Qt).

:func:`pack` places the theme frames of an acceptance in rows around what
stays on the board; :func:`anchored` says where a stamp, heading or ink that
a frame carried goes in the frame's new place (a corner stays that corner);
:func:`connector_record` keeps an arrow's stored geometry on its ends, so the
record says what the board draws (exports, bounds, the next layout).
"""

from __future__ import annotations

import math

from facilitator.board.attached import Rect, record_extent
from facilitator.board.placement import GAP
from facilitator.workshop.model import Connector, Element, Frame, Note, Stroke

#: Height of a frame's title bar (as the board draws it) plus its padding.
FRAME_BAR = 28.0
FRAME_PAD = 16.0
#: Widest row of frames before the next row starts (board points).
ROW_WIDTH = 2400.0
MAX_COLUMNS = 8
#: A note's type as the board draws it (px): long notes grow taller than
#: their record, so the layout makes room by this (generous) estimate.
_CHAR_W, _LINE_H, _NOTE_CHROME = 13.0, 18.0, 40.0


def shown_height(note: Note) -> float:
    """The height a note will take on the board: its own, or more for long text."""
    per_line = max(1, int((note.w - 16) // _CHAR_W))
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in note.text.split("\n"))
    return max(note.h, lines * _LINE_H + _NOTE_CHROME)


def _row_heights(notes: list[Note], cols: int) -> list[float]:
    return [max(shown_height(nt) for nt in notes[r:r + cols])
            for r in range(0, len(notes), cols)]


def frame_size(notes: list[Note]) -> tuple[int, float, float]:
    """Columns, width and height of a frame holding ``notes`` in a grid."""
    n = max(len(notes), 1)
    cols = min(MAX_COLUMNS, max(1, math.ceil(math.sqrt(n))))
    cw = max((nt.w for nt in notes), default=160.0)
    rows = math.ceil(n / cols)
    heights = _row_heights(notes, cols) or [100.0]
    w = 2 * FRAME_PAD + cols * cw + (cols - 1) * GAP
    h = FRAME_BAR + 2 * FRAME_PAD + sum(heights) + (rows - 1) * GAP
    return cols, w, h


def _hits(rect: Rect, obstacles) -> list:
    x, y, w, h = rect
    return [o for o in obstacles if o[0][0] < x + w and x < o[0][0] + o[0][2]
            and o[0][1] < y + h and y < o[0][1] + o[0][3]]


def pack(boxes, origin, obstacles=()):
    """Positions of notes and frames: frames in rows from ``origin`` (shelf packing),
    a parent group's themes on rows of their own, その他 last (``boxes`` are
    ``(theme, notes, sort key (is_other, parent, index))``).

    ``obstacles`` are ``(rect, peer)`` of what stays on the board: a frame is
    never laid over one.  Past a peer (a frame or note that stays) the row goes
    on to its right; anything else (a heading, a pictogram, ink) starts a row
    below it, so frames never sit beside a title.
    """
    ox, oy = origin
    placed: dict[str, tuple[str, tuple[float, float]]] = {}
    frames: list = []
    x, y, row_h = ox, oy, 0.0
    last_group = None
    for theme, notes, key in sorted(boxes, key=lambda b: b[2]):
        group = key[:2]
        cols, w, h = frame_size(notes)
        if x > ox and (group != last_group or x + w - ox > ROW_WIDTH):
            x, y, row_h = ox, y + row_h + 2 * GAP, 0.0
        last_group = group
        while True:
            hit = _hits((x - GAP, y - GAP, w + 2 * GAP, h + 2 * GAP), obstacles)
            if not hit:
                break
            right = max(r[0] + r[2] for r, _ in hit) + 2 * GAP
            if all(peer for _, peer in hit) and right + w - ox <= ROW_WIDTH:
                x = right
            elif row_h > 0:
                x, y, row_h = ox, y + row_h + 2 * GAP, 0.0
            else:
                x, y = ox, min(r[1] + r[3] for r, _ in hit) + 2 * GAP
        frames.append((theme, (x, y, w, h)))
        cw = max((nt.w for nt in notes), default=160.0)
        ny = y + FRAME_BAR + FRAME_PAD
        for r, rh in enumerate(_row_heights(notes, cols)):
            for c, note in enumerate(notes[r * cols:(r + 1) * cols]):
                placed[note.id] = (theme.id, (x + FRAME_PAD + c * (cw + GAP), ny))
            ny += rh + GAP
        x += w + 2 * GAP
        row_h = max(row_h, h)
    return placed, frames


def anchored(rect: Rect, old: Rect, new: Rect) -> tuple[float, float]:
    """Where a thing at ``rect`` in a frame at ``old`` goes in the frame at ``new``:
    the same distance from the nearer side (a pictogram in the top-right corner
    stays in that corner of a wider, taller frame), kept inside when it fits."""
    x, y, w, h = rect
    ox, oy, ow, oh = old
    nx0, ny0, nw, nh = new
    nx = nx0 + nw - (ox + ow - x) if x + w / 2 > ox + ow / 2 else nx0 + x - ox
    # Top half (title bar side) from the top, the rest from the bottom.
    ny = ny0 + nh - (oy + oh - y) if y + h / 2 > oy + oh / 2 else ny0 + y - oy
    if w <= nw:
        nx = min(max(nx, nx0), nx0 + nw - w)
    if h <= nh:
        ny = min(max(ny, ny0), ny0 + nh - h)
    return nx, ny


def ink_owner(stroke: Element, notes, extent) -> Note | None:
    """The note a stroke marks (a circle round it, a line under it): of the notes
    it overlaps, the one it overlaps most; None when it touches none."""
    if not isinstance(stroke, Stroke):
        return None
    sx, sy, sw, sh = record_extent(stroke)
    best, best_area = None, 0.0
    for note in notes:
        nx, ny, nw, nh = extent(note)
        ow = min(sx + sw, nx + nw) - max(sx, nx)
        oh = min(sy + sh, ny + nh) - max(sy, ny)
        if ow > 0 and oh > 0 and ow * oh > best_area:
            best, best_area = note, ow * oh
    return best


def centre(rect: Rect) -> tuple[float, float]:
    return rect[0] + rect[2] / 2, rect[1] + rect[3] / 2


def connector_record(conn: Connector, ends: dict[str, Rect],
                     moves: dict[str, tuple[float, float]]) -> Connector:
    """``conn`` with its stored line on its ends as they will be drawn.

    ``ends`` holds the new rectangles of elements; ``moves`` their shifts.  Both
    ends attached: from centre to centre (as the board stores a new arrow); one
    end attached: the arrow goes along with that end, whole.
    """
    src, tgt = ends.get(conn.source_id or ""), ends.get(conn.target_id or "")
    if src is not None and tgt is not None:
        (ax, ay), (bx, by) = centre(src), centre(tgt)
        return conn.replace(x=ax, y=ay, w=bx - ax, h=by - ay)
    for end in (conn.source_id, conn.target_id):
        if end in moves:
            dx, dy = moves[end]
            return conn.replace(x=conn.x + dx, y=conn.y + dy)
    return conn


def is_peer(e: Element) -> bool:
    """Frames and notes that stay: the row of new frames may go on beside them."""
    return isinstance(e, (Frame, Note))
