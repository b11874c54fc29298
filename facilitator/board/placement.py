"""Where new notes go on a board: the first free place of tidy columns, by real size.

Notes grow with their text (:mod:`facilitator.board.note_size`), so a fixed
grid lets a long note run over the row below it.  New notes go instead into
columns (as a wall of sticky notes): each takes the highest free place, left
first on a tie, in which its whole rectangle keeps :data:`GAP` from everything
already on the board, drawn sizes counted.  Notes typed in a row therefore fill
the columns left to right, and a long note pushes only its own column down.
"""

from __future__ import annotations

import bisect
from typing import Callable, Iterable, Sequence

from facilitator.board.attached import Rect, record_extent
from facilitator.board.note_size import note_height
from facilitator.workshop.model import NOTE_H, NOTE_W, Connector, Element, Note

GAP = 16.0
COLUMNS = 6
#: Elements larger than this (a huge frame, a long stroke) are left out: they
#: would leave no place, where the user expects notes to keep coming.
_HUGE = 1e6


def drawn_extent(e: Element) -> Rect:
    """An element's rectangle as the board draws it: a note at least as tall as its text."""
    x, y, w, h = record_extent(e)
    if isinstance(e, Note):
        h = max(h, note_height(e.text, e.w))
    return x, y, w, h


class _Column:
    """The free stretches of one column, as sorted ``[start, end)`` pairs."""

    def __init__(self, top: float, blocked: list[tuple[float, float]]) -> None:
        """Free from ``top`` down, but for the ``blocked`` stretches (in any order)."""
        self.starts: list[float] = []
        self.ends: list[float] = []
        start = top
        for b0, b1 in sorted(blocked):
            if b1 <= start:
                continue
            if b0 > start:
                self.starts.append(start)
                self.ends.append(b0)
            start = b1
        self.starts.append(start)
        self.ends.append(float("inf"))

    def block(self, top: float, bottom: float) -> None:
        """Take ``[top, bottom)`` out of the free stretches."""
        starts, ends = self.starts, self.ends
        i = max(bisect.bisect_right(starts, top) - 1, 0)
        new_s, new_e = starts[:i], ends[:i]
        for s, e in zip(starts[i:], ends[i:]):
            if e <= top or s >= bottom:
                new_s.append(s)
                new_e.append(e)
                continue
            if s < top:
                new_s.append(s)
                new_e.append(top)
            if e > bottom:
                new_s.append(bottom)
                new_e.append(e)
        self.starts, self.ends = new_s, new_e

    def first_fit(self, height: float) -> float:
        """The top of the highest free stretch ``height`` fits in."""
        for s, e in zip(self.starts, self.ends):
            if e - s >= height:
                return s
        return self.starts[-1]  # not reached: the last stretch never ends


class FreeColumns:
    """The free places of a board's columns, kept from one new note to the next.

    Built once from what is on the board (as :func:`free_spots` measures it);
    :meth:`take` gives each new note its place and keeps it taken, so a caller
    adding notes one by one to a board nothing else changed meanwhile (notes
    arriving from the room's devices) need not measure the board again.
    """

    def __init__(self, existing: Iterable[Element], columns: int = COLUMNS,
                 origin: tuple[float, float] = (0.0, 0.0), width: float = NOTE_W, *,
                 extent: Callable[[Element], Rect] = drawn_extent) -> None:
        ox, oy = self.origin = origin
        pitch = self.pitch = width + GAP
        blocked: list[list[tuple[float, float]]] = [[] for _ in range(columns)]
        for e in existing:
            if isinstance(e, Connector) and (e.source_id or e.target_id):
                continue  # drawn between its ends, over whatever lies there
            x, y, w, h = extent(e)
            if w > _HUGE or h > _HUGE:
                continue
            # Every column whose notes would come closer than GAP to it.
            near, far = x - GAP, x + max(w, 1.0) + GAP
            stretch = (y - GAP, y + max(h, 1.0) + GAP)
            for c in range(max(0, int((near - ox) // pitch)), columns):
                left = ox + c * pitch
                if left >= far:
                    break
                if left + pitch - GAP > near:
                    blocked[c].append(stretch)
        self.cols = [_Column(oy, stretches) for stretches in blocked]

    def take(self, height: float) -> tuple[float, float]:
        """The top-left of the highest free place ``height`` tall (leftmost on a tie),
        taken from now on."""
        y, c = min((col.first_fit(height), i) for i, col in enumerate(self.cols))
        self.cols[c].block(y - GAP, y + height + GAP)
        return self.origin[0] + c * self.pitch, y


def free_spots(existing: Iterable[Element], count: int, columns: int = COLUMNS,
               origin: tuple[float, float] = (0.0, 0.0),
               size: tuple[float, float] = (NOTE_W, NOTE_H), *,
               sizes: Sequence[tuple[float, float]] | None = None,
               extent: Callable[[Element], Rect] = drawn_extent) -> list[tuple[float, float]]:
    """Top-left positions for ``count`` new notes that overlap nothing on the board.

    Each note is ``size`` (or ``sizes[i]``) large; ``columns`` columns of the
    widest of them start at ``origin``.  A note takes the highest place where
    it keeps :data:`GAP` from every element (as ``extent`` measures it: by
    default as drawn, long notes taller than their record) and from the notes
    placed before it; on a tie the leftmost column.
    """
    sizes = list(sizes) if sizes is not None else [size] * count
    if len(sizes) != count:
        raise ValueError("sizes must give one size per note")
    if not count:
        return []
    free = FreeColumns(existing, columns, origin, max(w for w, _ in sizes), extent=extent)
    return [free.take(h) for _, h in sizes]
